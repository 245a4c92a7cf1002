import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGatewayConfig, makeGatewayKey } from '../testing/index.js';
import { loadSnapshotConfig, saveSnapshotConfig } from './persist.js';

describe('saved snapshot configuration', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tollgate-persist-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes what it reads back, across key chunks, with mode 0600', async () => {
    const keys = Array.from({ length: 2_500 }, (_, i) => makeGatewayKey(`tg_k_${i}`, { expiresAt: i % 2 === 0 ? null : i }));
    const config = makeGatewayConfig({ version: 42, keys });
    const file = join(directory, 'nested', 'group.json');
    await saveSnapshotConfig(file, config);
    expect(await loadSnapshotConfig(file)).toEqual(config);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(config);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('writes chunks larger than its write buffer, and multi-byte characters, intact', async () => {
    const long = `é${'x'.repeat(4_000)}→`;
    const keys = Array.from({ length: 450 }, (_, i) => makeGatewayKey(`tg_k_${i}`, { organizationId: `${long}${i}` }));
    const config = makeGatewayConfig({ version: 7, keys });
    const file = join(directory, 'long.json');
    await saveSnapshotConfig(file, config);
    expect(await loadSnapshotConfig(file)).toEqual(config);
  });

  it('writes an empty key list as valid JSON', async () => {
    const file = join(directory, 'empty.json');
    await saveSnapshotConfig(file, makeGatewayConfig());
    expect(await loadSnapshotConfig(file)).toEqual(makeGatewayConfig());
  });

  it('reads nothing when no file was saved, and refuses a file that is not a saved configuration', async () => {
    expect(await loadSnapshotConfig(join(directory, 'none.json'))).toBeUndefined();
    const other = join(directory, 'other.json');
    await saveSnapshotConfig(other, makeGatewayConfig());
    await writeFile(other, '{"hello":1}');
    await expect(loadSnapshotConfig(other)).rejects.toThrow(/not a saved gateway configuration/);
  });
});
