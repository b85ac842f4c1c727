import type { AccountLink, AccountLinks } from '../ports/account-links.js';

/** Opens `link` (superseding the account's earlier links of its purpose), valid `ttlSeconds` from `now`. */
export function openLink(
  links: AccountLinks,
  link: Pick<AccountLink, 'id' | 'accountId' | 'purpose'>,
  now: Date,
  ttlSeconds: number,
): Promise<void> {
  return links.open({ ...link, createdAt: now, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) });
}
