import { Email, PasswordPolicy } from '@contextflow/auth-domain';

/**
 * Checks a registration's email and password before the route spends time hashing and enqueues the command;
 * returns the normalised email. Throws `auth.invalid_email` (pointer `/email`) or `auth.weak_password`
 * (pointer `/password`). Pure: no I/O.
 */
export function preparePassword(input: { readonly email: string; readonly password: string }): {
  email: string;
} {
  const email = Email.parse(input.email);
  PasswordPolicy.check(input.password, email);
  return { email: email.value };
}
