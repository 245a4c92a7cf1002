import { type Location, SpecError } from './document.js';

/** A compiled path template: `/pets/{petId}` as a regular expression with one group per parameter. */
export interface PathTemplate {
  template: string;
  regex: RegExp;
  /** Parameter names, in the order of the regex's groups. */
  names: string[];
}

const PARAMETER = /\{([^{}/]+)\}/g;

/**
 * Compiles a path template. A parameter matches one whole or partial segment (`/files/{name}.json`)
 * and never a `/`; the rest is literal.
 */
export function compilePathTemplate(template: string, at: Location): PathTemplate {
  if (!template.startsWith('/')) throw new SpecError(at, "a path must start with '/'");
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const match of template.matchAll(PARAMETER)) {
    const name = match[1] as string;
    if (names.includes(name)) throw new SpecError(at, `the path parameter '${name}' appears twice`);
    names.push(name);
    source += `${escapeRegExp(template.slice(last, match.index))}([^/]+)`;
    last = match.index + match[0].length;
  }
  source += `${escapeRegExp(template.slice(last))}$`;
  if (/[{}]/.test(template.slice(last))) throw new SpecError(at, 'an unbalanced { or } in the path');
  return { template, regex: new RegExp(source), names };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
