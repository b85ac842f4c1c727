export { FixedClock } from './fixed-clock.js';
export { SequentialIds } from './sequential-ids.js';
