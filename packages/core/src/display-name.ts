const MAX_LENGTH = 100;
// Control characters and line/paragraph separators break logs, headers and one-line displays.
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/**
 * The one rule of a person's display name, shared by every context that takes one (auth at registration, users
 * when it renames) and by the HTTP edge: trimmed and NFC-normalised, 1 to 100 characters (Unicode code points,
 * as PostgreSQL counts them), no control characters or line breaks.
 */
export const DisplayName = Object.freeze({
  /** The most characters a name may have. */
  maxLength: MAX_LENGTH,

  /** The name as stored: trimmed, NFC-normalised. */
  normalise(raw: string): string {
    return raw.trim().normalize('NFC');
  },

  /** The first rule raw input breaks, as a sentence for the client, or `null` when it is a good name. */
  problemOf(raw: string): string | null {
    const value = DisplayName.normalise(raw);
    if (value.length === 0) return 'Name is required';
    if (Array.from(value).length > MAX_LENGTH) return `Name must be at most ${MAX_LENGTH} characters`;
    if (FORBIDDEN.test(value)) return 'Name must not contain control characters or line breaks';
    return null;
  },
});
