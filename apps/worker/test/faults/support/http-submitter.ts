import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { FaultLedger, SubmissionOutcome } from './fault-ledger.js';
import { PROBE_TOKEN, type ProbePayload } from './probe-module.js';

/**
 * A signed-in client of the probe HTTP process, as a real one sees it: each request carries its own
 * `Idempotency-Key`; a 202 is `accepted` (with the command id it names), a refused connection or an error
 * answer is `refused`, anything else (a reset, a response cut off by a kill) is `unknown`. Only the 202s name
 * a command id: the others are resolved through their keys by {@link HttpSubmitter.resolve} once the system is
 * back.
 */
export class HttpSubmitter {
  readonly #pending = new Map<string, Exclude<SubmissionOutcome, 'accepted'>>();
  readonly counts: Record<SubmissionOutcome, number> = { accepted: 0, refused: 0, unknown: 0 };

  constructor(readonly ledger: FaultLedger) {}

  /** POSTs one probe command to `baseUrl` and records how that went. */
  async submit(baseUrl: string, payload: ProbePayload = {}): Promise<SubmissionOutcome> {
    const key = randomUUID();
    let outcome: SubmissionOutcome;
    try {
      const response = await fetch(`${baseUrl}/probe`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          authorization: `Bearer ${PROBE_TOKEN}`,
        },
        body: JSON.stringify(payload),
      });
      const body = (await response.json()) as { commandId?: string };
      if (response.status === 202 && typeof body.commandId === 'string') {
        this.ledger.record(body.commandId, 'accepted');
        outcome = 'accepted';
      } else {
        outcome = 'refused';
      }
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      outcome = code === 'ECONNREFUSED' ? 'refused' : 'unknown';
    }
    if (outcome !== 'accepted') this.#pending.set(key, outcome);
    this.counts[outcome] += 1;
    return outcome;
  }

  /**
   * Records in the ledger the commands the refused and unknown requests left behind (found by their keys): an
   * unknown one may have been accepted just before the kill; a refused one must have left nothing (else the
   * ledger counts its effect as unexpected).
   */
  async resolve(db: Kysely<unknown>): Promise<void> {
    const keys = [...this.#pending.keys()];
    if (keys.length === 0) return;
    const { rows } = await sql<{ id: string; idempotency_key: string }>`
      select id::text as id, idempotency_key from platform.commands
      where idempotency_key = any(${keys}::text[])`.execute(db);
    for (const row of rows) {
      const outcome = this.#pending.get(row.idempotency_key);
      if (outcome !== undefined) this.ledger.record(row.id, outcome);
    }
  }
}
