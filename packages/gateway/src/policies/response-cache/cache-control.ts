/** The directives of a `Cache-Control` value that decide whether and how long an answer is kept. */
export interface CacheDirectives {
  noStore: boolean;
  noCache: boolean;
  private: boolean;
  /** Seconds, when given. */
  maxAge: number | undefined;
  sMaxAge: number | undefined;
}

/** Parses `Cache-Control` (repeated headers joined); unknown directives are ignored. */
export function cacheDirectives(value: string | string[] | number | undefined): CacheDirectives {
  const directives: CacheDirectives = { noStore: false, noCache: false, private: false, maxAge: undefined, sMaxAge: undefined };
  if (value === undefined || typeof value === 'number') return directives;
  const text = Array.isArray(value) ? value.join(',') : value;
  for (const part of text.split(',')) {
    const [rawName = '', rawArgument] = part.split('=', 2);
    const name = rawName.trim().toLowerCase();
    const argument = rawArgument?.trim().replace(/^"|"$/g, '');
    if (name === 'no-store') directives.noStore = true;
    else if (name === 'no-cache') directives.noCache = true;
    else if (name === 'private') directives.private = true;
    else if (name === 'max-age') directives.maxAge = seconds(argument);
    else if (name === 's-maxage') directives.sMaxAge = seconds(argument);
  }
  return directives;
}

/** A delta-seconds argument; a malformed one counts as 0 (stale), as RFC 9111 advises. */
function seconds(argument: string | undefined): number {
  return argument !== undefined && /^[0-9]+$/.test(argument) ? Number(argument) : 0;
}
