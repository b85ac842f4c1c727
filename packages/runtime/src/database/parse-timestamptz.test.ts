import { types } from 'pg';
import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from './parse-timestamptz.js';

const stock = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => unknown;

/** `date` as a UTC session's `timestamptz` text, with `fraction` digits of microseconds (trailing zeros kept). */
function asText(date: Date, micros: number, fraction: number): string {
  const iso = date.toISOString();
  const digits = String(micros).padStart(6, '0').slice(0, fraction);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === 0 ? '' : `.${digits}`}+00`;
}

describe('parseTimestamptz', () => {
  it('answers the same Date as pg’s own parser for what a UTC session sends', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 5_000; i++) {
      const date = new Date(Date.UTC(100, 0, 1) + random() * (Date.UTC(9999, 11, 31) - Date.UTC(100, 0, 1)));
      const text = asText(date, Math.floor(random() * 1_000_000), i % 7);
      expect([text, parseTimestamptz(text).getTime()]).toEqual([text, (stock(text) as Date).getTime()]);
    }
  });

  it.each([
    '2026-12-07 14:59:35.57+00',
    '2026-12-07 14:59:35.999999+00',
    '2026-12-07 14:59:35.000001+00',
    '2026-12-07 14:59:35+00',
    '2024-02-29 23:59:59.5+00',
  ])('reads %s to the millisecond the stock parser gives', (text) => {
    expect(parseTimestamptz(text)).toEqual(stock(text));
  });

  it.each([
    '2026-12-07 14:59:35.123+05:30',
    '2026-12-07 14:59:35-08',
    '0050-01-01 00:00:00+00',
    '0001-01-01 00:00:00+00 BC',
    '12026-01-01 00:00:00+00',
    'infinity',
    '-infinity',
    '2026-12-07 14:59:35.+00',
    '2026-1x-07 14:59:35+00',
  ])('leaves %s to the stock parser, with its answer', (text) => {
    expect(parseTimestamptz(text)).toEqual(stock(text));
  });
});
