/** A duration for people: `0.05 ms`, `4.4 ms`, `230 ms` (the API measures to the nanosecond). */
export function milliseconds(value: number): string {
  const digits = value < 1 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ms`;
}
