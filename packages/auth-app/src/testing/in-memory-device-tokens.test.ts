import { FixedClock } from '@contextflow/core/testing';
import { describe, expect, it } from 'vitest';
import { InMemoryDeviceTokens } from './in-memory-device-tokens.js';

describe('InMemoryDeviceTokens', () => {
  it('keeps the most recently used tokens of an account up to its cap', async () => {
    const clock = new FixedClock();
    const devices = new InMemoryDeviceTokens(clock, 2);
    const oldest = await devices.issue('a');
    clock.advance(1000);
    const middle = await devices.issue('a');
    clock.advance(1000);
    const known = await devices.find(oldest);
    expect(known).toEqual({ id: expect.any(String), accountId: 'a' });
    if (known !== null) await devices.used(known);
    clock.advance(1000);
    const newest = await devices.issue('a');
    expect(devices.tokensOf('a').sort()).toEqual([newest, oldest].sort());
    expect(await devices.find(middle)).toBeNull();
  });
});
