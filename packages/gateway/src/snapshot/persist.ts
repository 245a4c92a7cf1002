import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GatewayConfig } from '@tollgate/domain';

/**
 * Saves the configuration a snapshot was built from, so a node can start while the store is
 * unreachable. Written to a temporary file and renamed: a crash never leaves half a file.
 * Mode 0600: it holds key digests.
 */
export async function saveSnapshotConfig(file: string, config: GatewayConfig): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(config), { mode: 0o600 });
  await rename(temporary, file);
}

/** Reads a saved configuration; undefined when there is none. */
export async function loadSnapshotConfig(file: string): Promise<GatewayConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const config = JSON.parse(text) as GatewayConfig;
  if (typeof config.version !== 'number' || !Array.isArray(config.projects) || !Array.isArray(config.keys)) {
    throw new Error(`${file} is not a saved gateway configuration`);
  }
  return config;
}
