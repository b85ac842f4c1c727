export { Authenticator } from './authenticator.js';
export { commandMetadata } from './command-metadata.js';
export { createHttpApp, type HttpAppOptions } from './create-http-app.js';
export { databaseReadiness } from './database-readiness.js';
export type { HttpEnv, HttpVariables } from './http-env.js';
export {
  type AcceptedResponses,
  acceptedResponse,
  BEARER_AUTH,
  BEARER_SECURITY,
  bearerAuthScheme,
  problemResponses,
} from './openapi-responses.js';
export {
  type CommandView,
  CommandRequestHeaders,
  CommandViewSchema,
  ProblemSchema,
} from './openapi-schemas.js';
export { MAX_WAIT_SECONDS, preferWait } from './prefer-wait.js';
export { PROBLEM_CONTENT_TYPE, problemResponse } from './problem-response.js';
export type { ReadinessCheck } from './readiness-check.js';
export { principalOf, requireAuth } from './require-auth.js';
export { requireRole } from './require-role.js';
export { type SendCommandResponse, sendCommand } from './send-command.js';
export { StaticTokenAuthenticator } from './static-token-authenticator.js';
export { toCommandView } from './to-command-view.js';
