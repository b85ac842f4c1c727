export { type AppConfig, loadConfig, tracingOf } from './load-config.js';
