import { type Logger, problem, type ProblemDetails } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { CommandLedger } from '../commands/command-ledger.js';
import { isUuidText } from '../database/is-uuid-text.js';
import { type DatabaseGate, throughGate } from './database-gate.js';
import { deathOf, type DeathRecord } from './dead-letter-death.js';
import type { DeliveredMessage } from './delivered-message.js';
import type { Settlement } from './message-transport.js';

/** Error code of a command the reconciler failed because its message was dead-lettered. */
export const DEAD_LETTERED = 'commands.dead_lettered';

const WHY: Readonly<Record<string, string>> = Object.freeze({
  rejected: 'its consumer rejected it (unreadable, or out of attempts)',
  delivery_limit: 'it was delivered too often (consumers crashed or lost their connection while handling it)',
  expired: 'it expired before it was handled',
  maxlen: 'its queue was full',
});

/** The problem a dead-lettered command is failed with: where and why it died, nothing internal. */
export function deadLetteredProblem(death: DeathRecord | undefined): ProblemDetails {
  const where =
    death === undefined
      ? 'The command could not be delivered'
      : `The command was dead-lettered in ${death.queue} (${death.reason}): ${WHY[death.reason] ?? 'the broker gave it up'}`;
  return problem(500, DEAD_LETTERED, `${where}. An operator may redrive it.`);
}

/** The command id a dead command message is about: `meta.commandId` of its body, else its message id. */
export function deadCommandId(message: Pick<DeliveredMessage, 'messageId' | 'body'>): string | undefined {
  const body = message.body as { meta?: { commandId?: unknown } } | null | undefined;
  const fromBody = typeof body === 'object' && body !== null ? body.meta?.commandId : undefined;
  for (const candidate of [fromBody, message.messageId]) {
    if (isUuidText(candidate)) return candidate;
  }
  return undefined;
}

/** Dependencies of a {@link DeadLetterReconciler}. */
export interface DeadLetterReconcilerOptions {
  readonly db: Kysely<PlatformTables>;
  readonly ledger: CommandLedger;
  readonly logger: Logger;
  /** Holds a copy while PostgreSQL is down instead of burning its deliveries. */
  readonly gate?: DatabaseGate | undefined;
}

/**
 * Turns every dead-lettered command that is still `pending` or `processing` into `failed`, with where and why
 * the broker dead-lettered it (crash redeliveries past the delivery limit, a poison copy of a known command,
 * a rejection whose status update was lost, an expiry). It consumes the dead-commands queue, which receives
 * its own copy of every dead command from the dead-letter exchange, so the dead-letter queues stay untouched
 * for operators to inspect and redrive. Idempotent: a command that is already terminal is left as it is.
 */
export class DeadLetterReconciler {
  readonly #options: DeadLetterReconcilerOptions;

  constructor(options: DeadLetterReconcilerOptions) {
    this.#options = options;
  }

  /** Reconciles one copy; acks it once the command is terminal (or unknown); throws when the update failed. */
  async handle(message: DeliveredMessage): Promise<Settlement> {
    const { db, ledger, logger, gate } = this.#options;
    const commandId = deadCommandId(message);
    const death = deathOf(message.headers);
    const log = logger.child({ commandId, messageId: message.messageId, deadIn: death?.queue });
    if (commandId === undefined) {
      log.warn({ reason: death?.reason }, 'reconciler: the dead message names no command; nothing to do');
      return 'ack';
    }
    const fail = () => ledger.failOutsideHandler(db, commandId, deadLetteredProblem(death));
    const acceptedAt = await throughGate(gate, fail, log);
    // Worded apart from the dispatcher's attempt lines (`retry scheduled`, `dead-lettered`), which tests count.
    if (acceptedAt === undefined) log.debug('reconciler: command already terminal or unknown; nothing to do');
    else log.warn({ reason: death?.reason }, 'reconciler: command failed, its message was given up');
    return 'ack';
  }
}
