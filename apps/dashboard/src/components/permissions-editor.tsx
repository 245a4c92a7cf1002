import { type Answer, unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useGroups, useUsernames } from './directory';
import { FieldError } from './field';
import { ProblemBanner, useAction } from './problem';
import { SaveBar, useStaged } from './staged';
import { useLoaded } from './use-loaded';

/** The collections whose objects carry their own permission entries. */
export type PermissionCollection = 'projects' | 'products' | 'clients' | 'subscriptions' | 'organizations';

/** One entry: a user or group, and its word on each right of the object. */
export type PermissionEntry = Answer<'getProjectPermissions'>['entries'][number];
type Word = PermissionEntry['view'];
type Right = 'view' | 'modify' | 'deploy';
type PrincipalType = PermissionEntry['principal']['type'];
interface Entries {
  entries: PermissionEntry[];
}

const WORDS: readonly Word[] = ['inherit', 'allow', 'deny'];

/**
 * The Permissions tab of one object (`GET/PUT /{collection}/{id}/permissions`): per user or group
 * a word on view and modify (and deploy, for projects), staged until Save, which replaces the
 * whole list. Refusals (403) go to the banner; `entries.N.…` messages beside that entry.
 */
export function PermissionsEditor({ collection, id }: { collection: PermissionCollection; id: string }) {
  const [saved, setSaved, problem] = useLoaded(() => read(collection, id), [collection, id]);
  const staged = useStaged(saved);
  const action = useAction(problem);
  const me = useMe();
  const rights: readonly Right[] = collection === 'projects' ? ['view', 'modify', 'deploy'] : ['view', 'modify'];
  const entries = staged.draft?.entries ?? [];

  const save = action.submit(async () => {
    const answer = await write(collection, id, entries);
    setSaved(answer);
    // The API drops entries that say inherit to everything: the answer may equal what was saved before.
    staged.resetTo(answer);
  });
  const change = (index: number, right: Right, word: Word) =>
    staged.patch({ entries: entries.map((entry, at) => (at === index ? { ...entry, [right]: word } : entry)) });
  // Adding or removing an entry shifts the indices the API's messages name (`entries.2.view`): they no longer apply.
  const restructure = (next: PermissionEntry[]) => {
    problem.clear();
    staged.patch({ entries: next });
  };
  const add = (type: PrincipalType, principalId: string) =>
    restructure([
      ...entries,
      {
        principal: { type, id: principalId },
        view: 'inherit',
        modify: 'inherit',
        ...(collection === 'projects' ? { deploy: 'inherit' } : {}),
      },
    ]);

  if (saved === undefined) return <ProblemBanner problem={problem} />;
  return (
    <form className="form project-form" onSubmit={save} aria-label="Permissions">
      <ProblemBanner problem={problem} />
      <p className="hint">
        For each right the first level that says allow or deny decides: the user’s own entry, then its groups’ (a deny wins), then
        everyone’s, then the global permission. Inherit leaves it to the next level; an entry that says inherit to everything is dropped on
        Save.
      </p>
      {entries.length === 0 ? (
        <div className="empty">
          No entries: global permissions decide who may use this object. Add a user or group below to allow or deny one.
        </div>
      ) : (
        <table className="editor">
          <thead>
            <tr>
              <th>Principal</th>
              {rights.map((right) => (
                <th key={right}>{right.charAt(0).toUpperCase() + right.slice(1)}</th>
              ))}
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => {
              const name = `${entry.principal.type} ${entry.principal.id}`;
              const principalError = problem.field(`entries.${index}.principal`) ?? problem.field(`entries.${index}`);
              return (
                <tr key={name} aria-label={name}>
                  <td>
                    {entry.principal.type === 'group' ? 'Group' : 'User'} <strong>{entry.principal.id}</strong>
                    {me !== undefined && concernsMe(me, entry) && (
                      <span className="hint"> (you: only someone else may change this entry)</span>
                    )}
                    <FieldError message={principalError} />
                  </td>
                  {rights.map((right) => (
                    <td key={right}>
                      <select
                        aria-label={`${right} for ${name}`}
                        value={entry[right] ?? 'inherit'}
                        onChange={(event) => change(index, right, event.target.value as Word)}
                      >
                        {WORDS.map((word) => (
                          <option key={word} value={word}>
                            {word}
                          </option>
                        ))}
                      </select>
                      <FieldError message={problem.field(`entries.${index}.${right}`)} />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Remove ${name}`}
                      onClick={() => restructure(entries.filter((_, at) => at !== index))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AddPrincipal canList={me?.permissions.includes('MANAGE_USERS_AND_GROUPS') ?? false} taken={entries} onAdd={add} />
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}

/** Picks a user or group to give an entry; the lists need MANAGE_USERS_AND_GROUPS, without it the id is typed. */
function AddPrincipal({
  canList,
  taken,
  onAdd,
}: {
  canList: boolean;
  taken: readonly PermissionEntry[];
  onAdd: (type: PrincipalType, id: string) => void;
}) {
  const [type, setType] = useState<PrincipalType>('group');
  const [principalId, setPrincipalId] = useState('');
  const id = principalId.trim();
  const duplicate = taken.some((entry) => entry.principal.type === type && entry.principal.id === id);
  const listId = `principals-${type}`;
  return (
    <div className="add-row">
      <select aria-label="Principal type" value={type} onChange={(event) => setType(event.target.value as PrincipalType)}>
        <option value="group">Group</option>
        <option value="user">User</option>
      </select>
      <input
        aria-label={type === 'group' ? 'Group id' : 'Username'}
        list={listId}
        placeholder={type === 'group' ? 'Group id' : 'Username'}
        value={principalId}
        onChange={(event) => setPrincipalId(event.target.value)}
      />
      {/* Without the right to list them (the API would answer 403) the id is typed: nothing to offer. */}
      <datalist id={listId}>{canList && <KnownPrincipals type={type} />}</datalist>
      <button
        type="button"
        className="secondary"
        disabled={id === '' || duplicate}
        onClick={() => {
          onAdd(type, id);
          setPrincipalId('');
        }}
      >
        Add entry
      </button>
      {duplicate && <span className="hint">It has an entry already.</span>}
    </div>
  );
}

/** The users or groups there are, as the options of the id's datalist. */
function KnownPrincipals({ type }: { type: PrincipalType }) {
  const usernames = useUsernames();
  const groupIds = useGroups().map((group) => group.id);
  return (type === 'user' ? usernames : groupIds).map((option) => <option key={option} value={option} />);
}

type Me = Answer<'getCurrentPrincipal'>;

/** Who is signed in: the API refuses changes to the entries of one's own user and groups. */
function useMe(): Me | undefined {
  const [me, setMe] = useState<Me | undefined>();
  useEffect(() => {
    unwrap(api.GET('/api/v1/auth/me')).then(setMe, () => undefined);
  }, []);
  return me;
}

function concernsMe(me: Me, entry: PermissionEntry): boolean {
  return entry.principal.type === 'user' ? entry.principal.id === me.username : me.groups.includes(entry.principal.id);
}

/** The object's entries. One route per collection: the client is typed by literal paths. */
function read(collection: PermissionCollection, id: string): Promise<Entries> {
  const params = { params: { path: { id } } };
  switch (collection) {
    case 'projects':
      return unwrap(api.GET('/api/v1/projects/{id}/permissions', params));
    case 'products':
      return unwrap(api.GET('/api/v1/products/{id}/permissions', params));
    case 'clients':
      return unwrap(api.GET('/api/v1/clients/{id}/permissions', params));
    case 'subscriptions':
      return unwrap(api.GET('/api/v1/subscriptions/{id}/permissions', params));
    case 'organizations':
      return unwrap(api.GET('/api/v1/organizations/{id}/permissions', params));
  }
}

/** Replaces the object's entries; only projects take `deploy`. */
function write(collection: PermissionCollection, id: string, entries: readonly PermissionEntry[]): Promise<Entries> {
  const body = {
    entries: entries.map(({ principal, view, modify, deploy }) => ({
      principal,
      view,
      modify,
      ...(collection === 'projects' ? { deploy: deploy ?? 'inherit' } : {}),
    })),
  };
  const params = { params: { path: { id } }, body };
  switch (collection) {
    case 'projects':
      return unwrap(api.PUT('/api/v1/projects/{id}/permissions', params));
    case 'products':
      return unwrap(api.PUT('/api/v1/products/{id}/permissions', params));
    case 'clients':
      return unwrap(api.PUT('/api/v1/clients/{id}/permissions', params));
    case 'subscriptions':
      return unwrap(api.PUT('/api/v1/subscriptions/{id}/permissions', params));
    case 'organizations':
      return unwrap(api.PUT('/api/v1/organizations/{id}/permissions', params));
  }
}
