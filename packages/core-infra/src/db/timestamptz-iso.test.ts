import { describe, expect, it } from 'vitest';
import { timestamptzIso } from './timestamptz-iso.js';

const two = (n: number) => String(n).padStart(2, '0');

/** `date` as PostgreSQL writes it at `offsetMinutes` east of UTC, with `micros` more microseconds. */
function pgText(date: Date, micros: number, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const fraction = String(local.getUTCMilliseconds() * 1000 + micros)
    .padStart(6, '0')
    .replace(/0+$/, '');
  const offset = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(offset / 60))}${offset % 60 === 0 ? '' : `:${two(offset % 60)}`}`;
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    `${fraction === '' ? '' : `.${fraction}`}${zone}`
  );
}

describe('timestamptzIso', () => {
  it('turns the text of a UTC session into the ISO text, the fraction cut to milliseconds', () => {
    expect(timestamptzIso('2026-12-07 14:59:35+00')).toBe('2026-12-07T14:59:35.000Z');
    expect(timestamptzIso('2026-12-07 14:59:35.1+00')).toBe('2026-12-07T14:59:35.100Z');
    expect(timestamptzIso('2026-12-07 14:59:35.12+00')).toBe('2026-12-07T14:59:35.120Z');
    expect(timestamptzIso('2026-12-07 14:59:35.123+00')).toBe('2026-12-07T14:59:35.123Z');
    expect(timestamptzIso('2026-12-07 14:59:35.1234+00')).toBe('2026-12-07T14:59:35.123Z');
    expect(timestamptzIso('2026-12-07 14:59:35.999999+00')).toBe('2026-12-07T14:59:35.999Z');
    expect(timestamptzIso('0001-01-01 00:00:00+00')).toBe('0001-01-01T00:00:00.000Z');
    expect(timestamptzIso('9999-12-31 23:59:59.999999+00')).toBe('9999-12-31T23:59:59.999Z');
  });

  it('converts other offsets (minutes and seconds of offset included), BC dates and years past 9999', () => {
    expect(timestamptzIso('2026-12-07 20:29:35.5+05:30')).toBe('2026-12-07T14:59:35.500Z');
    expect(timestamptzIso('2026-12-07 06:59:35-08')).toBe('2026-12-07T14:59:35.000Z');
    expect(timestamptzIso('1900-01-01 00:19:32+00:19:32')).toBe('1900-01-01T00:00:00.000Z');
    expect(timestamptzIso('0099-06-01 02:00:00+02')).toBe('0099-06-01T00:00:00.000Z');
    expect(timestamptzIso('10000-01-01 00:00:00+00')).toBe('+010000-01-01T00:00:00.000Z');
    expect(timestamptzIso('0001-12-31 20:29:08-03:30:52 BC')).toBe('0001-01-01T00:00:00.000Z');
    expect(timestamptzIso('2026-12-07 14:59:35+00 BC')).toBe('-002025-12-07T14:59:35.000Z');
  });

  it('answers what isoString answers for the same instant, at random times, fractions and offsets', () => {
    const offsets = [0, 0, 0, 60, -480, 330, 345, -210, 840, -720];
    const wrong: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const date = new Date(
        Math.floor(Math.random() * 253_402_300_799_999) - 62_135_596_800_000 + 86_400_000,
      );
      const text = pgText(date, Math.floor(Math.random() * 1000), offsets[i % offsets.length] as number);
      if (timestamptzIso(text) !== date.toISOString()) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses what names no instant or is in another DateStyle, saying what it got', () => {
    for (const text of [
      'infinity',
      '-infinity',
      'Mon Dec 07 14:59:35 2026 UTC',
      '07.12.2026 14:59:35+00',
      '',
    ]) {
      expect(() => timestamptzIso(text)).toThrow(`"${text}" is not a timestamptz`);
    }
  });
});
