import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const COMMAND_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * The Prometheus metrics of one process, in a registry of its own (never prom-client's global one, so two
 * runtimes in one test process do not collide). Recorded where things happen (HTTP middleware, dispatchers,
 * retry scheduler, consumers); gauges of state outside the process (outbox, dead letters, pool) are read on
 * scrape by the collectors `createRuntime` adds. The class is its own DI token.
 */
export class Metrics {
  readonly registry = new Registry();
  /** HTTP requests by method, matched route pattern (never the raw path) and status. */
  readonly httpRequestDuration = new Histogram({
    name: 'contextflow_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  /** Time from a command's acceptance (its row's created_at) to its final status. */
  readonly commandDuration = new Histogram({
    name: 'contextflow_command_duration_seconds',
    help: 'Time from accepting a command to its final status, by command type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: COMMAND_SECONDS,
    registers: [this.registry],
  });
  /** Retries scheduled, by work queue. */
  readonly retries = new Counter({
    name: 'contextflow_message_retries_total',
    help: 'Message retries scheduled after a failed attempt, by work queue.',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  /** Deliveries settled, by queue and settlement (`ack`, `dead-letter`, `error`). */
  readonly messagesHandled = new Counter({
    name: 'contextflow_messages_handled_total',
    help: 'Deliveries settled by the consumers, by queue and settlement.',
    labelNames: ['queue', 'settlement'] as const,
    registers: [this.registry],
  });
  /** Handlers running now, by queue. */
  readonly handlersInFlight = new Gauge({
    name: 'contextflow_message_handlers_in_flight',
    help: 'Message handlers running now, by queue.',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  constructor(options: { readonly processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry });
      // The Node.js version tells an attacker which vulnerabilities to try: not exposed.
      this.registry.removeSingleMetric('nodejs_version_info');
    }
  }

  /** A gauge whose value(s) `collect` sets on every scrape; a failing collect leaves NaN, not a stale value. */
  gauge<L extends string>(
    config: { name: string; help: string; labelNames?: readonly L[] },
    collect: (gauge: Gauge<L>) => Promise<void>,
  ): Gauge<L> {
    const gauge: Gauge<L> = new Gauge<L>({
      name: config.name,
      help: config.help,
      labelNames: config.labelNames ?? [],
      registers: [this.registry],
      async collect() {
        try {
          await collect(gauge);
        } catch {
          gauge.reset();
          if ((config.labelNames ?? []).length === 0) gauge.set(Number.NaN);
        }
      },
    });
    return gauge;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Content type of {@link render}'s output. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
