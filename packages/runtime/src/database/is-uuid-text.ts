/** A UUID in its canonical text form, any version: what a PostgreSQL `uuid` column takes without a cast error. */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` can be compared with a `uuid` column: ids read off the broker are checked with it first, so a
 * malformed one is skipped instead of failing the query.
 */
export function isUuidText(value: unknown): value is string {
  return typeof value === 'string' && UUID_TEXT.test(value);
}
