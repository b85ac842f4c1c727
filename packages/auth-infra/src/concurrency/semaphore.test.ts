import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('Semaphore', () => {
  it('runs at most `concurrency` tasks at once and queues the rest in order', async () => {
    const semaphore = new Semaphore({ concurrency: 2, maxQueue: 10 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      semaphore.run(async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await Promise.resolve();
    expect(semaphore.stats).toEqual({ running: 2, waiting: 2 });
    expect(started).toEqual([0, 1]);
    gates[1]?.open();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    expect(semaphore.stats).toEqual({ running: 2, waiting: 1 });
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(semaphore.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a task with 503 busy when the queue is full', async () => {
    const semaphore = new Semaphore({ concurrency: 1, maxQueue: 1 });
    const g = gate();
    const first = semaphore.run(() => g.opened);
    const second = semaphore.run(() => g.opened);
    await expect(semaphore.run(async () => 'third')).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'auth.busy',
      retryAfterSeconds: 1,
    });
    g.open();
    await Promise.all([first, second]);
  });

  it('frees the slot of a task that throws', async () => {
    const semaphore = new Semaphore({ concurrency: 1, maxQueue: 0 });
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await semaphore.run(async () => 'next')).toBe('next');
  });
});
