import { createLogger } from '@contextflow/core-infra';
import { afterEach, describe, expect, it } from 'vitest';
import { stopOnSignals } from './stop-on-signals.js';

// SIGUSR2 stands in for SIGTERM: process.emit runs the listeners without a real signal reaching vitest.
const SIGNAL = 'SIGUSR2';
const logger = createLogger({ level: 'silent' });

function recorder(failAt?: string) {
  const steps: string[] = [];
  const step = (name: string) => async () => {
    steps.push(name);
    if (name === failAt) throw new Error(`${name} failed`);
  };
  const runtime = {
    beginShutdown: () => {
      steps.push('readiness off');
    },
    stop: async ({ deadlineMs }: { deadlineMs?: number } = {}) => {
      await step(`runtime stop ${deadlineMs}`)();
    },
  };
  const exits: number[] = [];
  const exited = new Promise<number>((resolve) => {
    const exit = (code: number) => {
      exits.push(code);
      resolve(code);
    };
    stopOnSignals({
      runtime,
      logger,
      deadlineMs: 1_234,
      draining: 'test work',
      before: step('before'),
      after: step('after'),
      signals: [SIGNAL],
      exit,
    });
  });
  return { steps, exits, exited };
}

afterEach(() => {
  process.removeAllListeners(SIGNAL);
});

describe('stopOnSignals', () => {
  it('turns readiness off, drains, stops the runtime within the deadline, and exits 0', async () => {
    const { steps, exited } = recorder();
    process.emit(SIGNAL, SIGNAL);
    expect(await exited).toBe(0);
    expect(steps).toEqual(['readiness off', 'before', 'runtime stop 1234', 'after']);
  });

  it('exits 1 when a step throws, skipping the steps after it', async () => {
    const { steps, exited } = recorder('runtime stop 1234');
    process.emit(SIGNAL, SIGNAL);
    expect(await exited).toBe(1);
    expect(steps).toEqual(['readiness off', 'before', 'runtime stop 1234']);
  });

  it('exits 1 at once on a second signal while the first is still draining', async () => {
    const { steps, exits, exited } = recorder();
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([1]);
    expect(steps).toEqual(['readiness off', 'before']);
    await exited;
  });
});
