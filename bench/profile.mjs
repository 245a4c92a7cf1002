/**
 * `npm run bench:profile`: a CPU profile of the Tollgate process under the bench's load
 * (DESIGN.md §3: profile before and after each optimisation). Starts the upstream and
 * `tollgate start` under `node --cpu-prof`, loads it with wrk at saturation, stops it (the
 * profile is written at exit) and prints the functions with the most self time. The
 * .cpuprofile file is kept for Chrome DevTools / speedscope.
 *
 * Options: --seconds N (default 15), --out DIR (default bench/profiles), --target tollgate|baseline.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTEXT_PATH, startTollgate } from './http/tollgate.mjs';
import { runWrk } from './http/wrk.mjs';
import { startProcess, stopAll, stopProcess } from './lib/processes.mjs';
import { markdownTable } from './lib/table.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    out: { type: 'string', default: here('./profiles') },
    target: { type: 'string', default: 'tollgate' },
  },
});

/**
 * Self time per function (file:line), from the profile's samples, most expensive first.
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number } }>,
 *   samples: number[], timeDeltas: number[] }} profile
 */
export function topFunctions(profile, count = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const frame = byId.get(id)?.callFrame;
    const url = (frame?.url ?? '').replace(/^file:\/\/.*?\/(node_modules|packages|apps)\//, '$1/');
    const key = `${frame?.functionName || '(anonymous)'} ${url}${url ? `:${(frame?.lineNumber ?? 0) + 1}` : ''}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
  });
  const rows = [...selfUs.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { total, rows: rows.map(([name, us]) => ({ name, ms: us / 1000, share: us / total })) };
}

/** Where a frame's code lives, for the per-layer totals. */
function layer(url, name) {
  if (name === '(idle)' || name === '(garbage collector)' || name === '(program)') return name;
  if (url === '') return '(native: syscalls, C++ bindings)';
  if (url.startsWith('node:')) return 'node core (http, streams, events, crypto)';
  if (url.includes('/node_modules/undici/')) return 'undici';
  if (url.includes('/packages/gateway/')) return 'gateway (packages/gateway)';
  if (url.includes('/node_modules/')) return `other package: ${url.split('/node_modules/')[1]?.split('/')[0]}`;
  return 'other (app, bench)';
}

/**
 * Self time per layer, and inclusive (self + callees) time of the functions named in `focus`.
 * @param {{ nodes: Array<{ id: number, children?: number[], callFrame: { functionName: string, url: string } }>,
 *   samples: number[], timeDeltas: number[] }} profile
 * @param {string[]} focus function names
 */
export function layers(profile, focus) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const perLayer = new Map();
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    const key = layer(frame?.url ?? '', frame?.functionName ?? '');
    perLayer.set(key, (perLayer.get(key) ?? 0) + us);
  }
  // Inclusive time: a node's self time plus its subtree's; counted once per focus name per path.
  const inclusive = new Map(focus.map((name) => [name, 0]));
  const walk = (id, open) => {
    const node = byId.get(id);
    if (node === undefined) return 0;
    const name = node.callFrame.functionName;
    const entering = inclusive.has(name) && !open.has(name);
    const nextOpen = entering ? new Set([...open, name]) : open;
    let total = self.get(id) ?? 0;
    for (const child of node.children ?? []) total += walk(child, nextOpen);
    if (entering) inclusive.set(name, (inclusive.get(name) ?? 0) + total);
    return total;
  };
  const root = profile.nodes[0];
  if (root !== undefined) walk(root.id, new Set());
  return { perLayer, inclusive };
}

/** The gateway's request path, by function name, for the inclusive-time table. */
const FOCUS = [
  'handle',
  'normalizePath',
  'matchProject',
  'matchResource',
  'upstreamRequestHeaders',
  'randomUUID',
  'runRequestFlows',
  'onRequest',
  'sha256Hex',
  'forward',
  'downstreamResponseHeaders',
  'answerFailure',
];

async function main() {
  const outDir = resolve(args.out);
  mkdirSync(outDir, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-profile-'));
  const before = new Set(readdirSync(outDir));
  try {
    const upstream = await startProcess('upstream', process.execPath, [here('./http/upstream.mjs'), '0'], { readyLine: /READY (\d+)/ });
    const upstreamUrl = `http://127.0.0.1:${upstream.match[1]}`;
    const nodeArgs = ['--cpu-prof', '--cpu-prof-dir', outDir];
    let target;
    if (args.target === 'baseline') {
      const proxy = await startProcess('undici proxy', process.execPath, [...nodeArgs, here('./http/undici-proxy.mjs'), upstreamUrl, '0'], {
        readyLine: /READY (\d+)/,
      });
      target = { child: proxy.child, url: `http://127.0.0.1:${proxy.match[1]}/hello`, headers: {} };
    } else {
      const tollgate = await startTollgate({ dataDir: join(dir, 'data'), upstreamUrl, nodeArgs });
      target = { child: tollgate.child, url: `${tollgate.url}${CONTEXT_PATH}/hello`, headers: { 'x-api-key': tollgate.apiKey } };
    }
    const load = { url: target.url, headers: target.headers, connections: 50, threads: 1 };
    const result = await runWrk({ ...load, seconds: Number(args.seconds) });
    process.stdout.write(
      `${args.target} under wrk -t1 -c50 for ${args.seconds} s: ${Math.round(result.rps)} req/s, errors ${result.errors}\n`,
    );
    await stopProcess(target.child);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
  const written = readdirSync(outDir).filter((file) => file.endsWith('.cpuprofile') && !before.has(file));
  if (written.length === 0) throw new Error('no .cpuprofile was written');
  const file = join(outDir, written.sort().at(-1) ?? '');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const { total, rows } = topFunctions(profile);
  const { perLayer, inclusive } = layers(profile, FOCUS);
  process.stdout.write(`profile: ${file} (${(total / 1e6).toFixed(1)} s sampled, whole process life)\n\n`);
  const share = (us) => ((us / total) * 100).toFixed(1);
  process.stdout.write(
    `${markdownTable(
      ['layer (self time)', 'ms', '%'],
      [...perLayer.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => [name, (us / 1000).toFixed(0), share(us)]),
    )}\n\n`,
  );
  process.stdout.write(
    `${markdownTable(
      ['function (inclusive: itself and its callees)', 'ms', '%'],
      [...inclusive.entries()].filter(([, us]) => us > 0).map(([name, us]) => [name, (us / 1000).toFixed(0), share(us)]),
    )}\n\n`,
  );
  process.stdout.write(
    `${markdownTable(
      ['function (self time)', 'ms', '%'],
      rows.map((row) => [row.name, row.ms.toFixed(0), (row.share * 100).toFixed(1)]),
    )}\n`,
  );
}

try {
  await main();
} catch (error) {
  process.stderr.write(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
