#!/usr/bin/env node
import {
  parseAnalyticsMode,
  parseAnalyticsRetention,
  parseAuditHead,
  parseGatewayBinding,
  parseMeteringMode,
  VERSION,
} from '@tollgate/server/config';
import { Command, InvalidArgumentError } from 'commander';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return parsed;
}

function gatewayBinding(value: string, previous: ReturnType<typeof parseGatewayBinding>[] = []) {
  return [...previous, parsed(parseGatewayBinding)(value)];
}

/** A parser for commander that reports a refused value as an invalid argument. */
function parsed<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
}

const analyticsMode = parsed(parseAnalyticsMode);
const analyticsRetention = parsed(parseAnalyticsRetention);
const meteringMode = parsed(parseMeteringMode);
const METERING_HELP =
  'when calls of monetized products reach the metering ledger: async (batched every second; a kill -9 loses the last second at most; the default) or sync (written before the answer ends; env TOLLGATE_METERING; docs/monetization.md)';

const program = new Command()
  .name('tollgate')
  .description('Tollgate API management: the management server, gateway nodes and tools.')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description(
    'Start the platform on its embedded default: the management API and docs on one port, and one gateway node per server group (SQLite unless --database names PostgreSQL).',
  )
  .option('--data <dir>', 'data directory for the SQLite file, saved snapshots and the generated admin token (env TOLLGATE_DATA_DIR)')
  .option('--host <host>', 'interface to listen on (env TOLLGATE_HOST; default 127.0.0.1)')
  .option('--port <port>', 'management port (env TOLLGATE_PORT; default 9400)', port)
  .option('--database <url>', 'PostgreSQL URL, postgres://… (env TOLLGATE_DATABASE_URL; default: SQLite in the data directory)')
  .option('--redis <url>', 'Redis URL, redis://…: limit counters shared by gateway nodes (env TOLLGATE_REDIS_URL; default: in memory)')
  .option(
    '--analytics <mode>',
    'what gateway nodes record: rollups (per-minute and per-hour series, the default), full (rollups and one raw event per call) or off (env TOLLGATE_ANALYTICS; docs/analytics.md)',
    analyticsMode,
  )
  .option(
    '--analytics-retention <spec>',
    'how long analytics are kept, e.g. raw=7d,minute=30d,hour=400d (the defaults; env TOLLGATE_ANALYTICS_RETENTION)',
    analyticsRetention,
  )
  .option('--metering <mode>', METERING_HELP, meteringMode)
  .option(
    '--gateway <group=port>',
    'run a gateway node of a server group on a port; repeatable (default: production=8080 and development=8081)',
    gatewayBinding,
  )
  // Commands load their modules when they run: `tollgate gateway` never loads the management API.
  .action(async (flags) => (await import('./start.js')).startCommand(flags));

program
  .command('gateway')
  .description('Run one standalone gateway node of a server group against the shared store.')
  .requiredOption('--server-group <id>', 'the server group the node serves')
  .option('--port <port>', 'gateway port (default 8080)', port, 8080)
  .option('--host <host>', 'interface to listen on (default 127.0.0.1)', '127.0.0.1')
  .option('--database <url>', 'PostgreSQL URL of the shared store (env TOLLGATE_DATABASE_URL)')
  .option('--data <dir>', 'data directory: the SQLite file when there is no --database, and the saved snapshot (env TOLLGATE_DATA_DIR)')
  .option('--redis <url>', "Redis URL, redis://…: limit counters shared with the group's other nodes (env TOLLGATE_REDIS_URL)")
  .option(
    '--analytics <mode>',
    'what the node records: rollups (the default), full (rollups and one raw event per call) or off (env TOLLGATE_ANALYTICS; docs/analytics.md)',
    analyticsMode,
  )
  .option('--metering <mode>', METERING_HELP, meteringMode)
  .action(async (flags) => (await import('./gateway.js')).gatewayCommand(flags));

const users = program.command('users').description('Manage the users of the management API.');

users
  .command('create-admin')
  .description(
    'Create a user in Administrators through the running management server, with the admin token (env TOLLGATE_TOKEN); the password comes from TOLLGATE_PASSWORD or is asked for without echo. Prints the username.',
  )
  .requiredOption('--username <name>', 'login name: lower-case letters, digits, ".", "_" and "-"')
  .requiredOption('--email <address>', 'e-mail address')
  .option('--display-name <name>', 'name shown for the user (default: the username)')
  .option('--url <url>', 'the management server', 'http://127.0.0.1:9400')
  .action(async (flags) => (await import('./users.js')).createAdminCommand(flags));

const audit = program.command('audit').description('Check the audit log of the management API.');

audit
  .command('verify')
  .description(
    "Recompute the audit log's hash chain in the store and report every modified or deleted record (exit 1), or print the record count and the head <seq>:<hash> (exit 0). Reads the store directly: run it where the data directory or the database is reachable.",
  )
  .option('--data <dir>', 'data directory holding the SQLite file (env TOLLGATE_DATA_DIR)')
  .option('--database <url>', 'PostgreSQL URL, postgres://… (env TOLLGATE_DATABASE_URL)')
  .option(
    '--head <seq:hash>',
    'the head printed by an earlier run: also detects records cut from the end or a rewritten chain',
    parsed(parseAuditHead),
  )
  .action(async (flags) => (await import('./audit.js')).auditVerifyCommand(flags));

await program.parseAsync();
