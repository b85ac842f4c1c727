import { describe, expect, it } from 'vitest';
import { isoString, isoStringAt } from './iso-string.js';

describe('isoString', () => {
  it('writes what toISOString writes, at the edges of days, months, leap years, centuries and the range', () => {
    const edges = [
      '0000-01-01T00:00:00.000Z',
      '0000-02-29T12:00:00.000Z',
      '0001-01-01T00:00:00.000Z',
      '0099-12-31T23:59:59.999Z',
      '1600-02-29T00:00:00.000Z',
      '1899-12-31T23:59:59.999Z',
      '1900-02-28T23:59:59.999Z',
      '1900-03-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.001Z',
      '2000-02-29T23:59:59.999Z',
      '2000-03-01T00:00:00.000Z',
      '2024-12-31T23:59:59.999Z',
      '2026-12-07T14:59:35.123Z',
      '2100-02-28T00:00:00.000Z',
      '2100-03-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ];
    for (const text of edges) expect(isoString(new Date(text))).toBe(text);
  });

  it('agrees with toISOString on 200,000 times spread over years 0–9999', () => {
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const wrong: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const ms = Math.floor(first + next() * (last - first));
      const expected = new Date(ms).toISOString();
      if (isoStringAt(ms) !== expected) wrong.push(expected);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves other years and invalid times to toISOString', () => {
    for (const ms of [
      Date.parse('0000-01-01T00:00:00.000Z') - 1,
      Date.parse('+010000-01-01T00:00:00.000Z'),
      8.64e15,
    ]) {
      expect(isoStringAt(ms)).toBe(new Date(ms).toISOString());
    }
    expect(isoStringAt(Date.parse('9999-12-31T23:59:59.999Z') + 1)).toBe('+010000-01-01T00:00:00.000Z');
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
