import type { IdGenerator } from '../id-generator.js';

/** Predictable UUIDv7-shaped ids (`00000000-0000-7000-8000-000000000001`, ...) for readable tests. */
export class SequentialIds implements IdGenerator {
  #n = 0;

  next(): string {
    this.#n += 1;
    return `00000000-0000-7000-8000-${this.#n.toString(16).padStart(12, '0')}`;
  }
}
