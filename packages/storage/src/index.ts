/**
 * @tollgate/storage: the domain's ports over SQL (Kysely on SQLite or PostgreSQL) and the
 * Node.js adapters (CSPRNG keys, ids, clock, scrypt password hashes).
 */
export * from './crypto/node-credentials.js';
export { nodePasswordHasher } from './crypto/passwords.js';
export { openStore, SQLITE_FILE, type SqlStore, type StoreOptions } from './store.js';
