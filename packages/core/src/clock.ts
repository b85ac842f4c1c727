import { token } from './token.js';

/** The time source; inject it instead of calling `new Date()` so tests control time. */
export interface Clock {
  now(): Date;
}

/** Token of {@link Clock}. */
export const Clock = token<Clock>('core.Clock');

/** The wall clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
