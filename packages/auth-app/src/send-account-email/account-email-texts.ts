import type { LinkPurpose } from '../ports/account-links.js';

/** The subject and text of an email carrying a link, by purpose; the text part holds the link itself. */
export function linkEmailText(
  purpose: LinkPurpose,
  link: string,
  validForSeconds: number,
  reminder: boolean,
): { readonly subject: string; readonly text: string } {
  const validity = describeDuration(validForSeconds);
  if (purpose === 'verify-email') {
    return {
      subject: reminder ? 'Reminder: verify your email address' : 'Verify your email address',
      text:
        `${reminder ? 'Your email address is not verified yet. ' : ''}Open this link to verify your email address:\n\n` +
        `${link}\n\nThe link works once, for ${validity}, and stops working when a newer one is sent.\n` +
        'If you did not create an account, ignore this email.\n',
    };
  }
  return {
    subject: 'Reset your password',
    text:
      `Open this link to choose a new password:\n\n${link}\n\n` +
      `The link works once, for ${validity}. Setting a new password signs you out everywhere.\n` +
      'If you did not ask for a reset, ignore this email: your password stays as it is.\n',
  };
}

/** The email that tells an account's owner someone tried to register with their address. */
export function registrationAttemptedText(): { readonly subject: string; readonly text: string } {
  return {
    subject: 'Someone tried to register with your email address',
    text:
      'Someone tried to create an account with this email address, which already has one. No account was ' +
      'created.\nIf it was you, sign in instead, or reset your password if you forgot it.\n',
  };
}

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
