/** Builds an RFC 6901 JSON Pointer from path segments (`['items', 0, 'a/b']` → `/items/0/a~1b`). */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
