import { sleep } from './common/stats.js';

/** Logs in and returns the access token. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const reply = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (reply.status !== 200) throw new Error(`login answered ${reply.status}: ${await reply.text()}`);
  return ((await reply.json()) as { accessToken: string }).accessToken;
}

/** Polls `url` until it answers 200 (throwing once `alive()` turns false); returns when (performance.now()) it did. */
export async function waitFor200(url: string, alive: () => boolean, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      const reply = await fetch(url);
      await reply.arrayBuffer();
      if (reply.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (!alive()) throw new Error(`the process behind ${url} exited before it answered 200`);
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(5);
  }
}
