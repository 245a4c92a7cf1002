/**
 * Row (d): nginx as the reference reverse proxy — one worker, keep-alive connections to the
 * upstream, no access log — the setup DESIGN.md §3's ratios are quoted against. Installed
 * through apt when missing; when that fails the row is skipped with the reason.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childPids } from '../lib/proc-stats.mjs';
import { runToEnd, startProcess } from '../lib/processes.mjs';

export const NGINX = '/usr/sbin/nginx';

/**
 * Makes sure nginx is installed. Returns `undefined` when it is, or the reason it is not.
 * @returns {Promise<string | undefined>}
 */
export async function ensureNginx() {
  if (existsSync(NGINX)) return undefined;
  process.stderr.write('bench: nginx missing, installing it with apt-get\n');
  try {
    await runToEnd('apt-get', ['update', '-qq'], { timeoutMs: 300_000 });
    await runToEnd('apt-get', ['install', '-y', '-qq', 'nginx'], { env: { DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 600_000 });
  } catch (error) {
    return `nginx is not installed and apt-get install nginx failed: ${String(error).split('\n').slice(0, 3).join(' ')}`;
  }
  return existsSync(NGINX) ? undefined : 'apt-get install nginx succeeded but /usr/sbin/nginx is missing';
}

/** nginx's version line (`nginx version: nginx/1.22.1`). */
export async function nginxVersion() {
  const { stderr } = await runToEnd(NGINX, ['-v']);
  return stderr.trim().replace(/^nginx version: /, '');
}

/**
 * Starts nginx in the foreground with its own prefix directory (config, pid, temp paths,
 * error log) and waits for its port. `pid` is the worker: the process that serves, whose
 * memory and CPU the row reports.
 *
 * @param {{ dir: string, port: number, upstreamPort: number }} options
 */
export async function startNginx({ dir, port, upstreamPort }) {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const config = join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `# Written by bench/http/nginx.mjs for one run.
daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'client_body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  keepalive_requests 100000;
  upstream backend {
    server 127.0.0.1:${upstreamPort};
    keepalive 64;
    keepalive_requests 100000;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  const started = await startProcess('nginx', NGINX, ['-p', dir, '-e', join(dir, 'logs', 'error.log'), '-c', config], {
    readyPort: port,
  });
  const worker = childPids(started.pid)[0];
  if (worker === undefined) throw new Error('nginx started without a worker process');
  return { ...started, masterPid: started.pid, pid: worker, url: `http://127.0.0.1:${port}` };
}
