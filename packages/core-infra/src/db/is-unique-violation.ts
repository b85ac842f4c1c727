/** Whether a driver error is PostgreSQL's unique violation (23505) on the named constraint; never by class. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === constraint;
}
