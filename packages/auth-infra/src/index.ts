export { Argon2PasswordHasher } from './crypto/argon2-password-hasher.js';
