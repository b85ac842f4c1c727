import { hash as rawHash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher, OWASP_ARGON2ID } from './argon2-password-hasher.js';

// Cheap parameters keep the tests fast; the production defaults are checked on their own.
const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('Argon2PasswordHasher', () => {
  it('stores argon2id PHC strings with the OWASP parameters by default', async () => {
    const hasher = new Argon2PasswordHasher();
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(OWASP_ARGON2ID).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it('salts every hash and verifies only the right password', async () => {
    const hasher = new Argon2PasswordHasher({ parameters: cheap });
    const [a, b] = [await hasher.hash('s3cret-phrase'), await hasher.hash('s3cret-phrase')];
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 's3cret-phrase')).toEqual({ ok: true, needsRehash: false });
    expect(await hasher.verify(a, 's3cret-phrasE')).toEqual({ ok: false, needsRehash: false });
  });

  it('answers a malformed stored hash with ok: false, never an error', async () => {
    const hasher = new Argon2PasswordHasher({ parameters: cheap });
    expect(await hasher.verify('$argon2id$garbage', 'x')).toEqual({ ok: false, needsRehash: false });
    expect(await hasher.verify('', 'x')).toEqual({ ok: false, needsRehash: false });
  });

  it('asks for a rehash when the stored parameters differ from today', async () => {
    const hasher = new Argon2PasswordHasher({ parameters: cheap });
    const weaker = await rawHash('pw-pw-pw-pw', { memoryCost: 512, timeCost: 1, parallelism: 1 });
    const current = await hasher.hash('pw-pw-pw-pw');
    expect(await hasher.verify(weaker, 'pw-pw-pw-pw')).toEqual({ ok: true, needsRehash: true });
    expect(hasher.needsRehash(current)).toBe(false);
    expect(hasher.needsRehash(current.replace('$argon2id$', '$argon2i$'))).toBe(true);
    expect(hasher.needsRehash(current.replace('$v=19$', '$v=16$'))).toBe(true);
    expect(hasher.needsRehash('$2b$10$bcrypt-is-not-argon')).toBe(true);
  });

  it('does the work of one verification for an unknown account', async () => {
    const hasher = new Argon2PasswordHasher({ parameters: cheap });
    await expect(hasher.dummyVerify('whatever')).resolves.toBeUndefined();
  });

  it('hashes at most `concurrency` passwords at once and queues the rest', async () => {
    const hasher = new Argon2PasswordHasher({ concurrency: 2, maxQueue: 10 });
    await hasher.dummyVerify('wait-for-the-precomputed-hash');
    const work = Array.from({ length: 6 }, (_, i) => hasher.hash(`password-${i}`));
    expect(hasher.stats).toEqual({ running: 2, waiting: 4 });
    expect(new Set(await Promise.all(work)).size).toBe(6);
    expect(hasher.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with 503 busy once the queue is full', async () => {
    const hasher = new Argon2PasswordHasher({ parameters: cheap, concurrency: 1, maxQueue: 1 });
    await hasher.dummyVerify('warm-up');
    const queued = [hasher.hash('a-password'), hasher.hash('b-password')];
    await expect(hasher.hash('c-password')).rejects.toMatchObject({ kind: 'unavailable', code: 'auth.busy' });
    await Promise.all(queued);
  });
});
