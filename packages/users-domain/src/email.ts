import { UsersErrors } from './errors.js';

const MAX_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// RFC 5321 dot-atom local part (no quoted strings: nobody types them, many systems choke on them).
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A user's email address: trimmed, lowercased, at most 254 characters, `local@domain.tld`. */
export class Email {
  private constructor(readonly value: string) {}

  /** Parses raw input; throws `invalid` `users.invalid_email` when it is not a usable address. */
  static of(raw: string): Email {
    const value = raw.trim().toLowerCase();
    const problem = Email.#problemOf(value);
    if (problem !== null) {
      throw UsersErrors.invalidEmail(problem);
    }
    return new Email(value);
  }

  static #problemOf(value: string): string | null {
    if (value.length === 0) return 'Email is required';
    if (value.length > MAX_LENGTH) return `Email must be at most ${MAX_LENGTH} characters`;
    const at = value.lastIndexOf('@');
    if (at < 1 || at === value.length - 1) return 'Email must look like name@example.com';
    const local = value.slice(0, at);
    const labels = value.slice(at + 1).split('.');
    if (local.length > MAX_LOCAL_LENGTH)
      return `The part before @ must be at most ${MAX_LOCAL_LENGTH} characters`;
    if (!LOCAL_PART.test(local)) return 'The part before @ contains characters that are not allowed';
    // A dotless or numeric-TLD domain is a local host or an IP, never a deliverable public address.
    if (
      labels.length < 2 ||
      !labels.every((label) => DOMAIN_LABEL.test(label)) ||
      /^\d+$/.test(labels.at(-1) ?? '')
    ) {
      return 'The domain after @ is not valid';
    }
    return null;
  }

  /** Whether both hold the same address. */
  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
