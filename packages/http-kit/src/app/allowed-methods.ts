import { METHOD_NAME_ALL } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';
import type { RouterRoute } from 'hono/types';

/**
 * Finds which methods the app's routes accept for a path, for 405 answers (Hono has none of its own).
 * Middleware (`ALL`) is not a route. The matcher is built on first use, after every route is mounted.
 */
export class AllowedMethods {
  #router: TrieRouter<string> | undefined;
  #methods: readonly string[] = [];

  constructor(private readonly routes: () => readonly RouterRoute[]) {}

  /** The methods some route accepts for `path`, sorted, with HEAD wherever GET is; empty for an unknown path. */
  for(path: string): string[] {
    if (this.#router === undefined) this.#build();
    const router = this.#router as TrieRouter<string>;
    const allowed = new Set(this.#methods.filter((method) => router.match(method, path)[0].length > 0));
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  }

  #build(): void {
    const router = new TrieRouter<string>();
    const methods = new Set<string>();
    for (const route of this.routes()) {
      if (route.method === METHOD_NAME_ALL) continue;
      router.add(route.method, route.path, route.method);
      methods.add(route.method);
    }
    this.#router = router;
    this.#methods = [...methods];
  }
}
