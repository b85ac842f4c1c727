import { describe, expect, it } from 'vitest';
import { UserListCursor } from './user-list-cursor.js';

const id = '0190a000-0000-7000-8000-00000000a11c';
const encodeRaw = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('UserListCursor', () => {
  it.each([
    '2026-01-01T00:00:00.123Z',
    '2026-01-01T00:00:00Z',
    '2026-01-01 00:00:00.123456+00',
    '2026-01-01 02:00:00.5+02:00',
    '0001-01-01T00:00:00+15:59',
    '9999-12-31 23:59:59.999999-15:59',
  ])('round-trips a position at %s', (createdAt) => {
    expect(UserListCursor.decode(UserListCursor.encode({ createdAt, id }))).toEqual({ createdAt, id });
  });

  it('produces a URL-safe cursor', () => {
    expect(UserListCursor.encode({ createdAt: '2026-01-01T00:00:00.000Z', id })).toMatch(/^[\w-]+$/);
  });

  it.each([
    ['not base64 JSON', 'not a cursor!'],
    ['an empty string', ''],
    ['a JSON object', encodeRaw({ createdAt: '2026-01-01T00:00:00Z', id })],
    ['a short array', encodeRaw(['2026-01-01T00:00:00Z'])],
    ['a non-UUID id', encodeRaw(['2026-01-01T00:00:00Z', '42'])],
    ['a numeric timestamp', encodeRaw([1767225600000, id])],
    ['a timestamp without offset', encodeRaw(['2026-01-01T00:00:00', id])],
    ['an impossible day', encodeRaw(['2026-02-30T00:00:00Z', id])],
    ['an impossible hour', encodeRaw(['2026-01-01T25:00:00Z', id])],
    ['year 0, which PostgreSQL does not have', encodeRaw(['0000-01-01T00:00:00Z', id])],
    ['an offset past 15:59', encodeRaw(['2026-01-01T00:00:00+16:00', id])],
    ['an offset past 15:59 in PostgreSQL text', encodeRaw(['2026-01-01 00:00:00-1600', id])],
    ['SQL in the timestamp', encodeRaw(["2026-01-01T00:00:00Z'; drop table users; --", id])],
  ])('rejects %s as an invalid cursor', (_label, cursor) => {
    expect(() => UserListCursor.decode(cursor)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'users.invalid_cursor' }),
    );
  });
});
