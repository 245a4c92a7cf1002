import { resolveConfig, verifyAuditLog } from '@tollgate/server';

/** Flags of `tollgate audit verify`. */
export interface AuditVerifyFlags {
  data?: string;
  database?: string;
  head?: { seq: number; hash: string };
}

/**
 * `tollgate audit verify`: checks the audit log's hash chain in the store (the SQLite file of
 * the data directory, or PostgreSQL). Prints one line per problem and exits 1, or prints the
 * record count and the head (`<seq>:<hash>`, to keep and pass as `--head` next time) and exits 0.
 */
export async function auditVerifyCommand(flags: AuditVerifyFlags): Promise<void> {
  const config = resolveConfig({ data: flags.data, database: flags.database });
  const report = await verifyAuditLog({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, head: flags.head });
  for (const { seq, problem } of report.problems) process.stdout.write(`record ${seq}: ${problem}\n`);
  const head = report.head === null ? 'none' : `${report.head.seq}:${report.head.hash}`;
  if (report.problems.length > 0) {
    process.stdout.write(`audit log NOT intact: ${report.problems.length} problem(s) in ${report.records} records; head ${head}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`audit log intact: ${report.records} records; head ${head}\n`);
}
