import { createLogger, resolveConfig, type ServerFlags, startServer } from '@tollgate/server';
import { closeOnSignals, failStart } from './shutdown.js';

/**
 * `tollgate start`: the management server and the embedded gateway nodes, until SIGTERM or
 * SIGINT; then it drains and exits 0. A failure to start prints one line and exits 1.
 */
export async function startCommand(flags: ServerFlags): Promise<void> {
  const config = resolveConfig(flags);
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger).catch(failStart);
  const lines = [
    '',
    `Tollgate ${server.url}`,
    `  management API  ${server.url}/api/v1`,
    `  API reference   ${server.url}/api/docs`,
    ...server.gateways.map((gateway) => `  gateway ${gateway.serverGroupId.padEnd(12)} ${gateway.url}`),
    `  data            ${config.databaseUrl === undefined ? config.dataDir : 'PostgreSQL'}`,
    `  limit counters  ${config.redisUrl === undefined ? 'in memory' : 'Redis'}`,
    `  analytics       ${config.analytics}`,
  ];
  if (server.adminToken.generated) {
    lines.push(
      '',
      'An admin token was generated. It is shown this once; it is also saved (mode 0600) in',
      `  ${server.adminToken.file}`,
      `  export TOLLGATE_TOKEN=${server.adminToken.token}`,
      'Create the first administrator (a user who logs in at POST /api/v1/auth/login) with it:',
      `  tollgate users create-admin --url ${server.url} --username <name> --email <address>`,
    );
  }
  process.stderr.write(`${lines.join('\n')}\n\n`);
  closeOnSignals(() => server.close(), logger);
}
