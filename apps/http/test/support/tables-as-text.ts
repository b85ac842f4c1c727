import { type Kysely, sql } from 'kysely';

/** The tables read by {@link tablesAsText} and their rows as text. */
export interface TablesText {
  /** `schema.table` of every table read, empty ones included. */
  readonly tables: string[];
  readonly text: string;
}

/**
 * Every row of every table in `schemas`, each rendered by PostgreSQL as its text form (`t::text`), one per
 * line and prefixed with the table name: what a search for a leaked secret has to look through.
 */
export async function tablesAsText(db: Kysely<unknown>, schemas: readonly string[]): Promise<TablesText> {
  const tables = await sql<{ name: string }>`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema = any(${[...schemas]}::text[]) and table_type = 'BASE TABLE'
    order by 1
  `.execute(db);
  const lines: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
    for (const { row } of rows.rows) lines.push(`${name} ${row}`);
  }
  return { tables: tables.rows.map((table) => table.name), text: lines.join('\n') };
}

/** Every schema of the database that holds application data (not PostgreSQL's own) except `excluded`. */
export async function schemasBut(db: Kysely<unknown>, ...excluded: string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select schema_name as name from information_schema.schemata
    where schema_name not in ('pg_catalog', 'information_schema', 'pg_toast') and schema_name not like 'pg_temp%'
      and schema_name not like 'pg_toast_temp%'
    order by 1
  `.execute(db);
  return rows.map((row) => row.name).filter((name) => !excluded.includes(name));
}
