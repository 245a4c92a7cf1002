import { describe, expect, it } from 'vitest';
import { type BandCharge, bandsProblem, type MeteringType, priceCalls, type RateBand } from './bands.js';

/** Calls 1–10 at 5, 11–100 at 2, 101 and beyond at 1. */
const LADDER: RateBand[] = [
  { from: 1, to: 10, price: 5 },
  { from: 11, to: 100, price: 2 },
  { from: 101, price: 1 },
];

const line = (from: number, to: number | null, calls: number, price: number, amount: number): BandCharge => ({
  from,
  to,
  calls,
  price,
  amount,
});

describe('priceCalls UNIT (graduated)', () => {
  const price = (calls: number) => priceCalls('UNIT', LADDER, calls);

  it.each([
    [0, 0], // no calls cost nothing
    [1, 5], // 1 × 5 = 5
    [9, 45], // 9 × 5 = 45
    [10, 50], // 10 × 5 = 50 (last call of band 1)
    [11, 52], // 10 × 5 + 1 × 2 = 52 (first call of band 2)
    [14, 58], // 10 × 5 + 4 × 2 = 58
    [100, 230], // 10 × 5 + 90 × 2 = 50 + 180 = 230 (last call of band 2)
    [101, 231], // 10 × 5 + 90 × 2 + 1 × 1 = 231 (first call of band 3)
    [250, 380], // 10 × 5 + 90 × 2 + 150 × 1 = 50 + 180 + 150 = 380
  ])('%i calls cost %i', (calls, amount) => {
    expect(price(calls).amount).toBe(amount);
  });

  it('has no lines for no calls', () => {
    expect(price(0)).toEqual({ amount: 0, bands: [] });
  });

  it('has no lines for a negative count', () => {
    expect(price(-3)).toEqual({ amount: 0, bands: [] });
  });

  it('lists only the bands the calls reach', () => {
    // 1 × 5 = 5
    expect(price(1).bands).toEqual([line(1, 10, 1, 5, 5)]);
    // 10 × 5 = 50; band 2 gets no call, so no line
    expect(price(10).bands).toEqual([line(1, 10, 10, 5, 50)]);
    // 10 × 5 = 50, 1 × 2 = 2
    expect(price(11).bands).toEqual([line(1, 10, 10, 5, 50), line(11, 100, 1, 2, 2)]);
    // 10 × 5 = 50, 4 × 2 = 8
    expect(price(14).bands).toEqual([line(1, 10, 10, 5, 50), line(11, 100, 4, 2, 8)]);
    // 10 × 5 = 50, 90 × 2 = 180; band 3 gets no call
    expect(price(100).bands).toEqual([line(1, 10, 10, 5, 50), line(11, 100, 90, 2, 180)]);
  });

  it('lists every band, the open one with to null, at 250 calls', () => {
    expect(price(250)).toEqual({
      amount: 380, // 50 + 180 + 150 = 380
      bands: [
        line(1, 10, 10, 5, 50), // 10 calls (1–10) × 5 = 50
        line(11, 100, 90, 2, 180), // 90 calls (11–100) × 2 = 180
        line(101, null, 150, 1, 150), // 150 calls (101–250) × 1 = 150
      ],
    });
  });
});

describe('priceCalls VOLUME', () => {
  const price = (calls: number) => priceCalls('VOLUME', LADDER, calls);

  it.each([
    [0, 0], // no calls cost nothing
    [1, 5], // 1 × 5 = 5
    [9, 45], // 9 × 5 = 45
    [10, 50], // 10 × 5 = 50 (still band 1)
    [11, 22], // 11 × 2 = 22 (total reaches band 2: cheaper than 10 calls)
    [14, 28], // 14 × 2 = 28
    [100, 200], // 100 × 2 = 200 (still band 2)
    [101, 101], // 101 × 1 = 101 (total reaches band 3)
    [250, 250], // 250 × 1 = 250
  ])('%i calls cost %i', (calls, amount) => {
    expect(price(calls).amount).toBe(amount);
  });

  it('has one line, for the band the total reaches, holding all the calls', () => {
    expect(price(0)).toEqual({ amount: 0, bands: [] });
    expect(price(10)).toEqual({ amount: 50, bands: [line(1, 10, 10, 5, 50)] }); // 10 × 5 = 50
    expect(price(11)).toEqual({ amount: 22, bands: [line(11, 100, 11, 2, 22)] }); // 11 × 2 = 22
    expect(price(100)).toEqual({ amount: 200, bands: [line(11, 100, 100, 2, 200)] }); // 100 × 2 = 200
    expect(price(101)).toEqual({ amount: 101, bands: [line(101, null, 101, 1, 101)] }); // 101 × 1 = 101
    expect(price(250)).toEqual({ amount: 250, bands: [line(101, null, 250, 1, 250)] }); // 250 × 1 = 250
  });
});

