/** Tables and verdicts of the key-scale bench, as printed and quoted in docs/benchmarks.md. */
import { fmt } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

/** The targets for 100,000 keys; 200 MB read strictly as 200·10⁶ bytes (190.7 MiB). */
export const TARGETS = { maxBuildMs: 2_000, maxRssMB: 200, maxRssMiB: 200e6 / 2 ** 20 };

/** @param {Awaited<ReturnType<typeof import('./main.mjs').runKeysBench>>} result */
export function keysReport(result) {
  const g = result.generated;
  const s = result.sqlite;
  const rows = [
    [
      `buildSnapshot, generated config, cold (median of ${result.repeats}, min–max)`,
      `${fmt(g.buildMs)} ms (${fmt(g.buildMsRange[0])}–${fmt(g.buildMsRange[1])})`,
    ],
    ['buildSnapshot again while the first snapshot lives (rebuild on change)', `${fmt(g.rebuildMs)} ms`],
    ['RSS of a process that imported the gateway, no keys', `${fmt(g.baselineRssMiB, 1)} MiB`],
    ['RSS after the build, configuration dropped, after GC', `${fmt(g.rssAfterBuildMiB, 1)} MiB`],
    ['V8 heap used then', `${fmt(g.heapUsedMiB, 1)} MiB`],
    ['peak RSS of that process (two snapshots + a config during the rebuild)', `${fmt(g.peakRssMiB, 1)} MiB`],
  ];
  if (s !== undefined) {
    rows.push(
      [`SQLite: keys in the store`, fmt(s.stored)],
      [
        `SQLite: gatewayConfig.load (median of ${result.repeats}, min–max)`,
        `${fmt(s.loadMs)} ms (${fmt(s.loadMsRange[0])}–${fmt(s.loadMsRange[1])})`,
      ],
      ['SQLite: buildSnapshot of the loaded config', `${fmt(s.buildMs)} ms`],
      ['SQLite: RSS after load + build, config dropped, after GC', `${fmt(s.rssAfterMiB, 1)} MiB`],
      ['SQLite: V8 heap used then', `${fmt(s.heapUsedMiB, 1)} MiB`],
      ['SQLite: peak RSS of that process', `${fmt(s.peakRssMiB, 1)} MiB`],
      ['`tollgate gateway` node: start to listening', `${fmt(s.node.startMs)} ms`],
      ['`tollgate gateway` node: call with a seeded key', `HTTP ${s.node.sampleStatus}`],
      ['`tollgate gateway` node: RSS 3 s after start / peak', `${fmt(s.node.rssMiB, 1)} / ${fmt(s.node.peakRssMiB, 1)} MiB`],
      [
        'the same node on the same store with 1 key: start / RSS / peak',
        `${fmt(s.nodeOneKey.startMs)} ms / ${fmt(s.nodeOneKey.rssMiB, 1)} / ${fmt(s.nodeOneKey.peakRssMiB, 1)} MiB`,
      ],
    );
  }
  const table = markdownTable([`${fmt(result.keys)} active keys`, 'value'], rows);

  // The node's memory target is judged on the real node when it ran, else on the bench process.
  const nodeRss = s?.node.rssMiB ?? g.rssAfterBuildMiB;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const targets = markdownTable(
    ['target', 'measured', 'verdict'],
    [
      [`snapshot build ≤ ${TARGETS.maxBuildMs / 1000} s`, `${fmt(g.buildMs)} ms`, verdict(g.buildMs <= TARGETS.maxBuildMs)],
      [
        `node RSS ≤ ${TARGETS.maxRssMB} MB (${fmt(TARGETS.maxRssMiB, 1)} MiB)`,
        s === undefined
          ? `${fmt(nodeRss, 1)} MiB (bench process)`
          : `${fmt(nodeRss, 1)} MiB (\`tollgate gateway\`, steady; peak ${fmt(s.node.peakRssMiB, 1)})`,
        verdict(nodeRss <= TARGETS.maxRssMiB),
      ],
    ],
  );
  return { table, targets };
}
