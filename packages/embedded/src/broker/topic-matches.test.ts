import { describe, expect, it } from 'vitest';
import { topicMatches } from './topic-matches.js';

describe('topicMatches', () => {
  it('matches a literal pattern only against the same key', () => {
    expect(topicMatches('users.user-registered.v1', 'users.user-registered.v1')).toBe(true);
    expect(topicMatches('users.user-registered.v1', 'users.user-registered.v2')).toBe(false);
    expect(topicMatches('users.user-registered', 'users.user-registered.v1')).toBe(false);
  });

  it('lets * stand for exactly one word', () => {
    expect(topicMatches('users.*.v1', 'users.user-renamed.v1')).toBe(true);
    expect(topicMatches('users.*.v1', 'users.v1')).toBe(false);
    expect(topicMatches('users.*.v1', 'users.a.b.v1')).toBe(false);
    expect(topicMatches('*', '')).toBe(true);
  });

  it('lets # stand for zero or more words', () => {
    expect(topicMatches('users.#', 'users.register-user')).toBe(true);
    expect(topicMatches('users.#', 'users')).toBe(true);
    expect(topicMatches('users.#', 'users.a.b.c')).toBe(true);
    expect(topicMatches('users.#', 'auth.register')).toBe(false);
    expect(topicMatches('#', 'anything.at.all')).toBe(true);
    expect(topicMatches('#.v1', 'auth.account-registered.v1')).toBe(true);
    expect(topicMatches('#.v1', 'auth.account-registered.v2')).toBe(false);
    expect(topicMatches('a.#.z', 'a.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c')).toBe(false);
  });

  it('does not treat a prefix of a word as a match', () => {
    expect(topicMatches('user.#', 'users.register-user')).toBe(false);
  });
});
