import { describe, expect, it } from 'vitest';
import { decodeSketch, encodeSketch, type LatencySketch, mergeSketch, newSketch, quantileOf } from './sketch.js';

/** mulberry32: a tiny seeded PRNG, so every run draws the same values. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal latencies (median ~40 ms, a long tail), via Box–Muller. */
function logNormalValues(n: number, seed: number): number[] {
  const random = mulberry32(seed);
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = 1 - random(); // (0, 1]: log(u) is finite
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    values.push(Math.exp(Math.log(40) + 0.9 * z));
  }
  return values;
}

function sketchOf(values: readonly number[]): LatencySketch {
  const sketch = newSketch();
  for (const value of values) sketch.accept(value);
  return sketch;
}

/** The exact value at rank floor(q·(n−1)) of the sorted values. */
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

const QUANTILES = [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];
const N = 20_000;
const values = logNormalValues(N, 20261204);
const sorted = [...values].sort((a, b) => a - b);

describe('latency sketch', () => {
  it('draws a spread of values (the PRNG is not degenerate)', () => {
    expect(new Set(values).size).toBe(N);
    expect(sorted[0]).toBeLessThan(5);
    expect(sorted[N - 1]).toBeGreaterThan(500);
  });

  it.each([0.5, 0.95, 0.99])('reads p%s within 1 % of the exact value at that rank', (q) => {
    const sketch = sketchOf(values);
    const exact = exactQuantile(sorted, q);
    const estimate = quantileOf(sketch, q);
    expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(0.01 + 1e-12);
  });

  it('counts every value', () => {
    expect(sketchOf(values).count).toBe(N);
  });

  it('merges two sketches of halves into the sketch of all', () => {
    const whole = sketchOf(values);
    const merged = sketchOf(values.slice(0, N / 2));
    mergeSketch(merged, sketchOf(values.slice(N / 2)));
    expect(merged.count).toBe(N);
    for (const q of QUANTILES) expect(quantileOf(merged, q)).toBe(quantileOf(whole, q));
  });

  it('merges halves split by value (disjoint ranges, either order) into the sketch of all', () => {
    const whole = sketchOf(values);
    const low = sorted.slice(0, N / 2);
    const high = sorted.slice(N / 2);
    const lowFirst = sketchOf(low);
    mergeSketch(lowFirst, sketchOf(high));
    const highFirst = sketchOf(high);
    mergeSketch(highFirst, sketchOf(low));
    for (const q of QUANTILES) {
      expect(quantileOf(lowFirst, q)).toBe(quantileOf(whole, q));
      expect(quantileOf(highFirst, q)).toBe(quantileOf(whole, q));
    }
  });

  it('merges a sketch holding a 1 ms value into one whose range lies below it', () => {
    // DDSketch.merge of sketches-js 2.1.1 loses the bin of key 0 (values in (0.98, 1]) here.
    const into = sketchOf([0.001]);
    mergeSketch(into, sketchOf([0.001, 1]));
    const whole = sketchOf([0.001, 0.001, 1]);
    expect(into.count).toBe(3);
    for (const q of QUANTILES) expect(quantileOf(into, q)).toBe(quantileOf(whole, q));
    expect(quantileOf(into, 1)).toBeCloseTo(1, 1);
    const decoded = decodeSketch(encodeSketch(into));
    expect(decoded.count).toBe(3);
    expect(quantileOf(decoded, 1)).toBeCloseTo(1, 1);
  });

  it('merging an empty sketch changes nothing, and merging into an empty one copies', () => {
    const sketch = sketchOf(values);
    const before = QUANTILES.map((q) => quantileOf(sketch, q));
    mergeSketch(sketch, newSketch());
    expect(sketch.count).toBe(N);
    expect(QUANTILES.map((q) => quantileOf(sketch, q))).toEqual(before);
    const empty = newSketch();
    mergeSketch(empty, sketch);
    expect(empty.count).toBe(N);
    expect(QUANTILES.map((q) => quantileOf(empty, q))).toEqual(before);
  });

  it('keeps its count and quantiles through encode and decode', () => {
    const sketch = sketchOf(values);
    const bytes = encodeSketch(sketch);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBeGreaterThan(0);
    const decoded = decodeSketch(bytes);
    expect(decoded.count).toBe(N);
    for (const q of QUANTILES) {
      const expected = quantileOf(sketch, q);
      expect(Math.abs(quantileOf(decoded, q) - expected) / expected).toBeLessThan(1e-9);
    }
  });

  it('a decoded sketch merges with a new one (same accuracy) into the sketch of all', () => {
    const whole = sketchOf(values);
    const merged = newSketch();
    mergeSketch(merged, decodeSketch(encodeSketch(sketchOf(values.slice(0, N / 2)))));
    mergeSketch(merged, decodeSketch(encodeSketch(sketchOf(values.slice(N / 2)))));
    expect(merged.count).toBe(N);
    for (const q of QUANTILES) expect(quantileOf(merged, q)).toBe(quantileOf(whole, q));
  });

  it('reads 0 at every quantile of an empty sketch', () => {
    for (const q of QUANTILES) expect(quantileOf(newSketch(), q)).toBe(0);
  });

  it('decodes an absent or empty encoding, or that of an empty sketch, as an empty sketch', () => {
    for (const bytes of [null, new Uint8Array(0), encodeSketch(newSketch())]) {
      const sketch = decodeSketch(bytes);
      expect(sketch.count).toBe(0);
      expect(quantileOf(sketch, 0.5)).toBe(0);
      sketch.accept(12);
      expect(sketch.count).toBe(1);
      expect(quantileOf(sketch, 0.5)).toBeCloseTo(12, 0);
    }
  });
});
