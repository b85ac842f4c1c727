export { Db } from './db.js';
