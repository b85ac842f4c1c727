import { randomBytes } from 'node:crypto';
import type { PasswordCheck, PasswordHasher } from '@contextflow/auth-app';
import { isAppError } from '@contextflow/core';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import { Semaphore } from '../concurrency/semaphore.js';

/** Cost parameters of argon2id. */
export interface Argon2Parameters {
  /** Memory in KiB. */
  readonly memoryCost: number;
  /** Passes over memory. */
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP Password Storage Cheat Sheet's first argon2id option: 19 MiB, 2 passes, 1 lane. */
export const OWASP_ARGON2ID: Argon2Parameters = Object.freeze({
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** Options of {@link Argon2PasswordHasher}. */
export interface Argon2PasswordHasherOptions {
  readonly parameters?: Argon2Parameters;
  /** Hashes computed at once (each holds `memoryCost` KiB and a libuv thread); default 4. */
  readonly concurrency?: number;
  /** Hashes that may wait for a slot before more are refused with 503; default 256. */
  readonly maxQueue?: number;
}

// argon2id, version 0x13: the binding's default algorithm, named by the PHC prefix (its enums are const).
const PHC_PREFIX = '$argon2id$v=19$';

/**
 * {@link PasswordHasher} with argon2id (`@node-rs/argon2`), storing PHC strings. Hashing is capped at a few at
 * once, because each costs ~19 MiB and a thread for tens of milliseconds: a login flood then waits in a bounded
 * queue (and overflows into 503) instead of exhausting memory and the thread pool that file and DNS I/O share.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  readonly parameters: Argon2Parameters;
  readonly #slots: Semaphore;
  readonly #dummy: Promise<string>;

  constructor(options: Argon2PasswordHasherOptions = {}) {
    this.parameters = options.parameters ?? OWASP_ARGON2ID;
    this.#slots = new Semaphore({ concurrency: options.concurrency ?? 4, maxQueue: options.maxQueue ?? 256 });
    // Precomputed once with today's parameters, so an unknown email costs exactly one verification.
    this.#dummy = this.hash(randomBytes(32).toString('base64url'));
    this.#dummy.catch(() => {});
  }

  /** Hashes running and waiting for a slot. */
  get stats(): { readonly running: number; readonly waiting: number } {
    return this.#slots.stats;
  }

  hash(plain: string): Promise<string> {
    return this.#slots.run(() => hash(plain, this.parameters));
  }

  async verify(stored: string, plain: string): Promise<PasswordCheck> {
    let ok: boolean;
    try {
      ok = await this.#slots.run(() => verify(stored, plain));
    } catch (error) {
      // A full queue is back-pressure, not a wrong password.
      if (isAppError(error)) throw error;
      return { ok: false, needsRehash: false };
    }
    return { ok, needsRehash: ok && this.needsRehash(stored) };
  }

  async dummyVerify(plain: string): Promise<void> {
    await this.verify(await this.#dummy, plain);
  }

  /** Whether a stored hash was made with another algorithm, version or cost than today's. */
  needsRehash(stored: string): boolean {
    try {
      const used = parseOptions(stored);
      return (
        !stored.startsWith(PHC_PREFIX) ||
        used.memoryCost !== this.parameters.memoryCost ||
        used.timeCost !== this.parameters.timeCost ||
        used.parallelism !== this.parameters.parallelism
      );
    } catch {
      return true;
    }
  }
}
