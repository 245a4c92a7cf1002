import { createLogger, resolveConfig, type ServerFlags, startServer } from '@tollgate/server';

/**
 * `tollgate start`: runs until SIGTERM or SIGINT, then drains (in-flight requests finish,
 * the store closes) and exits 0. A failure to start prints one line and exits 1.
 */
export async function startCommand(flags: ServerFlags): Promise<void> {
  const config = resolveConfig(flags);
  const logger = createLogger(config.logLevel);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    process.stderr.write(`tollgate: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const lines = [
    '',
    `Tollgate ${server.url}`,
    `  management API  ${server.url}/api/v1`,
    `  API reference   ${server.url}/api/docs`,
    `  data            ${config.databaseUrl === undefined ? config.dataDir : 'PostgreSQL'}`,
  ];
  if (server.adminToken.generated) {
    lines.push(
      '',
      'An admin token was generated. It is shown this once; it is also saved (mode 0600) in',
      `  ${server.adminToken.file}`,
      `  export TOLLGATE_TOKEN=${server.adminToken.token}`,
    );
  }
  process.stderr.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