describe('priceCalls STAIR_STEP', () => {
  it.each([
    [0, 0], // no calls cost nothing, even in the first step
    [1, 5], // band 1–10: flat 5
    [9, 5], // band 1–10: flat 5
    [10, 5], // band 1–10: flat 5
    [11, 2], // band 11–100: flat 2
    [14, 2], // band 11–100: flat 2
    [100, 2], // band 11–100: flat 2
    [101, 1], // band 101+: flat 1
    [250, 1], // band 101+: flat 1
  ])('the ladder at %i calls is the flat %i', (calls, amount) => {
    expect(priceCalls('STAIR_STEP', LADDER, calls).amount).toBe(amount);
  });

  /** Flat fees: up to 1 000 calls 29.00, up to 10 000 calls 99.00, beyond 249.00. */
  const STEPS: RateBand[] = [
    { from: 1, to: 1000, price: 2900 },
    { from: 1001, to: 10_000, price: 9900 },
    { from: 10_001, to: null, price: 24_900 },
  ];

  it.each([
    [1, 2900], // step 1–1000
    [1000, 2900], // step 1–1000 (last call)
    [1001, 9900], // step 1001–10000 (first call)
    [10_000, 9900], // step 1001–10000 (last call)
    [10_001, 24_900], // step 10001+ (first call)
    [1_000_000, 24_900], // step 10001+
  ])('a flat fee per step: %i calls cost %i', (calls, amount) => {
    expect(priceCalls('STAIR_STEP', STEPS, calls).amount).toBe(amount);
  });

  it('has one line with the flat fee as both price and amount', () => {
    expect(priceCalls('STAIR_STEP', STEPS, 1500)).toEqual({
      amount: 9900, // flat 9900 for 1001–10000, whatever the count in it
      bands: [line(1001, 10_000, 1500, 9900, 9900)],
    });
    expect(priceCalls('STAIR_STEP', STEPS, 20_000)).toEqual({
      amount: 24_900, // flat 24900 for 10001+
      bands: [line(10_001, null, 20_000, 24_900, 24_900)],
    });
  });
});

describe('priceCalls with a single open band', () => {
  const single: RateBand[] = [{ from: 1, price: 3 }];

  it.each([
    ['UNIT', 7, 21, [line(1, null, 7, 3, 21)]], // 7 × 3 = 21
    ['VOLUME', 7, 21, [line(1, null, 7, 3, 21)]], // 7 × 3 = 21
    ['STAIR_STEP', 7, 3, [line(1, null, 7, 3, 3)]], // flat 3
    ['UNIT', 1, 3, [line(1, null, 1, 3, 3)]], // 1 × 3 = 3
    ['VOLUME', 1000, 3000, [line(1, null, 1000, 3, 3000)]], // 1000 × 3 = 3000
  ] as [MeteringType, number, number, BandCharge[]][])('%s at %i calls costs %i', (type, calls, amount, bands) => {
    expect(priceCalls(type, single, calls)).toEqual({ amount, bands });
  });

  it.each(['UNIT', 'VOLUME', 'STAIR_STEP'] as MeteringType[])('%s costs nothing for no calls', (type) => {
    expect(priceCalls(type, single, 0)).toEqual({ amount: 0, bands: [] });
  });
});

