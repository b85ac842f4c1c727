import { type Kysely, sql } from 'kysely';

/** How a submission ended from the client's side, as Jepsen's queue checker classifies it. */
export type SubmissionOutcome = 'accepted' | 'refused' | 'unknown';

/** The ledger's verdict over one scenario. */
export interface LedgerReport {
  readonly accepted: number;
  readonly refused: number;
  readonly unknown: number;
  /** Accepted commands that are not terminal. */
  readonly lost: number;
  /** Commands whose effect was applied more than once. */
  readonly duplicated: number;
  /** Effects of commands that were never submitted, or that the client was told were refused. */
  readonly unexpected: number;
  readonly succeeded: number;
  readonly failed: number;
}

/**
 * Records every submission of a scenario (accepted with its id, definitely refused, or unknown: the client
 * cannot tell) and checks the database at the end: every accepted command terminal, no effect twice, no effect
 * without an accepted (or unknown) command.
 */
export class FaultLedger {
  readonly #submissions = new Map<string, SubmissionOutcome>();

  /** Records the outcome of submitting command `id`. */
  record(id: string, outcome: SubmissionOutcome): void {
    this.#submissions.set(id, outcome);
  }

  /** Ids recorded with `outcome`. */
  ids(outcome: SubmissionOutcome): string[] {
    return [...this.#submissions].filter(([, value]) => value === outcome).map(([id]) => id);
  }

  /** Accepted commands not terminal yet (empty once the system has caught up). */
  async open(db: Kysely<unknown>): Promise<string[]> {
    const accepted = this.ids('accepted');
    if (accepted.length === 0) return [];
    const { rows } = await sql<{ id: string }>`
      select c.id from unnest(${accepted}::text[]) as a(id)
      left join platform.commands c on c.id::text = a.id
      where c.id is null or c.status not in ('succeeded', 'failed')`.execute(db);
    return rows.map((row) => row.id);
  }

  /** Compares the submissions with the commands table and the probe's effect rows. */
  async check(db: Kysely<unknown>): Promise<LedgerReport> {
    const lost = (await this.open(db)).length;
    const { rows: effects } = await sql<{ command_id: string; n: string }>`
      select command_id, count(*) as n from probe.effects group by command_id`.execute(db);
    const { rows: statuses } = await sql<{ status: string; n: string }>`
      select status, count(*) as n from platform.commands group by status`.execute(db);
    const count = (status: string) => Number(statuses.find((row) => row.status === status)?.n ?? 0);
    const expected = (id: string) => {
      const outcome = this.#submissions.get(id);
      return outcome === 'accepted' || outcome === 'unknown';
    };
    return {
      accepted: this.ids('accepted').length,
      refused: this.ids('refused').length,
      unknown: this.ids('unknown').length,
      lost,
      duplicated: effects.filter((row) => Number(row.n) > 1).length,
      unexpected: effects.filter((row) => !expected(row.command_id)).length,
      succeeded: count('succeeded'),
      failed: count('failed'),
    };
  }
}
