import { sql } from 'kysely';

/**
 * The comment that ends a statement PostgreSQL must plan with its values on every call. A database adapter
 * with named (prepared) statements leaves such a statement unnamed: a prepared statement runs on a plan made
 * for any value after five calls (the generic plan) when it guesses that plan costs no more than the plans
 * made for each value, and a guess about "any value" is wrong for a text search. The users' search by a rare
 * term planned for its value reads two trigram indexes (0.2–0.5 ms at 10,000 users); the generic plan walks
 * the newest-first index testing every row (16 ms at 10,000 users, the whole table at any size).
 */
export const PLAN_EACH_CALL = '/* plan each call */';

/**
 * `query` (a select being built) with {@link PLAN_EACH_CALL} at its end, for statements whose best plan
 * depends on their values: `planEachCall(db.selectFrom('t').where('name', 'ilike', pattern))`.
 */
export function planEachCall<Q extends { modifyEnd(modifier: ReturnType<typeof sql.raw>): Q }>(query: Q): Q {
  return query.modifyEnd(sql.raw(PLAN_EACH_CALL));
}
