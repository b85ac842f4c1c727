import { isoString } from '@contextflow/core';

/** The ISO text (`toISOString`'s) of a timestamp read from the database, as a `Date` or as text. */
export function timestampText(value: Date | string): string {
  return isoString(typeof value === 'string' ? new Date(value) : value);
}
