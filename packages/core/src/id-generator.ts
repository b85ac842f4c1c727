import { token } from './token.js';

/** Generates unique ids. */
export interface IdGenerator {
  /** A new UUID (v7 in production: time-ordered, so indexes stay compact). */
  next(): string;
}

/** Token of {@link IdGenerator}. */
export const IdGenerator = token<IdGenerator>('core.IdGenerator');

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** RFC 9562 UUIDv7: 48-bit Unix milliseconds, then random bits; monotonic within one generator. */
export class UuidV7Generator implements IdGenerator {
  #lastMs = 0;
  #counter = 0;
  // Random bytes for 64 ids at a time: one call into the CSPRNG instead of one per id.
  readonly #pool = new Uint8Array(1024);
  #offset = this.#pool.length;

  next(): string {
    if (this.#offset === this.#pool.length) {
      globalThis.crypto.getRandomValues(this.#pool);
      this.#offset = 0;
    }
    const bytes = this.#pool.slice(this.#offset, this.#offset + 16);
    this.#offset += 16;
    let ms = Date.now();
    // Within one millisecond, a 12-bit counter in rand_a keeps ids ordered; past it, borrow the next ms.
    if (ms <= this.#lastMs) {
      this.#counter += 1;
      if (this.#counter > 0xfff) {
        this.#lastMs += 1;
        this.#counter = 0;
      }
      ms = this.#lastMs;
    } else {
      this.#lastMs = ms;
      this.#counter = 0;
    }
    bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
    bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
    bytes[2] = (ms >>> 24) & 0xff;
    bytes[3] = (ms >>> 16) & 0xff;
    bytes[4] = (ms >>> 8) & 0xff;
    bytes[5] = ms & 0xff;
    bytes[6] = 0x70 | ((this.#counter >>> 8) & 0x0f);
    bytes[7] = this.#counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    let out = '';
    for (let i = 0; i < 16; i++) {
      out += HEX[bytes[i] ?? 0];
      if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
    }
    return out;
  }
}

/** Matches any RFC 9562 UUID (versions 1–8), lower or upper case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
