/**
 * Every process a benchmark starts goes through here, so that all of them are stopped at the
 * end — on success, on a thrown error, on Ctrl-C, and (as a last resort, with SIGKILL) when the
 * bench process exits any other way. Children are started in their own process group so a
 * server that forks (nginx's master and worker) is stopped whole by its group id.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/** Sends `signal` to the child's process group (the group id is the child's pid). */
function signalGroup(child, signal) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping ${running.size} process(es)\n`);
    stopAll().finally(() => process.exit(130));
  });
}

/**
 * Starts a process and waits until it is ready: until `readyLine` matches its stdout or stderr
 * (the match is returned), or until `readyPort` accepts TCP connections.
 *
 * @param {string} name label used in errors
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, readyLine?: RegExp, readyPort?: number, timeoutMs?: number, cwd?: string }} options
 */
export async function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const collect = (chunk) => {
    // Keep the tail only: enough for an error message, bounded for chatty servers.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let match;
  try {
    match = await new Promise((resolve, reject) => {
      const onExit = (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${output}`));
      child.once('exit', onExit);
      child.once('error', reject);
      const poll = async () => {
        if (child.exitCode !== null) return;
        if (options.readyLine !== undefined) {
          const found = options.readyLine.exec(output);
          if (found !== null) return finish(found);
        } else if (options.readyPort !== undefined && (await accepts(options.readyPort))) {
          return finish(null);
        }
        if (Date.now() > deadline) return fail(new Error(`${name} not ready after ${timeoutMs} ms:\n${output}`));
        setTimeout(poll, 25);
      };
      const finish = (value) => {
        child.off('exit', onExit);
        resolve(value);
      };
      const fail = (error) => {
        child.off('exit', onExit);
        reject(error);
      };
      poll();
    });
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { child, pid: /** @type {number} */ (child.pid), match, output: () => output };
}

/** Whether something listens on 127.0.0.1:port. */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopProcess(child, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Whatever else is left in the group (a forked worker) goes too.
  signalGroup(child, 'SIGKILL');
}

/** Stops every process still running. */
export async function stopAll() {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/**
 * Runs a command to completion and returns its output; rejects on a non-zero exit.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 */
export async function runToEnd(command, args, options = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), options.timeoutMs ?? 120_000);
  // 'close', not 'exit': the output streams are complete only then.
  const [code, signal] = await once(child, 'close');
  clearTimeout(timer);
  running.delete(child);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code ?? signal}):\n${stderr}${stdout}`);
  return { stdout, stderr };
}
