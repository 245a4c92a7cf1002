import parse from 'parse-prometheus-text-format';

/**
 * Parses a `/metrics` answer with a Prometheus text-format parser (a malformed exposition
 * throws) and returns a lookup: the value of series `name` whose labels include `labels`
 * (counters and gauges; for a histogram its `_count`), or undefined when there is none.
 * Histogram counts are read from the `_count` lines themselves: the parser merges labelled
 * histogram series.
 */
export function parseMetrics(text: string): (name: string, labels?: Record<string, string>) => number | undefined {
  const families = parse(text);
  const matches = (actual: Record<string, string> | undefined, wanted: Record<string, string>) =>
    Object.entries(wanted).every(([key, value]) => actual?.[key] === value);
  return (name, labels = {}) => {
    const family = families.find((candidate) => candidate.name === name);
    if (family?.type === 'HISTOGRAM') {
      for (const line of text.split('\n')) {
        const found = new RegExp(`^${name}_count\\{(.*)\\} (\\S+)$`).exec(line);
        if (found?.[1] === undefined) continue;
        const actual = Object.fromEntries([...found[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (matches(actual as Record<string, string>, labels)) return Number(found[2]);
      }
      return undefined;
    }
    const sample = family?.metrics.find((metric) => matches(metric.labels, labels));
    return sample === undefined ? undefined : Number(sample.value);
  };
}
