/** A JSON object of the document. */
export type Json = Record<string, unknown>;

/** A location in the document: the keys and indexes from its root. */
export type Location = ReadonlyArray<string | number>;

/** The operations of a path item, in the order OpenAPI lists them. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A problem of the document, at the config field it is found at (`spec.paths./pets.get…`). */
export class SpecError extends Error {
  readonly field: string;
  constructor(at: Location, message: string) {
    super(message);
    this.field = ['spec', ...at].join('.');
  }
}

/** Whether a value of the document is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A location as a JSON pointer fragment (`#/paths/~1pets/get`). */
export function pointerOf(at: Location): string {
  return `#${at.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
}

/** The most `$ref` hops followed for one object: a longer chain is a cycle or an abuse. */
const MAX_HOPS = 32;

/**
 * The object at `at`, following `$ref`s (local ones only: `#/…`) to the object they name.
 * Returns the object and where it really is, so schemas under it can be referenced by pointer.
 */
export function resolve(document: Json, value: unknown, at: Location): { value: Json; at: Location } {
  let current = value;
  let location = at;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (!isObject(current)) throw new SpecError(location, 'must be an object');
    const ref = current.$ref;
    if (typeof ref !== 'string') return { value: current, at: location };
    location = locationOf(ref, location);
    current = valueAt(document, location);
    if (current === undefined) throw new SpecError(at, `$ref '${ref}' does not resolve in the document`);
  }
  throw new SpecError(at, `$ref chain longer than ${MAX_HOPS} hops (a cycle?)`);
}

/** The location a local `$ref` names; a remote one is refused. */
function locationOf(ref: string, at: Location): Location {
  if (ref !== '#' && !ref.startsWith('#/')) throw new SpecError(at, `$ref '${ref}' is not local: only #/… references are supported`);
  return ref
    .slice(2)
    .split('/')
    .filter((segment, index) => segment !== '' || index > 0)
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(document: Json, at: Location): unknown {
  let current: unknown = document;
  for (const segment of at) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Throws for the first `$ref` anywhere in the document that is not local: nothing is ever fetched. */
export function refuseRemoteRefs(value: unknown, at: Location = []): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      refuseRemoteRefs(item, [...at, index]);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') locationOf(child, at);
    else refuseRemoteRefs(child, [...at, key]);
  }
}
