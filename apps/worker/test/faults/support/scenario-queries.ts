import { sql } from 'kysely';
import type { Scenario } from './fault-scenario.js';

// What the scenarios look at in their database while and after a fault: effects, the outbox, open commands.

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once at least `count` effect rows are committed. */
export async function waitForEffects(scenario: Scenario, count: number): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from probe.effects`.execute(scenario.db);
    if (Number(rows[0]?.n) >= count) return;
    await pause(50);
  }
}

/** Effect rows per worker name. */
export async function effectsBy(scenario: Scenario): Promise<Record<string, number>> {
  const { rows } = await sql<{ worker: string; n: string }>`
    select worker, count(*) as n from probe.effects group by worker`.execute(scenario.db);
  return Object.fromEntries(rows.map((row) => [row.worker, Number(row.n)]));
}

/** Outbox rows no relay has published yet. */
export async function unsentOutboxRows(scenario: Scenario): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from platform.outbox where sent_at is null`.execute(scenario.db);
  return Number(rows[0]?.n);
}

/** Waits until no command at all is open: answered or not, every committed command gets processed. */
export async function waitUntilNoCommandOpen(scenario: Scenario, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from platform.commands where status not in ('succeeded', 'failed')`.execute(
      scenario.db,
    );
    if (Number(rows[0]?.n) === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${rows[0]?.n} commands still open`);
    await pause(250);
  }
}

/** How many of the ledger's `unknown` submissions the system committed (their answer was lost, not they). */
export async function unknownThatLanded(scenario: Scenario): Promise<number> {
  const unknown = scenario.ledger.ids('unknown');
  if (unknown.length === 0) return 0;
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from platform.commands where id::text = any(${unknown}::text[])`.execute(
    scenario.db,
  );
  return Number(rows[0]?.n);
}
