import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord } from '@tollgate/domain';
import canonicalizeModule from 'canonicalize';

/**
 * RFC 8785 canonical JSON. The package is CommonJS (`module.exports = serialize`) with a
 * `export default` declaration, which NodeNext reads as `{ default: serialize }`: at run time
 * the default import is the function itself.
 */
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** The `prevHash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of record `seq`: SHA-256 (hex) of the previous record's hash, a newline, and the
 * canonical JSON (RFC 8785) of `{ seq, ...entry }`. `entry` must be exactly what the log reads
 * back (time as the ISO string of its epoch millisecond, `changes` as parsed from its JSON), so
 * that anyone can recompute the hash from a listed record.
 */
export function auditHash(prevHash: string, seq: number, entry: AuditEntry): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalize({ seq, ...entry })}`)
    .digest('hex');
}

/** A record's place in the chain: its seq and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** What `verifyAuditChain` found. */
export interface AuditChainReport {
  /** How many records were read. */
  records: number;
  /** The last record read, null for an empty log. */
  head: AuditHead | null;
  /** Every problem found, in the order found; empty: the chain is intact. */
  problems: Array<{ seq: number; problem: string }>;
}

/**
 * Checks a whole log, read oldest first from its first record (e.g. `store.audit.scan()`): seqs
 * without gaps from 1, each `prevHash` the previous record's hash, each hash matching its
 * record's content. It goes on after a problem, so the report lists them all.
 *
 * A chain alone cannot tell that its last records were deleted, or that someone with write access
 * rewrote it and recomputed every hash from an edit on: both leave a valid chain. `head`, a
 * record's seq and hash kept outside the database (an earlier report's head, written down or
 * exported), catches both: that record must still be there with that hash.
 */
export async function verifyAuditChain(
  records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>,
  options: { head?: AuditHead | undefined } = {},
): Promise<AuditChainReport> {
  const problems: AuditChainReport['problems'] = [];
  let previous: AuditHead | null = null;
  let count = 0;
  let headSeen = false;
  for await (const record of records) {
    const { seq, prevHash, hash, ...entry } = record;
    count++;
    const expected = (previous?.seq ?? 0) + 1;
    if (seq < expected) {
      problems.push({ seq, problem: `record ${seq} comes after record ${expected - 1}: the log is out of order` });
    } else if (seq > expected) {
      const missing = seq - 1 === expected ? `record ${expected} is missing` : `records ${expected}..${seq - 1} are missing`;
      problems.push({ seq, problem: `${missing} (deleted)` });
    } else if (prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      const before = previous === null ? 'the genesis hash' : `the hash of record ${previous.seq}`;
      problems.push({ seq, problem: `prevHash is not ${before}: a record before it was modified or replaced` });
    }
    if (auditHash(prevHash, seq, entry) !== hash) {
      problems.push({ seq, problem: 'hash does not match the content: the record was modified' });
    }
    if (options.head !== undefined && seq === options.head.seq) {
      headSeen = true;
      if (hash !== options.head.hash) {
        problems.push({ seq, problem: `record ${seq} does not have the known head's hash: the log was truncated or rewritten` });
      }
    }
    previous = { seq, hash };
  }
  if (options.head !== undefined && !headSeen) {
    const { seq } = options.head;
    problems.push({ seq, problem: `record ${seq}, the known head, is missing: the log was truncated or rewritten` });
  }
  return { records: count, head: previous, problems };
}
