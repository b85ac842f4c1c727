import type { BenchResults } from '../common/results.js';

const n0 = (value: number): string => value.toFixed(0);
const n1 = (value: number): string => value.toFixed(1);
const micros = (value: number | undefined): string => (value === undefined ? '' : `${n0(value)} µs`);

/** Left-aligns the first column and right-aligns the others. */
function grid(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows
    .map((row, r) =>
      r === 1
        ? `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
        : `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`,
    )
    .join('\n');
}

/** A Markdown table: the first row is the header, a rule follows it. */
const withRule = (rows: string[][]): string => grid([rows[0] ?? [], [], ...rows.slice(1)]);

/** The measurements of a run as Markdown-compatible text tables (the README pastes them). */
export function resultTables(r: BenchResults): string {
  const load = [
    [
      'path',
      'full req/s',
      'raw req/s',
      'ratio',
      'full p50',
      'raw p50',
      'full p99',
      'raw p99',
      'server CPU/req full',
      'raw',
    ],
    ...(
      [
        ['GET /users/{id}', r.getUser],
        ['GET /users?limit=20', r.listUsers],
        ['PATCH /users/{id} → 202 vs raw two-row insert', r.accept],
      ] as const
    ).map(([name, pair]) => [
      name,
      n0(pair.full.rps),
      n0(pair.raw.rps),
      `${((pair.full.rps / pair.raw.rps) * 100).toFixed(0)}%`,
      `${n1(pair.full.p50)} ms`,
      `${n1(pair.raw.p50)} ms`,
      `${n1(pair.full.p99)} ms`,
      `${n1(pair.raw.p99)} ms`,
      `${n0(pair.full.serverCpuMicros ?? Number.NaN)} µs`,
      `${n0(pair.raw.serverCpuMicros ?? Number.NaN)} µs`,
    ]),
  ];
  const floor = [
    [
      'path vs the bare floor (no auth, no checks)',
      'full req/s',
      'floor req/s',
      'ratio',
      'full p99',
      'floor p99',
      'ratio',
      'server CPU/req full',
      'floor',
    ],
    ...(
      [
        ['GET /users/{id}', r.getUser],
        ['GET /users?limit=20', r.listUsers],
      ] as const
    ).map(([name, pair]) => [
      name,
      n0(pair.full.rps),
      n0(pair.floor.rps),
      `${((pair.full.rps / pair.floor.rps) * 100).toFixed(0)}%`,
      `${n1(pair.full.p99)} ms`,
      `${n1(pair.floor.p99)} ms`,
      `${(pair.full.p99 / pair.floor.p99).toFixed(2)}×`,
      micros(pair.full.serverCpuMicros),
      micros(pair.floor.serverCpuMicros),
    ]),
  ];
  const { full, raw, underLoad } = r.endToEnd;
  const completion = [
    ['completion', 'count', 'per second', 'p50', 'p99', 'machine CPU each'],
    [
      'commands: worker drains the accepted backlog (outbox → RabbitMQ → worker)',
      String(full.count),
      n0(full.perSecond),
      '',
      '',
      micros(full.machineCpuMicros),
    ],
    [
      'commands accepted and processed at once, accept → succeeded',
      String(underLoad.count),
      n0(underLoad.perSecond),
      `${n1(underLoad.p50)} ms`,
      `${n1(underLoad.p99)} ms`,
    ],
    [
      'raw rabbitmq-client publish → consume → insert → ack',
      String(raw.count),
      n0(raw.perSecond),
      `${n1(raw.p50)} ms`,
      `${n1(raw.p99)} ms`,
      micros(raw.machineCpuMicros),
    ],
    [
      'sequential commands, accept → succeeded (server)',
      String(r.sequential.commands),
      '',
      `${n1(r.sequential.server.p50)} ms`,
      `${n1(r.sequential.server.p99)} ms`,
    ],
    [
      '… of which accept → the relay claims it',
      '',
      '',
      `${n1(r.sequential.stages.acceptToRelay.p50)} ms`,
      `${n1(r.sequential.stages.acceptToRelay.p99)} ms`,
    ],
    [
      '… of which claim → succeeded (publish, deliver, handle)',
      '',
      '',
      `${n1(r.sequential.stages.relayToSucceeded.p50)} ms`,
      `${n1(r.sequential.stages.relayToSucceeded.p99)} ms`,
    ],
    ...(r.scheduler === undefined
      ? []
      : [
          [
            `scheduler: ${r.scheduler.timers} timers due in one second, due → handed to the outbox`,
            String(r.scheduler.timers),
            n0(r.scheduler.firedPerSecond),
            `${n1(r.scheduler.dueToFired.p50)} ms`,
            `${n1(r.scheduler.dueToFired.p99)} ms`,
          ],
          [
            '… due → the timer command succeeded',
            '',
            n0(r.scheduler.succeededPerSecond),
            `${n1(r.scheduler.dueToSucceeded.p50)} ms`,
            `${n1(r.scheduler.dueToSucceeded.p99)} ms`,
          ],
        ]),
    [
      'sequential commands, client round trip',
      String(r.sequential.commands),
      '',
      `${n1(r.sequential.client.p50)} ms`,
      `${n1(r.sequential.client.p99)} ms`,
    ],
  ];
  const startup = [
    ['process', 'ready', 'RSS idle', 'RSS under load'],
    [
      'http (migrations applied)',
      `${n0(r.startup.httpReadyMs)} ms`,
      `${n0(r.rss.http?.idle ?? 0)} MiB`,
      `${n0(r.rss.http?.load ?? 0)} MiB`,
    ],
    [
      'worker',
      `${n0(r.startup.workerReadyMs)} ms`,
      `${n0(r.rss.worker?.idle ?? 0)} MiB`,
      `${n0(r.rss.worker?.load ?? 0)} MiB`,
    ],
    [
      'embedded (dev.js, PGlite)',
      `${n0(r.startup.embeddedReadyMs)} ms`,
      `${n0(r.rss.embedded?.idle ?? 0)} MiB`,
      `${n0(r.rss.embedded?.load ?? 0)} MiB`,
    ],
    ['(migrate, run before the http app)', `${n0(r.startup.migrateMs)} ms`, '', ''],
  ];
  const scale = r.scale;
  const scaleTable =
    scale === undefined
      ? []
      : [
          [
            `read path (sequential, as the admin)`,
            `p50 at ${scale.small}`,
            `p50 at ${scale.large}`,
            'ratio',
            `p99 at ${scale.small}`,
            `p99 at ${scale.large}`,
          ],
          ...scale.paths.map((path) => [
            path.name,
            `${path.small.p50.toFixed(2)} ms`,
            `${path.large.p50.toFixed(2)} ms`,
            `${path.ratio.toFixed(2)}×`,
            `${path.small.p99.toFixed(2)} ms`,
            `${path.large.p99.toFixed(2)} ms`,
          ]),
        ];
  const sides = [
    ['GET /users/{id}', r.getUser],
    ['GET /users?limit=20', r.listUsers],
    ['PATCH /users/{id}', r.accept],
  ] as const;
  const rounds = [
    ['req/s of each round (the tables give medians)', 'full', 'raw', 'floor'],
    ...sides.map(([name, pair]) => [
      name,
      ...[pair.full, pair.raw, 'floor' in pair ? pair.floor : undefined].map((result) =>
        (result?.rounds ?? []).join(' / '),
      ),
    ]),
  ];
  const targets = [
    ['target', 'this run', 'goal', 'met'],
    ...r.targets.map((t) => [t.name, t.actual, t.target, t.met ? 'met' : 'MISSED']),
  ];
  return [
    withRule(load),
    withRule(floor),
    withRule(rounds),
    withRule(completion),
    withRule(startup),
    ...(scale ? [withRule(scaleTable)] : []),
    withRule(targets),
  ].join('\n\n');
}
