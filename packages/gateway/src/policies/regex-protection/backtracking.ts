/** One open group while reading a pattern: whether it contains a repeating quantifier. */
interface Group {
  repeats: boolean;
}

/** What precedes a quantifier: a group (and whether it repeats inside) or a single atom. */
type Atom = { group: true; repeats: boolean } | { group: false } | undefined;

/**
 * Why a regular expression (valid JavaScript syntax, already compiled once) risks
 * catastrophic backtracking in V8's backtracking engine, or undefined when none of the known
 * shapes is found. Refused:
 *
 * - a repeating quantifier (`*`, `+`, `{n,}`, `{n,m}` with m > 1) applied to a group that
 *   itself contains one: `(a+)+`, `(\w+\s?)*`, `(?:x{1,9}){2,}` (star height above one, the
 *   classic exponential case);
 * - backreferences (`\1`, `\k<name>`): matching them is NP-hard in general.
 *
 * A heuristic, as the README says: overlapping alternatives in a repeated group (`(a|a)*`) and
 * adjacent overlapping quantifiers (`\s*\s*$`, polynomial) are not detected. Input length
 * caps bound what those can cost.
 */
export function backtrackingRisk(source: string): string | undefined {
  const groups: Group[] = [{ repeats: false }];
  let previous: Atom;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if ((next >= '1' && next <= '9') || (next === 'k' && source[i + 2] === '<')) {
        return 'a backreference can make matching take exponential time';
      }
      previous = { group: false };
      i += 2;
      continue;
    }
    if (c === '[') {
      i = skipClass(source, i);
      previous = { group: false };
      continue;
    }
    if (c === '(') {
      groups.push({ repeats: false });
      i = skipGroupPrefix(source, i + 1);
      previous = undefined;
      continue;
    }
    if (c === ')') {
      const closed = groups.pop() ?? { repeats: false };
      const parent = groups.at(-1);
      // A quantifier inside a group is also inside every group around it.
      if (parent !== undefined && closed.repeats) parent.repeats = true;
      previous = { group: true, repeats: closed.repeats };
      i++;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (quantifier === undefined) {
      previous = { group: false };
      i++;
      continue;
    }
    if (quantifier.repeating) {
      if (previous?.group === true && previous.repeats) {
        return `the quantifier '${source.slice(i, quantifier.end)}' repeats a group that already repeats: nested quantifiers can backtrack catastrophically`;
      }
      const current = groups.at(-1);
      if (current !== undefined) current.repeats = true;
    }
    previous = undefined;
    i = quantifier.end;
  }
  return undefined;
}

/** The index after a character class starting at `start` (`[`). In JavaScript `[]` is an empty class: a `]` always closes. */
function skipClass(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` after an opening parenthesis, so their `?` is not read as a quantifier. */
function skipGroupPrefix(source: string, i: number): number {
  if (source[i] !== '?') return i;
  const next = source[i + 1];
  if (next === ':' || next === '=' || next === '!') return i + 2;
  if (next === '<') {
    const after = source[i + 2];
    if (after === '=' || after === '!') return i + 3;
    const close = source.indexOf('>', i + 2);
    return close === -1 ? i + 2 : close + 1;
  }
  return i + 1;
}

/**
 * A quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy): where it
 * ends and whether it can repeat its atom more than once. A `{` that does not form a quantifier
 * is a literal (undefined).
 */
function readQuantifier(source: string, i: number): { end: number; repeating: boolean } | undefined {
  const c = source[i];
  let end: number;
  let repeating: boolean;
  if (c === '*' || c === '+') {
    end = i + 1;
    repeating = true;
  } else if (c === '?') {
    end = i + 1;
    repeating = false;
  } else if (c === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (match === null) return undefined;
    end = i + match[0].length;
    const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
    repeating = max > 1;
  } else {
    return undefined;
  }
  if (source[end] === '?') end++;
  return { end, repeating };
}
