import { __Ctx__Errors } from './errors.js';

const MAX_LENGTH = 200;
// Control characters and line/paragraph separators break logs, headers and one-line displays.
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** The title of a __agg__: trimmed, 1 to 200 characters, no control characters. */
export class __Agg__Title {
  private constructor(readonly value: string) {}

  /** Parses raw input; throws `invalid` `__ctx__.invalid_title` when it breaks a rule. */
  static of(raw: string): __Agg__Title {
    const value = raw.trim().normalize('NFC');
    const problem =
      value.length === 0
        ? 'Title is required'
        : Array.from(value).length > MAX_LENGTH
          ? `Title must be at most ${MAX_LENGTH} characters`
          : FORBIDDEN.test(value)
            ? 'Title must not contain control characters or line breaks'
            : null;
    if (problem !== null) {
      throw __Ctx__Errors.invalidTitle(problem);
    }
    return new __Agg__Title(value);
  }
}
