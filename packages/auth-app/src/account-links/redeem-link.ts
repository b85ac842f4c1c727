import { AuthErrors } from '@contextflow/auth-domain';
import type { AccountLink, AccountLinks, LinkPurpose } from '../ports/account-links.js';
import type { LinkSecrets } from '../ports/link-secrets.js';

/** What a command carries to use a link: its id and the hash of the secret (never the secret itself). */
export interface LinkProof {
  readonly linkId: string;
  readonly tokenHash: string;
}

/**
 * The link `proof` names, checked and marked used; other unused links of its purpose are superseded. Throws
 * `auth.invalid_token` for an unknown, unsent, used, expired or superseded link, a link of another purpose, or
 * a secret that does not match (compared in constant time).
 */
export async function redeemLink(
  links: AccountLinks,
  secrets: LinkSecrets,
  proof: LinkProof,
  purpose: LinkPurpose,
  now: Date,
): Promise<AccountLink> {
  const link = await links.find(proof.linkId);
  const live =
    link !== null &&
    link.purpose === purpose &&
    link.tokenHash !== null &&
    link.usedAt === null &&
    link.supersededAt === null &&
    link.expiresAt.getTime() > now.getTime();
  // Compared even when the link is not live, so the time taken does not tell which check failed.
  const matches = secrets.sameHash(link?.tokenHash ?? '', proof.tokenHash);
  if (!live || !matches) throw AuthErrors.invalidToken();
  await links.markUsed(link.id, now);
  await links.supersedeAll(link.accountId, purpose, now);
  return link;
}
