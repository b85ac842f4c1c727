// The published language of the __ctx__ context: what other contexts may import (nothing else of this package).
export { __Agg__CreatedV1 } from './__agg__-created-v1.js';
export { type __Agg__View, __Agg__ViewSchema } from './__agg__-view.js';
export { __Ctx__EventTypes, __Ctx__RoutingKeys } from './__ctx__-event-types.js';
