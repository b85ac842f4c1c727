import { AuthErrors } from './errors.js';

const MAX_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// RFC 5322 dot-atom characters; quoted local parts and address literals are legal but not worth accepting.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** An email address, normalised (trimmed, lower-cased) so that one mailbox has one spelling. */
export class Email {
  private constructor(readonly value: string) {}

  /** Normalises and validates; throws `auth.invalid_email` (pointer `/email`) when it is not a usable address. */
  static parse(raw: string): Email {
    const value = raw.trim().toLowerCase();
    const problem = Email.#problemWith(value);
    if (problem !== null) throw AuthErrors.invalidEmail(problem);
    return new Email(value);
  }

  /** The normalised address, or `null` when the input is not one; for callers that must not reveal why. */
  static tryParse(raw: string): Email | null {
    const value = raw.trim().toLowerCase();
    return Email.#problemWith(value) === null ? new Email(value) : null;
  }

  static #problemWith(value: string): string | null {
    if (value.length === 0) return 'must not be empty';
    if (value.length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters`;
    const at = value.lastIndexOf('@');
    if (at <= 0 || at === value.length - 1) return 'must look like name@example.com';
    const local = value.slice(0, at);
    const labels = value.slice(at + 1).split('.');
    if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return 'has an invalid part before the @';
    if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
      return 'has an invalid domain';
    }
    if (/^[0-9]+$/.test(labels.at(-1) ?? '')) return 'has an invalid domain';
    return null;
  }

  /** Whether both name the same mailbox. */
  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
