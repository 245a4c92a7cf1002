/** Small numeric helpers shared by the benches. */

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Formats a number with a fixed number of decimals and thousands separators. */
export function fmt(value, decimals = 0) {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Microseconds as milliseconds with two decimals. */
export function ms(us) {
  return fmt(us / 1000, 2);
}
