import { UsersErrors } from './errors.js';

const MAX_LENGTH = 100;
// Control characters and line/paragraph separators break logs, headers and one-line displays.
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/**
 * A user's display name: trimmed, NFC-normalised, 1 to 100 characters, no control characters. The one
 * definition of a name: the HTTP edge checks input with {@link UserName.problemOf} too (through the users
 * context's `UserNameSchema` contract), so a name the edge accepts is one the domain accepts.
 */
export class UserName {
  /** The most characters (Unicode code points) a name may have. */
  static readonly maxLength = MAX_LENGTH;

  private constructor(readonly value: string) {}

  /** Parses raw input; throws `invalid` `users.invalid_name` when it breaks a rule. */
  static of(raw: string): UserName {
    const value = UserName.#normalise(raw);
    const problem = UserName.#problemWith(value);
    if (problem !== null) {
      throw UsersErrors.invalidName(problem);
    }
    return new UserName(value);
  }

  /** The first rule raw input breaks, as a sentence for the client, or `null` when {@link of} accepts it. */
  static problemOf(raw: string): string | null {
    return UserName.#problemWith(UserName.#normalise(raw));
  }

  static #normalise(raw: string): string {
    return raw.trim().normalize('NFC');
  }

  static #problemWith(value: string): string | null {
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
