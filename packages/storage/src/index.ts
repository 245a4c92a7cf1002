/**
 * @tollgate/storage: the domain's ports over SQL (Kysely on SQLite or PostgreSQL) and the
 * Node.js adapters (CSPRNG keys, ids, clock, scrypt password hashes, the audit log's hash chain).
 */

export { type AuditChainReport, type AuditHead, auditHash, GENESIS_HASH, verifyAuditChain } from './crypto/audit-chain.js';
export * from './crypto/node-credentials.js';
export { nodePasswordHasher } from './crypto/passwords.js';
export { openStore, SQLITE_FILE, type SqlStore, type StoreOptions } from './store.js';
