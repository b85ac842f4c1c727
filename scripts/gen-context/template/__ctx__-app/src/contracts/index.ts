// The published language of the __ctx__ context: what other contexts may import (nothing else of this package).
export { type __Agg__View, __Agg__ViewSchema } from './__agg__-view.js';
export { __Ctx__RoutingKeys } from './__ctx__-routing-keys.js';
