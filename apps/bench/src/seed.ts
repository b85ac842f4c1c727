import { Client } from 'pg';

/**
 * Seeds `count` active users (the aggregate rows and their views, as the users context would have written
 * them) and creates the raw baselines' look-alike tables. Returns the seeded user ids.
 */
export async function seed(databaseUrl: string, count: number): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into users.users (id, email, name, status, version, created_at, updated_at)
       select gen_random_uuid(), 'user' || i || '@bench.example', 'User ' || i, 'active', 1,
              now() - i * interval '1 second', now() - i * interval '1 second'
       from generate_series(1, $1) as i`,
      [count],
    );
    await client.query(
      `insert into users.user_views (id, email, name, status, created_at, updated_at)
       select id, email, name, status, created_at, updated_at from users.users where email like '%@bench.example'`,
    );
    await client.query('create schema bench_raw');
    await client.query('create table bench_raw.commands (like platform.commands including all)');
    await client.query('create table bench_raw.outbox (like platform.outbox including all)');
    await client.query(
      'create table bench_raw.inbox (message_id uuid primary key, body jsonb not null, handled_at timestamptz not null default now())',
    );
    await client.query('commit');
    await client.query('analyze');
    const rows = await client.query<{ id: string }>(
      "select id from users.users where email like '%@bench.example' order by id",
    );
    return rows.rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
