export { Authenticator } from './authenticator.js';
export type { HttpEnv, HttpVariables } from './http-env.js';
