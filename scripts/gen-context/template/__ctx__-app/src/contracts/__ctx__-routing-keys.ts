/** Routing keys of the __ctx__ context's integration events (`<type>.v<version>`): bind to these, never rename. */
export const __Ctx__RoutingKeys = Object.freeze({
  __agg__CreatedV1: '__ctx__.__agg__-created.v1',
} as const);
