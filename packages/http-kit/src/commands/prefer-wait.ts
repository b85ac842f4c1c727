/** The longest `Prefer: wait` the server honours, in seconds. */
export const MAX_WAIT_SECONDS = 30;

/**
 * The `wait` preference of a `Prefer` header (RFC 7240) in seconds, capped at {@link MAX_WAIT_SECONDS};
 * 0 when absent or not a number.
 */
export function preferWait(header: string | undefined): number {
  if (header === undefined) return 0;
  for (const preference of header.split(',')) {
    const [name, value] = (preference.split(';')[0] ?? '').split('=').map((part) => part.trim());
    if (name?.toLowerCase() !== 'wait' || value === undefined) continue;
    const seconds = /^"?(\d{1,6})"?$/.exec(value)?.[1];
    if (seconds !== undefined) return Math.min(Number(seconds), MAX_WAIT_SECONDS);
  }
  return 0;
}
