/**
 * @tollgate/storage: the domain's ports over SQL (Kysely on SQLite or PostgreSQL) and the
 * Node.js adapters (CSPRNG keys, ids, clock).
 */
export * from './crypto/node-credentials.js';
export { openStore, SQLITE_FILE, type SqlStore, type StoreOptions } from './store.js';
