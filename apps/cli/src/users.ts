import { createInterface } from 'node:readline';

/** Flags of `tollgate users create-admin`. */
export interface CreateAdminFlags {
  username: string;
  email: string;
  displayName?: string;
  url: string;
}

/**
 * `tollgate users create-admin`: creates a user in Administrators through the management API
 * with the bootstrap admin token (`TOLLGATE_TOKEN`; an administrator's own token works too).
 * The password comes from `TOLLGATE_PASSWORD`, else it is asked for on the terminal without
 * echo (twice), else read as the first line of stdin. Prints the username; exits 1 on failure.
 */
export async function createAdminCommand(flags: CreateAdminFlags): Promise<void> {
  const token = process.env.TOLLGATE_TOKEN ?? '';
  if (token === '') fail('set TOLLGATE_TOKEN to the admin token (printed at first start, saved in <data>/admin-token)');
  const password = process.env.TOLLGATE_PASSWORD || (await askPassword());
  const url = `${flags.url.replace(/\/+$/, '')}/api/v1/users`;
  const body = {
    username: flags.username,
    displayName: flags.displayName ?? flags.username,
    email: flags.email,
    password,
    groups: ['administrators'],
  };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    fail(`cannot reach ${flags.url}: ${cause}`);
  }
  const text = await response.text();
  if (response.status !== 201) fail(`cannot create the administrator: ${describeProblem(response.status, text)}`);
  process.stdout.write(`${(JSON.parse(text) as { username: string }).username}\n`);
}

/** `401 UNAUTHENTICATED: the bearer token is not valid`, with the fields of a 400. */
function describeProblem(status: number, text: string): string {
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string };
    return `${status} ${problem.code ?? ''}: ${problem.detail ?? ''}`;
  } catch {
    return `${status} ${text.slice(0, 200)}`;
  }
}

function fail(message: string): never {
  process.stderr.write(`tollgate: ${message}\n`);
  process.exit(1);
}

/** The new administrator's password: typed twice without echo on a terminal, else stdin's first line. */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    process.stderr.write('Password (first line of stdin): ');
    return readLine();
  }
  const first = await readHidden('Password for the new administrator: ');
  const second = await readHidden('Repeat the password: ');
  if (first !== second) fail('the passwords do not match');
  return first;
}

/** The first line of a piped stdin ('' when it ends first). */
function readLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl-C cancels. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          fail('cancelled');
        }
        value = char === '\u007f' || char === '\b' ? [...value].slice(0, -1).join('') : value + char;
      }
    };
    stdin.on('data', onData);
  });
}
