export type { __Agg__View } from './contracts/__agg__-view.js';
export {
  Create__Agg__Command,
  type Create__Agg__Payload,
  Create__Agg__PayloadSchema,
} from './create-__agg__/create-__agg__-command.js';
export { Create__Agg__Handler } from './create-__agg__/create-__agg__-handler.js';
export { FollowUp__Agg__Process } from './follow-up-__agg__/follow-up-__agg__-process.js';
export { Get__Agg__Handler } from './get-__agg__/get-__agg__-handler.js';
export { Get__Agg__Query } from './get-__agg__/get-__agg__-query.js';
export { __Agg__ReadModel } from './ports/__agg__-read-model.js';
