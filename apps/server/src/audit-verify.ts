import { openStore, verifyAuditChain } from '@tollgate/storage';

/** Where the store is, and what the caller saved of the chain's head before. */
export interface AuditVerifyOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  /** A head printed by an earlier run (`<seq>:<hash>`): detects a cut or rewritten tail too. */
  head?: { seq: number; hash: string } | undefined;
}

/** What `tollgate audit verify` found. */
export interface AuditVerifyReport {
  records: number;
  head: { seq: number; hash: string } | null;
  problems: Array<{ seq: number; problem: string }>;
}

/**
 * Walks the audit log from its first record, recomputing every hash: a modified record, a
 * deleted one and a broken link are each reported with their `seq`. Reads only.
 */
export async function verifyAuditLog(options: AuditVerifyOptions): Promise<AuditVerifyReport> {
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  try {
    return await verifyAuditChain(store.audit.scan(), options.head === undefined ? {} : { head: options.head });
  } finally {
    await store.close();
  }
}
