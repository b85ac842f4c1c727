import type { Account, AccountRepository } from '@contextflow/auth-domain';
import { retryOnConcurrentUpdate } from './retry-on-concurrent-update.js';

/**
 * Loads an account, applies `change` and saves it; when the save loses an optimistic race, does it all again
 * on fresh state ({@link retryOnConcurrentUpdate}). Resolves with the saved account, or `null` (nothing saved)
 * when there is no account with that id.
 */
export function changeAccount(
  accounts: AccountRepository,
  accountId: string,
  change: (account: Account) => void,
): Promise<Account | null> {
  return retryOnConcurrentUpdate(async () => {
    const account = await accounts.findById(accountId);
    if (account === null) return null;
    change(account);
    await accounts.save(account);
    return account;
  });
}
