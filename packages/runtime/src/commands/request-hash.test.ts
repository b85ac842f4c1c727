import { describe, expect, it } from 'vitest';
import { requestHash } from './request-hash.js';

describe('requestHash', () => {
  it('is the same for payloads that differ only in key order', () => {
    expect(requestHash('users.rename-user', { id: '1', name: 'Ada' })).toBe(
      requestHash('users.rename-user', { name: 'Ada', id: '1' }),
    );
  });

  it('differs when a value differs', () => {
    expect(requestHash('users.rename-user', { name: 'Ada' })).not.toBe(
      requestHash('users.rename-user', { name: 'Bob' }),
    );
  });

  it('differs when the type differs', () => {
    expect(requestHash('users.rename-user', {})).not.toBe(requestHash('users.deactivate-user', {}));
  });

  it('keeps type and payload apart', () => {
    expect(requestHash('a1', 2)).not.toBe(requestHash('a', 12));
  });

  it('stays the hash of the rows already stored: sha256 of the type, a newline and the sorted JSON', () => {
    // A replay after an upgrade compares against hashes earlier versions wrote.
    expect(requestHash('users.rename-user', { name: 'Ada', id: '1' })).toBe(
      'af44a97caf5ddabea48c7797320cc7cd70c643af8b534a9dd4cf36c53173a8f1',
    );
  });

  it('is a hex sha256', () => {
    expect(requestHash('t', null)).toMatch(/^[0-9a-f]{64}$/);
  });
});
