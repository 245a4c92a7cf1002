/**
 * Pricing of one period's billable calls under a rate plan's bands. Money is integer minor units
 * (cents for USD): prices are integers and every amount is a sum or product of integers, so no
 * rounding happens anywhere.
 */

/** How the bands price a period's calls. */
export const METERING_TYPES = ['UNIT', 'VOLUME', 'STAIR_STEP'] as const;
export type MeteringType = (typeof METERING_TYPES)[number];

/** Calls `from`…`to` (inclusive, counted from 1 in each period; no `to`: and beyond) at `price`. */
export interface RateBand {
  from: number;
  to?: number | null | undefined;
  /** Minor units: per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
  price: number;
}

/** One band's part of a period's charge. */
export interface BandCharge {
  from: number;
  to: number | null;
  /** Calls priced in this band. */
  calls: number;
  /** Per call (UNIT, VOLUME) or flat (STAIR_STEP). */
  price: number;
  /** Minor units. */
  amount: number;
}

const upper = (band: RateBand) => band.to ?? Number.POSITIVE_INFINITY;

/** Why the bands are not one contiguous ladder from call 1 ending open (no `to` on the last), naming the field; undefined when they are. */
export function bandsProblem(rates: readonly RateBand[]): { field: string; message: string } | undefined {
  if (rates.length === 0) return { field: 'rates', message: 'needs at least one band' };
  for (const [index, band] of rates.entries()) {
    const previous = rates[index - 1];
    const expected = previous === undefined ? 1 : upper(previous) + 1;
    if (previous !== undefined && previous.to == null) {
      return { field: `rates.${index - 1}.to`, message: 'is open-ended, so no band may follow it' };
    }
    if (band.from !== expected) {
      const what =
        previous === undefined
          ? 'the first band starts at call 1'
          : band.from < expected
            ? 'overlaps the band before'
            : 'leaves a gap after the band before';
      return { field: `rates.${index}.from`, message: `must be ${expected}: ${what}` };
    }
    if (band.to != null && band.to < band.from) return { field: `rates.${index}.to`, message: `must be at least from (${band.from})` };
  }
  const last = rates.length - 1;
  if (rates[last]?.to != null)
    return { field: `rates.${last}.to`, message: 'must be left out on the last band: calls beyond it need a price' };
  return undefined;
}

/**
 * The charge for `calls` billable calls of one period:
 * - **UNIT** (graduated): each call costs the price of the band it falls in, so with 1–10 at 5 and
 *   11+ at 2, 14 calls cost 10 × 5 + 4 × 2 = 58;
 * - **VOLUME**: every call costs the price of the band the total reaches (14 calls: 14 × 2 = 28);
 * - **STAIR_STEP**: the flat price of the band the total falls in (14 calls: 2).
 * No calls cost nothing under any type. The bands must pass `bandsProblem`.
 */
export function priceCalls(meteringType: MeteringType, rates: readonly RateBand[], calls: number): { amount: number; bands: BandCharge[] } {
  if (calls <= 0) return { amount: 0, bands: [] };
  if (meteringType === 'UNIT') {
    const bands = rates
      .map((band) => {
        const inBand = Math.max(0, Math.min(calls, upper(band)) - band.from + 1);
        return { from: band.from, to: band.to ?? null, calls: inBand, price: band.price, amount: inBand * band.price };
      })
      .filter((charge) => charge.calls > 0);
    return { amount: bands.reduce((sum, charge) => sum + charge.amount, 0), bands };
  }
  const reached = rates.find((band) => band.from <= calls && calls <= upper(band));
  if (reached === undefined) return { amount: 0, bands: [] };
  const amount = meteringType === 'VOLUME' ? calls * reached.price : reached.price;
  return { amount, bands: [{ from: reached.from, to: reached.to ?? null, calls, price: reached.price, amount }] };
}
