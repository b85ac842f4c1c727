import { UsersErrors } from './errors.js';

const MAX_LENGTH = 100;
// Control characters and line/paragraph separators break logs, headers and one-line displays.
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** A user's display name: trimmed, NFC-normalised, 1 to 100 characters, no control characters. */
export class UserName {
  private constructor(readonly value: string) {}

  /** Parses raw input; throws `invalid` `users.invalid_name` when it breaks a rule. */
  static of(raw: string): UserName {
    const value = raw.trim().normalize('NFC');
    const problem = UserName.#problemOf(value);
    if (problem !== null) {
      throw UsersErrors.invalidName(problem);
    }
    return new UserName(value);
  }

  static #problemOf(value: string): string | null {
    if (value.length === 0) return 'Name is required';
    // Counted in code points, as PostgreSQL counts varchar length, so the column limit always agrees.
    if (Array.from(value).length > MAX_LENGTH) return `Name must be at most ${MAX_LENGTH} characters`;
    if (FORBIDDEN.test(value)) return 'Name must not contain control characters or line breaks';
    return null;
  }

  /** Whether both hold the same name. */
  equals(other: UserName): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
