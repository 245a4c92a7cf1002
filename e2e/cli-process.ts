import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../apps/cli/dist/main.js', import.meta.url));

/** A `tollgate` process started by a test, with what it printed. */
export interface CliProcess {
  child: ChildProcess;
  /** Base URL read from the start banner: the management server, or the node for `tollgate gateway`. */
  url: string;
  /** Gateway node URLs by server group, from the banner. */
  gateways: Record<string, string>;
  /** Everything written to stderr so far (the banner goes there). */
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs the built CLI (`npm test` builds first) and waits for its banner. Port 0 lets the
 * operating system choose a free port, read back from the banner.
 */
export async function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliProcess> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, TOLLGATE_ADMIN_TOKEN: '', TOLLGATE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout?.resume();
  // The banner is written in one piece once everything listens; its URL line ends it for `gateway`.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Tollgate (?:gateway \S+ )?(http:\/\/\S+)\n/.exec(stderr);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`tollgate exited with ${code}: ${stderr}`));
    });
  });
  const gateways = Object.fromEntries([...stderr.matchAll(/ {2}gateway (\S+) +(http:\/\/\S+)/g)].map((m) => [m[1], m[2]]));
  return {
    child,
    url,
    gateways,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Runs `tollgate <args>` to completion, `input` written to its stdin (TOLLGATE_TOKEN and TOLLGATE_PASSWORD unset unless `env` sets them). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, TOLLGATE_TOKEN: '', TOLLGATE_PASSWORD: '', ...env }, timeout: 15_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}
