import type { PasswordCheck, PasswordHasher } from '../ports/password-hasher.js';

const CURRENT = 'fake-hash:';
const LEGACY = 'fake-legacy-hash:';

/**
 * A deterministic, instant {@link PasswordHasher} that counts its work: `verifications` counts both real and
 * dummy verifications (and `hashCalls` the hashes), which is how tests show that an unknown email costs as much as a wrong password.
 */
export class FakePasswordHasher implements PasswordHasher {
  hashCalls = 0;
  verifyCalls = 0;
  dummyVerifyCalls = 0;

  /** The hash `hash(plain)` gives, synchronously, for builders. */
  static hashOf(plain: string): string {
    return CURRENT + plain;
  }

  /** A hash of `plain` that verifies but asks for a rehash, like one made with yesterday's parameters. */
  static legacyHashOf(plain: string): string {
    return LEGACY + plain;
  }

  get verifications(): number {
    return this.verifyCalls + this.dummyVerifyCalls;
  }

  async hash(plain: string): Promise<string> {
    this.hashCalls += 1;
    return FakePasswordHasher.hashOf(plain);
  }

  async verify(hash: string, plain: string): Promise<PasswordCheck> {
    this.verifyCalls += 1;
    if (hash === CURRENT + plain) return { ok: true, needsRehash: false };
    if (hash === LEGACY + plain) return { ok: true, needsRehash: true };
    return { ok: false, needsRehash: false };
  }

  async dummyVerify(_plain: string): Promise<void> {
    this.dummyVerifyCalls += 1;
  }
}
