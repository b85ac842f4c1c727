/** One page of a list read: the items and an opaque cursor for the next page (`null` on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Paging input of list queries; `limit` is already clamped by the edge (default 20, max 100). */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** The default and maximum page sizes of every list. */
export const PAGE_LIMITS = Object.freeze({ default: 20, max: 100 });
