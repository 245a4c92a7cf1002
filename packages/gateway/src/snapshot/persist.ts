import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GatewayConfig } from '@tollgate/domain';

/**
 * Keys written per chunk: big enough to be quick, small enough that no whole-file string exists
 * and that a chunk's JSON (about 50 KB) stays below V8's large-object size: larger strings each
 * get pages of their own, which pile up until the next scavenge.
 */
const KEYS_PER_CHUNK = 200;

/**
 * Saves the configuration a snapshot was built from, so a node can start while the store is
 * unreachable. Written to a temporary file and renamed: a crash never leaves half a file.
 * Mode 0600: it holds key digests.
 */
export async function saveSnapshotConfig(file: string, config: GatewayConfig): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  const out = await open(temporary, 'w', 0o600);
  try {
    // Every chunk is encoded into this one buffer. A buffer per write (what a write stream makes
    // of a string) stays allocated outside the V8 heap until a GC finds it, and the allocator
    // keeps that peak: megabytes at 100,000 keys.
    let buffer = Buffer.allocUnsafe(64 * 1024);
    const write = async (text: string) => {
      const length = Buffer.byteLength(text);
      if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
      buffer.write(text);
      for (let offset = 0; offset < length; ) offset += (await out.write(buffer, offset, length - offset)).bytesWritten;
    };
    // Written in chunks: one JSON string of 100,000 keys would cost tens of MiB of peak memory.
    const { keys, ...rest } = config;
    await write(`${JSON.stringify(rest).slice(0, -1)},"keys":[`);
    for (let i = 0; i < keys.length; i += KEYS_PER_CHUNK) {
      await write((i === 0 ? '' : ',') + JSON.stringify(keys.slice(i, i + KEYS_PER_CHUNK)).slice(1, -1));
    }
    await write(']}');
  } finally {
    await out.close();
  }
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
  if (
    typeof config.version !== 'number' ||
    !Array.isArray(config.projects) ||
    !Array.isArray(config.keys) ||
    typeof config.accessTokenSecret !== 'string'
  ) {
    throw new Error(`${file} is not a saved gateway configuration`);
  }
  return config;
}