describe('bandsProblem', () => {
  it('accepts a contiguous ladder from call 1 ending open', () => {
    expect(bandsProblem(LADDER)).toBeUndefined();
  });

  it('accepts a single open band, with to omitted or null', () => {
    expect(bandsProblem([{ from: 1, price: 3 }])).toBeUndefined();
    expect(bandsProblem([{ from: 1, to: null, price: 3 }])).toBeUndefined();
  });

  it('accepts one-call bands (to = from)', () => {
    expect(
      bandsProblem([
        { from: 1, to: 1, price: 0 },
        { from: 2, to: 2, price: 9 },
        { from: 3, price: 4 },
      ]),
    ).toBeUndefined();
  });

  it('refuses a closed last band: calls beyond it would have no price', () => {
    expect(
      bandsProblem([
        { from: 1, to: 1, price: 0 },
        { from: 2, to: 2, price: 9 },
        { from: 3, to: 50, price: 4 },
      ]),
    ).toEqual({ field: 'rates.2.to', message: 'must be left out on the last band: calls beyond it need a price' });
  });

  it('rejects an empty list on rates itself', () => {
    expect(bandsProblem([])).toEqual({ field: 'rates', message: 'needs at least one band' });
  });

  it('rejects a first band not starting at call 1', () => {
    expect(bandsProblem([{ from: 0, to: 10, price: 5 }])).toEqual({
      field: 'rates.0.from',
      message: 'must be 1: the first band starts at call 1',
    });
    expect(bandsProblem([{ from: 2, price: 5 }, ...LADDER.slice(1)])).toEqual({
      field: 'rates.0.from',
      message: 'must be 1: the first band starts at call 1',
    });
  });

  it('rejects an overlap on the later band’s from', () => {
    // band 0 ends at 10, so band 1 must start at 10 + 1 = 11
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 10, to: 100, price: 2 },
        { from: 101, price: 1 },
      ]),
    ).toEqual({ field: 'rates.1.from', message: 'must be 11: overlaps the band before' });
    // band 1 ends at 100, so band 2 must start at 100 + 1 = 101
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 11, to: 100, price: 2 },
        { from: 50, price: 1 },
      ]),
    ).toEqual({ field: 'rates.2.from', message: 'must be 101: overlaps the band before' });
  });

  it('rejects a gap on the later band’s from', () => {
    // band 0 ends at 10, so band 1 must start at 11, not 12
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 12, to: 100, price: 2 },
      ]),
    ).toEqual({ field: 'rates.1.from', message: 'must be 11: leaves a gap after the band before' });
    // band 1 ends at 100, so band 2 must start at 101, not 200
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 11, to: 100, price: 2 },
        { from: 200, price: 1 },
      ]),
    ).toEqual({ field: 'rates.2.from', message: 'must be 101: leaves a gap after the band before' });
  });

  it('rejects a band after an open-ended one, on the open band’s to', () => {
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 11, price: 2 },
        { from: 101, price: 1 },
      ]),
    ).toEqual({ field: 'rates.1.to', message: 'is open-ended, so no band may follow it' });
    expect(
      bandsProblem([
        { from: 1, to: null, price: 5 },
        { from: 11, to: 20, price: 2 },
      ]),
    ).toEqual({ field: 'rates.0.to', message: 'is open-ended, so no band may follow it' });
  });

  it('rejects to < from on that band’s to', () => {
    expect(bandsProblem([{ from: 1, to: 0, price: 5 }])).toEqual({ field: 'rates.0.to', message: 'must be at least from (1)' });
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 11, to: 5, price: 2 },
      ]),
    ).toEqual({ field: 'rates.1.to', message: 'must be at least from (11)' });
  });

  it('reports the first problem in band order', () => {
    // band 1 has a gap (from 12) and band 2 has to < from: the gap comes first
    expect(
      bandsProblem([
        { from: 1, to: 10, price: 5 },
        { from: 12, to: 100, price: 2 },
        { from: 101, to: 90, price: 1 },
      ]),
    ).toEqual({ field: 'rates.1.from', message: 'must be 11: leaves a gap after the band before' });
  });
});
