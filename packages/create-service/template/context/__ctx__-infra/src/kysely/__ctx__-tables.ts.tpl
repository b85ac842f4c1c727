import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** `__ctx__.__ctx__`: the __Agg__ aggregate's state. */
export interface __Ctx__Table {
  id: string;
  title: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `__ctx__.__agg___activity`: one row per __agg__ event the reaction saw. */
export interface __Agg__ActivityTable {
  event_id: string;
  __agg___id: string;
  type: string;
  occurred_at: Timestamp;
}

/** The tables of the __ctx__ schema as Kysely sees them. */
export interface __Ctx__Tables {
  '__ctx__.__ctx__': __Ctx__Table;
  '__ctx__.__agg___activity': __Agg__ActivityTable;
}
