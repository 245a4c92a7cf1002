import { type ReactNode, useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { GroupLink } from '../shell/server-group';
import { CursorTable, type ListAnswer } from './cursor-table';
import type { Column } from './items-table';
import { ListHeader } from './list-header';

/** What a list page asks the API for: the search text and a page. */
export interface ListQuery {
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

const PAGE_SIZE = 20;

/**
 * A searchable, paginated list: the search text is the `q` query parameter (a deep link keeps
 * it), pages follow the API's cursors ({@link CursorTable}), and start over whenever the search
 * text or `load` (the server group it reads) changes. `empty` tells what to do when there is
 * nothing yet.
 */
export function ListPage<T extends { id: string }>({
  title,
  load,
  columns,
  detailPath,
  newPath,
  empty,
}: {
  title: string;
  /** Reads a page; keep it stable (`useCallback`) while what it reads stays the same. */
  load: (query: ListQuery) => Promise<ListAnswer<T>>;
  columns: ReadonlyArray<Column<T>>;
  detailPath: (item: T) => string;
  newPath?: string;
  empty: ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  // The first column links to the item's page.
  const linked = columns.map((column, index) =>
    index === 0 ? { ...column, cell: (item: T) => <GroupLink to={detailPath(item)}>{column.cell(item)}</GroupLink> } : column,
  );
  // A new function per search text or `load`: the table then starts over at the first page.
  const loadPage = useCallback((cursor: string | undefined) => load({ q: q === '' ? undefined : q, cursor, limit: PAGE_SIZE }), [load, q]);

  const search = (value: string) =>
    setParams((currentParams) => {
      const next = new URLSearchParams(currentParams);
      if (value === '') next.delete('q');
      else next.set('q', value);
      return next;
    });

  return (
    <section>
      <ListHeader title={title} newPath={newPath} />
      {/* Keyed by `q`: the box shows the search of the URL again after Back or a link. */}
      <SearchBox key={q} title={title} q={q} onSearch={search} />
      <CursorTable<T>
        label={title}
        load={loadPage}
        columns={linked}
        rowKey={(item) => item.id}
        empty={q === '' ? empty : `Nothing matches “${q}”.`}
      />
    </section>
  );
}

/** The search form of a list: its text, typed until Search. */
function SearchBox({ title, q, onSearch }: { title: string; q: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(q);
  return (
    <search>
      <form
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text.trim());
        }}
      >
        <input
          aria-label={`Search ${title.toLowerCase()}`}
          placeholder="Search by id or name"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
    </search>
  );
}
