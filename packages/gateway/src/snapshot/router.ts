import type { HttpMethod, Resource } from '@tollgate/domain';
import type { CompiledProject } from './snapshot.js';

/** A resource with its path split once into literal segments and `{param}` wildcards (null). */
export interface CompiledResource {
  resource: Resource;
  segments: ReadonlyArray<string | null>;
  methods: ReadonlySet<string>;
}

/** Splits a resource path into matchable segments. */
export function compileResource(resource: Resource): CompiledResource {
  const segments = resource.path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith('{') ? null : segment));
  return { resource, segments, methods: new Set<HttpMethod>(resource.methods) };
}

/** Finds the deployed project whose context path is the longest segment-aligned prefix of `path`. */
export function matchProject(projects: ReadonlyMap<string, CompiledProject>, path: string): CompiledProject | undefined {
  let end = path.length;
  while (end > 0) {
    const project = projects.get(end === path.length ? path : path.slice(0, end));
    if (project !== undefined) return project;
    end = path.lastIndexOf('/', end - 1);
  }
  return undefined;
}

/** Result of matching the rest of a path against a project's resources. */
export type ResourceMatch =
  | { kind: 'matched'; resource: CompiledResource | undefined }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'not-found' };

const ANY_RESOURCE: ResourceMatch = { kind: 'matched', resource: undefined };
const NOT_FOUND: ResourceMatch = { kind: 'not-found' };

/**
 * Matches `remainder` (the path after the context path) and the method. A project without
 * resources accepts every path; otherwise the first resource whose path and method match wins,
 * and a path that matches only with other methods is a 405.
 */
export function matchResource(resources: readonly CompiledResource[], remainder: string, method: string): ResourceMatch {
  if (resources.length === 0) return ANY_RESOURCE;
  const segments = remainder.split('/').filter((segment) => segment !== '');
  let allowed: Set<string> | undefined;
  for (const candidate of resources) {
    if (!pathMatches(candidate, segments)) continue;
    if (candidate.methods.has(method)) return { kind: 'matched', resource: candidate };
    allowed ??= new Set();
    for (const m of candidate.methods) allowed.add(m);
  }
  return allowed === undefined ? NOT_FOUND : { kind: 'method-not-allowed', allow: [...allowed].join(', ') };
}

function pathMatches(candidate: CompiledResource, segments: readonly string[]): boolean {
  const pattern = candidate.segments;
  if (segments.length < pattern.length) return false;
  if (segments.length > pattern.length && !candidate.resource.acceptChildPaths) return false;
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    if (expected !== null && expected !== segments[i]) return false;
  }
  return true;
}
