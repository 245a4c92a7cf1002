import { GroupLink } from '../shell/server-group';

/** The header of a list page: its title, and New when the list has a page to create one. */
export function ListHeader({ title, newPath }: { title: string; newPath?: string | undefined }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {newPath !== undefined && (
        <GroupLink className="button" to={newPath}>
          New
        </GroupLink>
      )}
    </header>
  );
}
