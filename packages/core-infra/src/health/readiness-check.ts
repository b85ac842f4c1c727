/** One dependency `/health/ready` checks (database, broker). */
export interface ReadinessCheck {
  /** Short name shown when the check fails (`database`); never a URL or a version. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) otherwise. */
  check(): Promise<void>;
}
