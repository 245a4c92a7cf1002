#!/usr/bin/env node
import { VERSION } from '@tollgate/server';
import { Command, InvalidArgumentError } from 'commander';
import { startCommand } from './start.js';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return parsed;
}

const program = new Command()
  .name('tollgate')
  .description('Tollgate API management: the management server, gateway nodes and tools.')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description(
    'Start the platform on its embedded default: the management API and docs on one port (SQLite unless --database names PostgreSQL).',
  )
  .option('--data <dir>', 'data directory for the SQLite file and the generated admin token (env TOLLGATE_DATA_DIR)', undefined)
  .option('--host <host>', 'interface to listen on (env TOLLGATE_HOST; default 127.0.0.1)')
  .option('--port <port>', 'management port (env TOLLGATE_PORT; default 9400)', port)
  .option('--database <url>', 'PostgreSQL URL, postgres://… (env TOLLGATE_DATABASE_URL; default: SQLite in the data directory)')
  .action(startCommand);

await program.parseAsync();
