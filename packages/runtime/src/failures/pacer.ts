/**
 * A pace of at most `ratePerSecond` calls a second: each call of what it returns resolves at the earliest at
 * `start + n / rate` for the n-th call, so a slow call is caught up on, never bursting past the rate overall.
 * Without a rate every call resolves at once.
 */
export function pacer(ratePerSecond: number | undefined): () => Promise<void> {
  if (ratePerSecond === undefined || !(ratePerSecond > 0)) return () => Promise.resolve();
  const interval = 1000 / ratePerSecond;
  let started: number | undefined;
  let calls = 0;
  return async () => {
    const now = performance.now();
    started ??= now;
    const due = started + calls * interval;
    calls += 1;
    if (due > now) await new Promise((resolve) => setTimeout(resolve, due - now));
  };
}
