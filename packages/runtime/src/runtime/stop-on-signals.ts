import type { Logger } from '@contextflow/core-infra';
import type { Runtime } from './runtime.js';

/** Options of {@link stopOnSignals}. */
export interface StopOnSignalsOptions {
  readonly runtime: Pick<Runtime, 'beginShutdown' | 'stop'>;
  readonly logger: Logger;
  /** How long in-flight work may take (SHUTDOWN_TIMEOUT_MS): the HTTP drain, then the runtime's, each. */
  readonly deadlineMs: number;
  /** What the process lets finish, for the log line (`in-flight requests`, `in-flight messages`). */
  readonly draining: string;
  /** Runs first, once readiness is off (the HTTP app closes its server here: in-flight requests finish). */
  readonly before?: (() => Promise<void>) | undefined;
  /** Runs once the runtime stopped (the worker closes its operations server here). */
  readonly after?: (() => Promise<void>) | undefined;
  /** Default SIGTERM and SIGINT. */
  readonly signals?: readonly NodeJS.Signals[] | undefined;
  /** Ends the process (default `process.exit`; tests pass a recorder). */
  readonly exit?: ((code: number) => void) | undefined;
}

/** The shutdown sequence {@link stopOnSignals} installed, callable directly (tests, a fatal error). */
export interface Shutdown {
  /** Runs the sequence once (later calls share it) and resolves with the exit code it chose: 0 or 1. */
  (signal: string): Promise<number>;
}

/**
 * The one graceful shutdown of every app: on the first signal, readiness off (`/health/ready` turns 503 so
 * the load balancer stops sending), then `before` (stop accepting, drain requests), then the runtime stops
 * (consumers stop taking messages, in-flight ones finish within `deadlineMs`, the relay flushes, connections
 * close), then `after`; exit 0, or 1 when a step threw. A second signal exits 1 at once; a watchdog exits 1
 * should the bounded steps still hang (twice the deadline plus the runtime's own close timeouts).
 */
export function stopOnSignals(options: StopOnSignalsOptions): Shutdown {
  const { runtime, logger, deadlineMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<number> | undefined;
  const sequence = async (signal: string): Promise<number> => {
    runtime.beginShutdown();
    logger.info({ signal, deadlineMs }, `shutting down: finishing ${options.draining}`);
    const watchdog = setTimeout(
      () => {
        logger.error({ signal }, 'shutdown did not finish in time; exiting anyway');
        exit(1);
      },
      deadlineMs * 2 + 15_000,
    ).unref();
    try {
      await options.before?.();
      await runtime.stop({ deadlineMs });
      await options.after?.();
      logger.info('stopped');
      return 0;
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      return 1;
    } finally {
      clearTimeout(watchdog);
    }
  };
  const shutdown: Shutdown = (signal) => {
    stopping ??= sequence(signal);
    return stopping;
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (stopping !== undefined) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        exit(1);
        return;
      }
      void shutdown(signal).then(exit);
    });
  }
  return shutdown;
}
