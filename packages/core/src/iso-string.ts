const MS_PER_DAY = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the times whose ISO text has a four-digit year. */
const FIRST = -62_167_219_200_000;
const LAST = 253_402_300_799_999;
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** `YYYY-MM-DDT` of a day number (days since 1970-01-01), from Howard Hinnant's `civil_from_days`. */
function dayText(days: number): string {
  // Days since 0000-03-01, in 400-year eras of 146,097 days; a year counted from March, so Feb 29 comes last.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${TWO[Math.floor(year / 100)]}${TWO[year % 100]}-${TWO[month]}-${TWO[day]}T`;
}

// The last day written: timestamps written together (a page of rows, log lines) mostly share their day.
let lastDay = Number.NaN;
let lastDayText = '';

/**
 * `new Date(ms).toISOString()`, the same text (`2026-12-07T14:59:35.123Z`) at about a third of its cost
 * (0.12 against 0.42 µs, the text flattened as JSON does): a page of twenty views holds forty timestamps.
 * Times outside years 0–9999 (six-digit years), and invalid ones (a `RangeError`), are left to `toISOString`.
 */
export function isoStringAt(ms: number): string {
  if (!(ms >= FIRST && ms <= LAST)) return new Date(ms).toISOString();
  const days = Math.floor(ms / MS_PER_DAY);
  if (days !== lastDay) {
    lastDayText = dayText(days);
    lastDay = days;
  }
  let rest = ms - days * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${lastDayText}${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${THREE[rest - seconds * 1000]}Z`;
}

/** `date.toISOString()`, the same text at about a third of its cost: see {@link isoStringAt}. */
export function isoString(date: Date): string {
  return isoStringAt(date.getTime());
}
