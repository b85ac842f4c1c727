import { codePointLength } from './code-point-length.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import type { Email } from './email.js';
import { AuthErrors } from './errors.js';

const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

/**
 * The rules a new password must meet, after NIST SP 800-63B: a length range counted in Unicode code points
 * (so an emoji is one character), no composition rules, and no password from a breach list or equal to the
 * account's email. The upper bound keeps hashing cost bounded.
 */
export const PasswordPolicy = Object.freeze({
  minLength: MIN_LENGTH,
  maxLength: MAX_LENGTH,

  /** Throws `auth.weak_password` (pointer `/password`) naming the first rule the password breaks. */
  check(password: string, email: Email): void {
    const length = codePointLength(password);
    if (length < MIN_LENGTH) throw AuthErrors.weakPassword(`must be at least ${MIN_LENGTH} characters`);
    if (length > MAX_LENGTH) throw AuthErrors.weakPassword(`must be at most ${MAX_LENGTH} characters`);
    const folded = password.trim().toLowerCase();
    if (COMMON_PASSWORDS.has(folded)) throw AuthErrors.weakPassword('is too common; choose another one');
    if (folded === email.value) throw AuthErrors.weakPassword('must not be your email address');
  },
});
