import { Client, type ClientBase } from 'pg';

// Names from pools, so emails and names have the spread of trigrams real ones have (not one shared prefix):
// 20 first names × 40 last names, then the user's number. User n: `<first>.<last><n>@bench.example`.
const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Edsger',
  'Barbara',
  'Donald',
  'Ken',
  'Dennis',
  'Linus',
  'Margaret',
  'Niklaus',
  'John',
  'Frances',
  'Tony',
  'Leslie',
  'Radia',
  'Guido',
  'Bjarne',
  'Anders',
  'Yukihiro',
];
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Thompson',
  'Ritchie',
  'Torvalds',
  'Hamilton',
  'Wirth',
  'McCarthy',
  'Allen',
  'Hoare',
  'Lamport',
  'Perlman',
  'Rossum',
  'Stroustrup',
  'Hejlsberg',
  'Matsumoto',
  'Backus',
  'Kay',
  'Cerf',
  'Kahn',
  'Berners',
  'Hellman',
  'Diffie',
  'Rivest',
  'Shamir',
  'Adleman',
  'Goldwasser',
  'Micali',
  'Valiant',
  'Karp',
  'Cook',
  'Tarjan',
  'Hartmanis',
  'Stearns',
  'Floyd',
  'Minsky',
];

/** The email of seeded user `n` (what {@link addUsers} writes). */
export function benchEmail(n: number): string {
  const first = FIRST[n % FIRST.length] ?? '';
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length] ?? '';
  return `${first.toLowerCase()}.${last.toLowerCase()}${n}@bench.example`;
}

/**
 * Writes users `from`..`to` (the aggregate rows and their views, as the users context would have) in one
 * statement: user n was created n seconds before now, so a higher n is further down the list. Every
 * `deactivateEvery`-th is deactivated (0: none).
 */
export async function addUsers(
  client: ClientBase,
  from: number,
  to: number,
  deactivateEvery = 0,
): Promise<void> {
  await client.query(
    `with added as (
       insert into users.users (id, email, name, status, version, created_at, updated_at)
       select gen_random_uuid(), lower(f) || '.' || lower(l) || i || '@bench.example', f || ' ' || l,
              case when $4 > 0 and i % $4 = 0 then 'deactivated' else 'active' end, 1,
              now() - i * interval '1 second', now() - i * interval '1 second'
       from generate_series($1::int, $2::int) as i,
            lateral (select ($3::text[])[1 + i % ${FIRST.length}] as f,
                            ($5::text[])[1 + (i / ${FIRST.length}) % ${LAST.length}] as l) as names
       returning id, email, name, status, created_at, updated_at
     )
     insert into users.user_views (id, email, name, status, created_at, updated_at)
     select id, email, name, status, created_at, updated_at from added`,
    [from, to, FIRST, deactivateEvery, LAST],
  );
}

/**
 * Seeds `count` active users and creates the raw baselines' look-alike tables. Returns the seeded user ids.
 */
export async function seed(databaseUrl: string, count: number): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await addUsers(client, 1, count);
    await client.query('create schema bench_raw');
    await client.query('create table bench_raw.commands (like platform.commands including all)');
    await client.query('create table bench_raw.outbox (like platform.outbox including all)');
    await client.query(
      'create table bench_raw.inbox (message_id uuid primary key, body jsonb not null, handled_at timestamptz not null default now())',
    );
    await client.query('commit');
    // Flushes the trigram indexes' pending lists too, as autovacuum would on a live table.
    await client.query('vacuum analyze');
    const rows = await client.query<{ id: string }>(
      "select id from users.users where email like '%@bench.example' order by id",
    );
    return rows.rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
