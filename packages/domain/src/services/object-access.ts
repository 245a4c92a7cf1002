import type { ObjectPermissionEntry, ObjectRight, StoredObjectEntry } from '../entities/object-permission.js';
import { EVERYONE } from '../entities/user.js';
import type { IdScope } from '../ports/repositories.js';

/** The asking user as the rule sees it. */
export interface Asker {
  username: string;
  /** Every group the user is in, nested ones included (`everyone` among them). */
  groups: readonly string[];
}

const said = (entry: ObjectPermissionEntry | undefined, right: ObjectRight) => {
  const value = entry?.[right];
  return value === undefined || value === 'inherit' ? undefined : value === 'allow';
};

/**
 * Whether the asker has `right` on one object, from the object's entries naming the asker, its
 * groups or `everyone` (entries of anyone else are ignored). The first level that says
 * `allow` or `deny` decides:
 *
 * 1. the entry of the user itself;
 * 2. the entries of the user's groups other than `everyone`: a `deny` in any of them wins over
 *    an `allow` in another;
 * 3. the entry of `everyone`, i.e. the object's default for every user;
 * 4. the global permission (`globally`): the user's and its groups' union.
 */
export function decideObjectRight(entries: readonly ObjectPermissionEntry[], asker: Asker, right: ObjectRight, globally: boolean): boolean {
  const own = said(
    entries.find((e) => e.principal.type === 'user' && e.principal.id === asker.username),
    right,
  );
  if (own !== undefined) return own;
  const groups = new Set(asker.groups);
  const fromGroups = entries
    .filter((e) => e.principal.type === 'group' && e.principal.id !== EVERYONE && groups.has(e.principal.id))
    .map((e) => said(e, right));
  if (fromGroups.includes(false)) return false;
  if (fromGroups.includes(true)) return true;
  const everyone = said(
    entries.find((e) => e.principal.type === 'group' && e.principal.id === EVERYONE),
    right,
  );
  return everyone ?? globally;
}

/**
 * The objects of one type the asker may see, from every entry of that type naming the asker, its
 * groups or `everyone`: with the global view permission, all but those an entry denies;
 * without, only those an entry allows.
 */
export function viewScope(entries: readonly StoredObjectEntry[], asker: Asker, globally: boolean): IdScope {
  const byObject = new Map<string, StoredObjectEntry[]>();
  for (const entry of entries) byObject.set(entry.objectId, [...(byObject.get(entry.objectId) ?? []), entry]);
  const decided = [...byObject].map(([id, objectEntries]) => ({ id, visible: decideObjectRight(objectEntries, asker, 'view', globally) }));
  return globally
    ? { except: decided.filter((d) => !d.visible).map((d) => d.id) }
    : { only: decided.filter((d) => d.visible).map((d) => d.id) };
}
