import { percentEncode } from '../template.js';

/** One `name=value` segment of a query string: the decoded name, and the segment as received. */
interface Pair {
  name: string;
  raw: string;
}

/**
 * A query string as a list of parameters that keeps each untouched segment byte for byte, so
 * rewriting one parameter never re-encodes the others (`URLSearchParams` would turn `%20`
 * into `+` and reorder nothing but normalise everything).
 */
export class QueryParameters {
  private pairs: Pair[];
  private changed = false;

  constructor(private readonly original: string) {
    this.pairs = original === '' ? [] : original.split('&').flatMap((raw) => (raw === '' ? [] : [{ name: decodeName(raw), raw }]));
  }

  /** Keeps only the parameters named in `names`. */
  keepOnly(names: ReadonlySet<string>): void {
    this.filter((pair) => names.has(pair.name));
  }

  /** Removes every value of a parameter. */
  remove(name: string): void {
    this.filter((pair) => pair.name !== name);
  }

  /** Renames every value of a parameter, each value kept as it was encoded. */
  rename(from: string, to: string): void {
    if (from === to) return;
    for (const pair of this.pairs) {
      if (pair.name !== from) continue;
      const equals = pair.raw.indexOf('=');
      pair.name = to;
      pair.raw = percentEncode(to) + (equals === -1 ? '' : pair.raw.slice(equals));
      this.changed = true;
    }
  }

  /** Replaces every value of a parameter with one, where the first one was (appended when absent). */
  set(name: string, value: string): void {
    const first = this.pairs.findIndex((pair) => pair.name === name);
    if (first === -1) {
      this.add(name, value);
      return;
    }
    const replacement = { name, raw: segment(name, value) };
    this.pairs = this.pairs.flatMap((pair, index) => (index === first ? [replacement] : pair.name === name ? [] : [pair]));
    this.changed = true;
  }

  /** Appends one more value of a parameter. */
  add(name: string, value: string): void {
    this.pairs.push({ name, raw: segment(name, value) });
    this.changed = true;
  }

  /** The query string to forward: the original one when nothing changed. */
  toString(): string {
    return this.changed ? this.pairs.map((pair) => pair.raw).join('&') : this.original;
  }

  private filter(keep: (pair: Pair) => boolean): void {
    const kept = this.pairs.filter(keep);
    if (kept.length !== this.pairs.length) this.changed = true;
    this.pairs = kept;
  }
}

function segment(name: string, value: string): string {
  return `${percentEncode(name)}=${percentEncode(value)}`;
}

/** The name of a segment as `URLSearchParams` would decode it; a malformed escape is kept raw. */
function decodeName(raw: string): string {
  const equals = raw.indexOf('=');
  const name = (equals === -1 ? raw : raw.slice(0, equals)).replaceAll('+', ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
