/** The collections whose objects carry their own permission entries. */
export type PermissionCollection = 'projects' | 'products' | 'clients' | 'subscriptions' | 'organizations';

/** The Permissions tab of one object: its entries (`GET/PUT /{collection}/{id}/permissions`). Built by the projects work. */
export function PermissionsEditor(_props: { collection: PermissionCollection; id: string }) {
  return <p className="muted">Loading permissions…</p>;
}
