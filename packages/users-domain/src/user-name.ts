import { DisplayName } from '@contextflow/core';
import { UsersErrors } from './errors.js';

/**
 * A user's display name: the kernel's one rule of a name (`DisplayName`: trimmed, NFC-normalised, 1 to 100
 * characters, no control characters), which the HTTP edge checks too (through the users context's
 * `UserNameSchema` contract), so a name the edge accepts is one the domain accepts.
 */
export class UserName {
  /** The most characters (Unicode code points) a name may have. */
  static readonly maxLength = DisplayName.maxLength;

  private constructor(readonly value: string) {}

  /** Parses raw input; throws `invalid` `users.invalid_name` when it breaks a rule. */
  static of(raw: string): UserName {
    const problem = DisplayName.problemOf(raw);
    if (problem !== null) {
      throw UsersErrors.invalidName(problem);
    }
    return new UserName(DisplayName.normalise(raw));
  }

  /** The first rule raw input breaks, as a sentence for the client, or `null` when {@link of} accepts it. */
  static problemOf(raw: string): string | null {
    return DisplayName.problemOf(raw);
  }

  /** Whether both hold the same name. */
  equals(other: UserName): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
