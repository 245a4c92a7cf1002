import type { AuditEntry, AuditFilter, AuditRecord } from '../entities/audit.js';
import type { Page, PageRequest } from '../entities/common.js';

/**
 * The audit log: append-only, each record chained to the one before by a hash. Appending inside
 * `Store.transaction` writes the record in that transaction (with the change it reports); records
 * get consecutive `seq` numbers even when several processes append at once.
 */
export interface AuditLog {
  /** Appends the entry as the next record of the chain; answers the record. */
  append(entry: AuditEntry): Promise<AuditRecord>;
  /** The records matching the filter, newest first. */
  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>>;
  /** Every record after `afterSeq` (default: from the first), oldest first, read in chunks. */
  scan(afterSeq?: number): AsyncIterable<AuditRecord>;
}
