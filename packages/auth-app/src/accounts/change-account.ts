import type { Account, AccountRepository } from '@contextflow/auth-domain';

/**
 * Loads an account, applies `change` and saves it. Resolves with the saved account, or `null` (nothing saved)
 * when there is no account with that id. A save that loses an optimistic race throws `auth.concurrent_update`:
 * the platform runs the whole unit of work again (its one race policy), never this step alone.
 */
export async function changeAccount(
  accounts: AccountRepository,
  accountId: string,
  change: (account: Account) => void,
): Promise<Account | null> {
  const account = await accounts.findById(accountId);
  if (account === null) return null;
  change(account);
  await accounts.save(account);
  return account;
}
