/**
 * JSON with object keys sorted at every depth, so two payloads that differ only in key order serialize the
 * same. Follows `JSON.stringify` otherwise: `undefined` and functions are left out of objects and become
 * `null` in arrays, `toJSON` (dates) is honoured.
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, current: unknown) => {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return current;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(current).sort()) sorted[key] = (current as Record<string, unknown>)[key];
      return sorted;
    }) ?? 'null'
  );
}
