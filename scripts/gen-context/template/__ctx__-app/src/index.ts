export { type __Agg__View, __Agg__ViewSchema } from './contracts/__agg__-view.js';
export { __Ctx__RoutingKeys } from './contracts/__ctx__-routing-keys.js';
export {
  Create__Agg__Command,
  type Create__Agg__Payload,
  Create__Agg__PayloadSchema,
} from './create-__agg__/create-__agg__-command.js';
export { Create__Agg__Handler } from './create-__agg__/create-__agg__-handler.js';
export { Get__Agg__Handler } from './get-__agg__/get-__agg__-handler.js';
export {
  type Get__Agg__Params,
  Get__Agg__ParamsSchema,
  Get__Agg__Query,
} from './get-__agg__/get-__agg__-query.js';
export { __Agg__ReadModel } from './ports/__agg__-read-model.js';
