// The raw HTTP baseline: bare Hono + pg doing the essential work of the measured routes with no layers, no
// DI, no validation library. It verifies the same JWT the same way (jose, the same key, algorithm, issuer,
// audience, type and required claims), checks the session is live with the same SQL the auth context runs,
// runs the same SQL for the data and answers the same JSON. `PATCH /users/:id` is the raw two-row insert:
// BEGIN; insert the command row; insert the outbox row; COMMIT (into look-alike tables of its own, which no
// relay reads).
//
// With FLOOR=1 it is the bare floor instead: no token, no session, no check of any kind — every caller is
// the admin — only the same SQL and the same JSON. Nothing can serve that data faster on this machine.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { importJWK, type JWK, jwtVerify } from 'jose';
import { Pool } from 'pg';

const env = process.env;
const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.POOL_SIZE ?? 10) });
const key = await importJWK(JSON.parse(env.JWT_PUBLIC_JWK ?? '{}') as JWK, 'EdDSA');
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

const SESSION_SQL =
  'select "a"."id", "a"."roles" from "auth"."sessions" as "s" inner join "auth"."accounts" as "a" on "a"."id" = "s"."account_id" where "s"."id" = $1 and "s"."status" = $2 and "s"."expires_at" > $3 and "a"."status" = $4';
const USER_SQL = 'select * from "users"."user_views" where "id" = $1';
const PAGE_SQL = 'select * from "users"."user_views" order by "created_at" desc, "id" desc limit $1';

interface ViewRow {
  id: string;
  email: string;
  name: string;
  status: string;
  created_at: Date;
  updated_at: Date;
}

const toView = (row: ViewRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const FLOOR_CALLER = { id: '', roles: ['admin'] };

/** The caller's roles, or null: the token verified, then its session live (the floor: always the admin). */
async function caller(header: string | undefined): Promise<{ id: string; roles: string[] } | null> {
  if (env.FLOOR === '1') return FLOOR_CALLER;
  const token = BEARER.exec(header ?? '')?.[1];
  if (token === undefined || token.length > 4096) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['EdDSA'],
      issuer: env.JWT_ISSUER ?? 'contextflow',
      audience: env.JWT_AUDIENCE ?? 'contextflow-api',
      typ: 'at+jwt',
      requiredClaims: ['sub', 'sid', 'iat', 'exp', 'jti'],
    });
    const rows = await pool.query<{ id: string; roles: string[] }>(SESSION_SQL, [
      payload.sid,
      'active',
      new Date(),
      'active',
    ]);
    const row = rows.rows[0];
    return row === undefined || row.id !== payload.sub ? null : row;
  } catch {
    return null;
  }
}

const app = new Hono();
const unauthorized = () => new Response('{"status":401}', { status: 401 });

app.get('/users/:id', async (c) => {
  const who = await caller(c.req.header('authorization'));
  if (who === null) return unauthorized();
  const id = c.req.param('id');
  if (id !== who.id && !who.roles.includes('admin')) return c.json({ status: 404 }, 404);
  const row = (await pool.query<ViewRow>(USER_SQL, [id])).rows[0];
  return row === undefined ? c.json({ status: 404 }, 404) : c.json(toView(row), 200);
});

app.get('/users', async (c) => {
  const who = await caller(c.req.header('authorization'));
  if (who === null) return unauthorized();
  if (!who.roles.includes('admin')) return c.json({ status: 403 }, 403);
  const limit = Number(c.req.query('limit') ?? 20);
  const rows = (await pool.query<ViewRow>(PAGE_SQL, [limit + 1])).rows;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined
      ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url')
      : null;
  return c.json({ items: page.map(toView), nextCursor }, 200);
});

app.patch('/users/:id', async (c) => {
  const body = await c.req.json<{ name: string }>();
  const id = randomUUID();
  const command = { type: 'users.RenameUser', payload: { userId: c.req.param('id'), name: body.name } };
  const now = new Date();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      'insert into bench_raw.commands (id, type, payload, status, caller, request_hash, correlation_id, causation_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $8)',
      [id, command.type, JSON.stringify(command.payload), 'pending', 'bench', '-', id, now],
    );
    await client.query(
      'insert into bench_raw.outbox (message_id, kind, routing_key, body, headers, created_at) values ($1, $2, $3, $4, $5, $6)',
      [id, 'command', command.type, JSON.stringify({ id, ...command }), '{}', now],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  return c.json({ commandId: id }, 202);
});

const server = serve({ fetch: app.fetch, port: Number(env.PORT), hostname: '127.0.0.1' }, () =>
  console.log(env.FLOOR === '1' ? 'floor http listening' : 'raw http listening'),
);
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
