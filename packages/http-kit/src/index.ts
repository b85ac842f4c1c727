export { createHttpApp, type DocsPage, type HttpAppOptions } from './app/create-http-app.js';
export { type ApiInfo, type ApiServer, CONTEXTFLOW_API_INFO } from './openapi/api-document.js';
export { Authenticator } from './auth/authenticator.js';
export { principalOf, requireAuth } from './auth/require-auth.js';
export { requireRole } from './auth/require-role.js';
export { StaticTokenAuthenticator } from './auth/static-token-authenticator.js';
export { commandMetadata } from './commands/command-metadata.js';
export { MAX_WAIT_SECONDS, preferWait } from './commands/prefer-wait.js';
export { type SendCommandResponse, sendCommand } from './commands/send-command.js';
export { toCommandView } from './commands/to-command-view.js';
export {
  type AcceptedResponses,
  acceptedResponse,
  BEARER_AUTH,
  BEARER_SECURITY,
  bearerAuthScheme,
  problemResponses,
} from './openapi/openapi-responses.js';
export {
  type CommandView,
  CommandRequestHeaders,
  CommandViewSchema,
  ProblemSchema,
} from './openapi/openapi-schemas.js';
export { PROBLEM_CONTENT_TYPE, problemResponse } from './openapi/problem-response.js';
