import { describe, expect, it } from 'vitest';
import { WakeSignal } from './wake-signal.js';

describe('WakeSignal', () => {
  it('ends a sleep when woken', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const sleeping = signal.sleep(2_000);
    signal.wake();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('remembers a wake that came while nobody slept', async () => {
    const signal = new WakeSignal();
    signal.wake();
    const started = Date.now();
    await signal.sleep(2_000);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('lets a back-off run its course despite wakes, but not despite an interrupt', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const backingOff = signal.sleep(300, { wakeable: false });
    signal.wake();
    await backingOff;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const interrupted = signal.sleep(2_000, { wakeable: false });
    signal.interrupt();
    await interrupted;
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
