import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eventually } from './support/accounts.js';
import { startSystem, systemConfig } from './support/system.js';

// The built HTTP app on PostgreSQL, no worker: a command sent with `Prefer: wait=5` holds its request open
// for five seconds (nothing completes it), a request in flight the test can time SIGTERM against.
describe.runIf(systemConfig() === 'services')('graceful shutdown of the HTTP app', () => {
  it('answers the request in flight after SIGTERM, refuses new connections, and exits 0', async () => {
    const system = await startSystem({ worker: false, env: { SHUTDOWN_TIMEOUT_MS: '15000' } });
    try {
      const inFlight = fetch(`${system.baseUrl}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', prefer: 'wait=5' },
        body: JSON.stringify({
          email: 'drain@example.com',
          password: 'correct horse battery staple',
          name: 'D',
        }),
      });
      // The command is accepted: the request now waits for it to finish.
      await eventually(async () => {
        const { rows } = await sql<{ n: string }>`select count(*) as n from platform.commands`.execute(
          system.db,
        );
        return Number(rows[0]?.n) > 0 ? true : undefined;
      });
      system.http.signal('SIGTERM');
      await system.http.waitForLine((line) => line.includes('shutting down'));
      await expect(fetch(`${system.baseUrl}/health/live`)).rejects.toMatchObject({
        cause: { code: 'ECONNREFUSED' },
      });
      const reply = await inFlight;
      expect(reply.status).toBe(202);
      expect(await reply.json()).toMatchObject({ commandId: expect.any(String) });
      expect(await system.http.exited).toBe(0);
      expect(system.http.lines.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    } finally {
      await system.close();
    }
  });
});
