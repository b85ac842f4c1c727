import type { ReadinessCheck } from './readiness-check.js';

/** What {@link checkReadiness} found. */
export interface ReadinessReport {
  /** Names of the checks that failed or timed out; empty when ready. */
  readonly failed: readonly string[];
  /** Why each failed, for the log only: the reasons may name hosts, never answer them on the wire. */
  readonly reasons: readonly string[];
}

async function withTimeout(check: ReadinessCheck, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([check.check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, each bounded by `timeoutMs`. */
export async function checkReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = 3_000,
): Promise<ReadinessReport> {
  const results = await Promise.allSettled(checks.map((check) => withTimeout(check, timeoutMs)));
  const failed: string[] = [];
  const reasons: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    failed.push(checks[i]?.name ?? 'unknown');
    reasons.push(String(result.reason));
  });
  return { failed, reasons };
}
