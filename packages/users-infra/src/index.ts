export { usersModule } from './module.js';
