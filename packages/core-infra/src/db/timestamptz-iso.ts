import { isoString } from '@contextflow/core';

/** `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]][ BC]`: a `timestamptz` as PostgreSQL writes it (DateStyle ISO). */
const TIMESTAMPTZ_TEXT =
  /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?( BC)?$/;

const isDigit = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
};

/**
 * Whether `text` has the shape of a `timestamptz` as a UTC session writes it, `YYYY-MM-DD HH:MM:SS[.f…]+00`
 * (a four-digit year, 1–6 digits of fraction or none): its length, its `+00` and its separators, by position.
 * The shape both {@link timestamptzIso} and the runtime's pool parser read fast, each checking the digits of
 * what it reads; anything else takes their general reading.
 */
export function isUtcTimestamptzText(text: string): boolean {
  const length = text.length;
  // 19 characters of date and time, '.' and 1–6 digits or nothing, then '+00'.
  return (
    length >= 22 &&
    length <= 29 &&
    length !== 23 &&
    text.endsWith('+00') &&
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 32 && // space
    text.charCodeAt(13) === 58 && // :
    text.charCodeAt(16) === 58 &&
    (length === 22 || text.charCodeAt(19) === 46) // .
  );
}

/**
 * The ISO text of a `timestamptz` read as text (`created_at::text`): what `isoString` (and `toISOString`)
 * gives for the `Date` pg would have made of it, without making one. PostgreSQL writes the value in the
 * session's time zone; in a UTC session (`2026-12-07 14:59:35.123456+00`) that is the ISO text but for its
 * separators, so it is cut and joined: about a third of the cost of parsing it into a `Date` and writing that out
 * again. Other offsets (`+05:30`, `-08`) are read and converted. The fraction is truncated to milliseconds, as
 * a `Date` made from the text would be. BC dates and years past 9999 get `toISOString`'s six-digit years. Throws
 * on what names no instant (`infinity`) and on another `DateStyle`.
 */
export function timestamptzIso(text: string): string {
  const fractionEnd = text.length - 3;
  if (isUtcTimestamptzText(text) && isDigit(text, 0) && isDigit(text, fractionEnd - 1)) {
    const millis =
      fractionEnd === 19
        ? '000'
        : fractionEnd >= 23
          ? text.slice(20, 23)
          : text.slice(20, fractionEnd).padEnd(3, '0');
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${millis}Z`;
  }
  return isoString(new Date(readOffsetText(text)));
}

/** The epoch milliseconds of timestamptz text at any offset (the slower, general reading). */
function readOffsetText(text: string): number {
  const match = TIMESTAMPTZ_TEXT.exec(text);
  if (match === null) {
    throw new Error(`timestamptzIso: "${text}" is not a timestamptz as PostgreSQL writes it (DateStyle ISO)`);
  }
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    sign,
    offsetHours,
    offsetMinutes,
    offsetSeconds,
    bc,
  ] = match as unknown as string[];
  const local = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 as they are; 1 BC is year 0, 2 BC year -1.
  local.setUTCFullYear(bc === undefined ? Number(year) : 1 - Number(year), Number(month) - 1, Number(day));
  local.setUTCHours(
    Number(hour),
    Number(minute),
    Number(second),
    fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
  );
  const offset =
    (Number(offsetHours) * 3600 + Number(offsetMinutes ?? 0) * 60 + Number(offsetSeconds ?? 0)) * 1000;
  return local.getTime() - (sign === '-' ? -offset : offset);
}
