import { DDSketch } from '@datadog/sketches-js';

/**
 * Latency percentiles come from DDSketch (relative accuracy 1 %): a quantile read from a sketch
 * is within 1 % of the true value at that rank, and sketches merge exactly, so per-minute
 * sketches of several nodes add up to the sketch of all their calls. Averaging percentiles
 * would not.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

export type LatencySketch = DDSketch;

/** An empty latency sketch. */
export function newSketch(): LatencySketch {
  return new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
}

/** The first byte of every stored sketch: the layout below. */
const SKETCH_FORMAT = 1;

/**
 * The sketch's stored form: its non-empty bins only, as a format byte, the bin count, then per
 * bin the key's difference from the previous key (zigzag varint) and the call count (varint).
 * A sketch of one call is 5 bytes, of a typical minute of one API about 100. Not DDSketch's
 * protobuf encoding: that one writes every bin of the dense store's allocated range, empty or
 * not (measured: about 2 KB per sketch, 11 GB of rollups for a million calls).
 *
 * Latencies are clamped above zero before they are recorded, so the zero count and the store
 * of negative values are always empty and are not stored.
 */
export function encodeSketch(sketch: LatencySketch): Uint8Array {
  const { bins, offset } = sketch.store;
  const bytes: number[] = [SKETCH_FORMAT];
  let binCount = 0;
  for (const count of bins) if (count > 0) binCount++;
  writeVarint(bytes, binCount);
  let previous = 0;
  for (let index = 0; index < bins.length; index++) {
    const count = bins[index] ?? 0;
    if (count <= 0) continue;
    const key = offset + index;
    const delta = key - previous;
    writeVarint(bytes, delta >= 0 ? delta * 2 : -delta * 2 - 1);
    writeVarint(bytes, Math.round(count));
    previous = key;
  }
  return Uint8Array.from(bytes);
}

/** Reads a stored sketch; an empty or absent encoding is an empty sketch. */
export function decodeSketch(encoded: Uint8Array | null): LatencySketch {
  const sketch = newSketch();
  addEncodedSketch(sketch, encoded);
  return sketch;
}

/**
 * Adds a stored sketch's bins straight into `into`: what a query does for every row it reads,
 * without a sketch object per row. An empty or absent encoding adds nothing.
 */
export function addEncodedSketch(into: LatencySketch, encoded: Uint8Array | null): void {
  if (encoded === null || encoded.length === 0) return;
  if (encoded[0] !== SKETCH_FORMAT) throw new Error(`unknown latency sketch format ${encoded[0]}`);
  const reader = { bytes: encoded, at: 1 };
  const binCount = readVarint(reader);
  let key = 0;
  for (let bin = 0; bin < binCount; bin++) {
    const zigzag = readVarint(reader);
    key += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    const count = readVarint(reader);
    into.store.add(key, count);
    into.count += count;
  }
}

/** Appends an unsigned integer (< 2^53) 7 bits per byte, low bits first. */
function writeVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

function readVarint(reader: { bytes: Uint8Array; at: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = reader.bytes[reader.at++];
    if (byte === undefined) throw new Error('truncated latency sketch');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}

type SketchStore = LatencySketch['store'];

/**
 * Adds `from` into `into`, bin by bin. Not `DDSketch.merge`: in sketches-js 2.1.1 it widens the
 * target's bins with `_extendRange(from.minKey, from.maxKey)`, which takes a highest key of 0 (a
 * value in (0.98, 1] ms, such as a latency of exactly 1 ms) for an absent one, so the bins above
 * the target's range are written past its end: lost from the quantiles, and the encoding's count
 * decodes as NaN. It also ignores the negative store. `DenseStore.add` widens the range correctly.
 */
export function mergeSketch(into: LatencySketch, from: LatencySketch): void {
  if (!into.mergeable(from)) throw new Error('Cannot merge latency sketches of different relative accuracies');
  if (from.count === 0) return;
  addBins(into.store, from.store);
  addBins(into.negativeStore, from.negativeStore);
  into.zeroCount += from.zeroCount;
  into.count += from.count;
  into.sum += from.sum;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
}

function addBins(into: SketchStore, from: SketchStore): void {
  for (let index = 0; index < from.bins.length; index++) {
    const count = from.bins[index] ?? 0;
    if (count > 0) into.add(from.offset + index, count);
  }
}

/** The value at quantile `q` (0–1), 0 for an empty sketch. */
export function quantileOf(sketch: LatencySketch, q: number): number {
  return sketch.count === 0 ? 0 : sketch.getValueAtQuantile(q);
}
