/**
 * The origins a CORS policy admits, compiled once: exact origins in a set, `scheme://*.domain`
 * entries as a prefix and a suffix.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//;
/** Non-web schemes (browser extensions, app shells) have no URL origin to normalise to: their literal form. */
const OTHER_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$/;

/**
 * Why an `allowOrigins` entry cannot match what a browser sends in `Origin`, or undefined when it
 * is fine. Browsers send the serialised origin: scheme and host in lower case, no default port,
 * no path, no trailing slash, IDNs in punycode. An entry written otherwise would never match,
 * so it is refused with the form to use.
 */
export function originProblem(entry: string): string | undefined {
  const scheme = SCHEME.exec(entry)?.[1];
  if (scheme === undefined) return `not an origin: '${entry}' (write scheme://host[:port], e.g. https://app.example.com)`;
  const wildcard = entry.startsWith(`${scheme}://*.`);
  // Validate a wildcard entry as if the '*' were a label; it stands for one or more.
  const concrete = wildcard ? entry.replace('*', 'x') : entry;
  if (concrete.includes('*')) return `not an origin: '${entry}' ('*' may only stand for the subdomains: ${scheme}://*.example.com)`;
  if (scheme !== 'http' && scheme !== 'https') {
    return OTHER_ORIGIN.test(concrete) ? undefined : `not an origin: '${entry}' (write scheme://host[:port])`;
  }
  let origin: string;
  try {
    origin = new URL(concrete).origin;
  } catch {
    return `not an origin: '${entry}' (write scheme://host[:port], e.g. https://app.example.com)`;
  }
  if (origin === concrete) return undefined;
  const suggestion = wildcard ? origin.replace('://x.', '://*.') : origin;
  return `not an origin as browsers send it: '${entry}' (write '${suggestion}')`;
}

/** Whether an origin is admitted. */
export type OriginMatcher = (origin: string) => boolean;

/** Compiles valid entries (see {@link originProblem}); `*` admits every origin. */
export function compileOrigins(allowOrigins: '*' | readonly string[]): OriginMatcher {
  if (allowOrigins === '*') return () => true;
  const exact = new Set<string>();
  const wildcards: Array<{ prefix: string; suffix: string }> = [];
  for (const entry of allowOrigins) {
    const star = entry.indexOf('*');
    if (star === -1) exact.add(entry);
    // 'https://*.example.com' → prefix 'https://', suffix '.example.com'.
    else wildcards.push({ prefix: entry.slice(0, star), suffix: entry.slice(star + 1) });
  }
  if (wildcards.length === 0) return (origin) => exact.has(origin);
  return (origin) => {
    if (exact.has(origin)) return true;
    for (const { prefix, suffix } of wildcards) {
      if (origin.length <= prefix.length + suffix.length || !origin.startsWith(prefix) || !origin.endsWith(suffix)) continue;
      const labels = origin.slice(prefix.length, origin.length - suffix.length);
      // Subdomain labels only: no port, userinfo or path can hide in the part the '*' covers.
      if (/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(labels)) return true;
    }
    return false;
  };
}
