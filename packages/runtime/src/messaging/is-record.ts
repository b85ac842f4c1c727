/** A plain JSON object (not null, not an array): what a message body or header table must be to be read. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
