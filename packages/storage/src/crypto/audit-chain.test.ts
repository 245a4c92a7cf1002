import type { AuditEntry, AuditRecord } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, verifyAuditChain } from './audit-chain.js';

const entry = (i: number): AuditEntry => ({
  time: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, i)).toISOString(),
  actor: { type: 'user', id: 'alice' },
  sourceIp: '127.0.0.1',
  requestId: `req-${i}`,
  action: 'updateProduct',
  method: 'PUT',
  path: '/api/v1/products/gold',
  target: { type: 'product', id: 'gold' },
  outcome: 'success',
  status: 200,
  changes: { before: { name: 'Gold', n: i }, after: { name: 'Gold+', n: i + 1 } },
});

/** Records 1..n chained from the genesis hash, as the log writes them. */
function chain(entries: AuditEntry[]): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (const [index, e] of entries.entries()) {
    const seq = index + 1;
    const prevHash = records.at(-1)?.hash ?? GENESIS_HASH;
    records.push({ seq, ...e, prevHash, hash: auditHash(prevHash, seq, e) });
  }
  return records;
}

const five = () => chain([1, 2, 3, 4, 5].map(entry));

describe('auditHash', () => {
  it('is SHA-256 hex, independent of key order, and changes with the seq, the previous hash and every field', () => {
    const e = entry(1);
    const hash = auditHash(GENESIS_HASH, 1, e);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(e).reverse()) as AuditEntry;
    expect(auditHash(GENESIS_HASH, 1, reordered)).toBe(hash);
    expect(auditHash(GENESIS_HASH, 2, e)).not.toBe(hash);
    expect(auditHash('1'.repeat(64), 1, e)).not.toBe(hash);
    expect(auditHash(GENESIS_HASH, 1, { ...e, status: 201 })).not.toBe(hash);
    expect(auditHash(GENESIS_HASH, 1, { ...e, changes: null })).not.toBe(hash);
  });
});

describe('verifyAuditChain', () => {
  it('finds nothing wrong with an intact chain, and reports its length and head', async () => {
    const records = five();
    expect(await verifyAuditChain(records)).toEqual({ records: 5, head: { seq: 5, hash: records[4]?.hash }, problems: [] });
    expect((await verifyAuditChain(records, { head: { seq: 3, hash: records[2]?.hash ?? '' } })).problems).toEqual([]);
  });

  it('reads an async iterable', async () => {
    async function* stream() {
      yield* five();
    }
    expect((await verifyAuditChain(stream())).records).toBe(5);
  });

  it('answers an empty log with no head and no problem', async () => {
    expect(await verifyAuditChain([])).toEqual({ records: 0, head: null, problems: [] });
  });

  it('reports a modified record at its seq', async () => {
    const records = five();
    records[1] = { ...(records[1] as AuditRecord), outcome: 'failure' };
    const { problems } = await verifyAuditChain(records);
    expect(problems).toEqual([{ seq: 2, problem: expect.stringContaining('modified') }]);
  });

  it('reports a record whose prevHash is not the hash of the one before', async () => {
    const records = five();
    const third = records[2] as AuditRecord;
    const prevHash = '1'.repeat(64);
    // Consistent in itself (its hash covers the forged prevHash), not with its predecessor.
    records[2] = { ...third, prevHash, hash: auditHash(prevHash, 3, entry(3)) };
    const { problems } = await verifyAuditChain(records);
    expect(problems).toEqual([
      { seq: 3, problem: expect.stringContaining('record 2') },
      { seq: 4, problem: expect.any(String) },
    ]);
  });

  it('reports deleted records, in the middle and at the start', async () => {
    const records = five();
    expect((await verifyAuditChain(records.filter((r) => r.seq !== 3))).problems).toEqual([
      { seq: 4, problem: 'record 3 is missing (deleted)' },
    ]);
    expect((await verifyAuditChain(records.filter((r) => r.seq !== 2 && r.seq !== 3))).problems).toEqual([
      { seq: 4, problem: 'records 2..3 are missing (deleted)' },
    ]);
    expect((await verifyAuditChain(records.slice(1))).problems).toEqual([{ seq: 2, problem: 'record 1 is missing (deleted)' }]);
  });

  it('lists every problem, not just the first', async () => {
    const records = five();
    records[0] = { ...(records[0] as AuditRecord), status: 500 };
    records.splice(2, 1);
    records[3] = { ...(records[3] as AuditRecord), path: '/elsewhere' };
    const { problems } = await verifyAuditChain(records);
    expect(problems.map((p) => p.seq)).toEqual([1, 4, 5]);
  });

  it('detects a deleted last record only against a known head', async () => {
    const records = five();
    const head = { seq: 5, hash: records[4]?.hash ?? '' };
    const truncated = records.slice(0, 4);
    expect((await verifyAuditChain(truncated)).problems).toEqual([]);
    expect((await verifyAuditChain(truncated, { head })).problems).toEqual([
      { seq: 5, problem: expect.stringContaining('truncated or rewritten') },
    ]);
  });

  it('detects a chain rewritten from an edit on (every hash recomputed) only against a known head', async () => {
    const original = five();
    const head = { seq: 5, hash: original[4]?.hash ?? '' };
    const entries = [1, 2, 3, 4, 5].map(entry);
    entries[1] = { ...(entries[1] as AuditEntry), outcome: 'denied', status: 403 };
    const rewritten = chain(entries);
    expect((await verifyAuditChain(rewritten)).problems).toEqual([]);
    expect((await verifyAuditChain(rewritten, { head })).problems).toEqual([
      { seq: 5, problem: expect.stringContaining('truncated or rewritten') },
    ]);
    // A head taken before the edit is just as good.
    const earlier = { seq: 3, hash: original[2]?.hash ?? '' };
    expect((await verifyAuditChain(rewritten, { head: earlier })).problems).toHaveLength(1);
  });
});
