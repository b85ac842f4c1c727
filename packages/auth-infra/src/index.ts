export { AuthConfig } from './config/auth-config.js';
export { loadAuthConfig } from './config/load-auth-config.js';
export { ensureBootstrapAdmin } from './bootstrap/ensure-bootstrap-admin.js';
export { authModule, createAuthModule } from './module.js';
