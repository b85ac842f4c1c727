/** Wire types of the __ctx__ events other contexts may consume: public API, never renamed (add a version instead). */
export const __Ctx__EventTypes = Object.freeze({
  __agg__Created: '__ctx__.__agg__-created',
} as const);

/** Routing keys (`<type>.v<version>`) to bind on the event exchange. */
export const __Ctx__RoutingKeys = Object.freeze({
  __agg__CreatedV1: '__ctx__.__agg__-created.v1',
} as const);
