import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messageOf } from '../api';
import { GroupLink } from '../shell/server-group';
import { type Column, ItemsTable } from './items-table';
import { ListHeader } from './list-header';
import { Pager } from './pager';

/** What a list page asks the API for: the search text and a page. */
export interface ListQuery {
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A page of items and the cursor of the next one (the API's list answer). */
export interface ListAnswer<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/**
 * A searchable, paginated list: the search text is the `q` query parameter (a deep link keeps
 * it), pages follow the API's cursors. `empty` tells what to do when there is nothing yet.
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
  load: (query: ListQuery) => Promise<ListAnswer<T>>;
  columns: ReadonlyArray<Column<T>>;
  detailPath: (item: T) => string;
  newPath?: string;
  empty: ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<ListAnswer<T> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const cursor = cursors.at(-1);
  // The first column links to the item's page.
  const linked = columns.map((column, index) =>
    index === 0 ? { ...column, cell: (item: T) => <GroupLink to={detailPath(item)}>{column.cell(item)}</GroupLink> } : column,
  );

  useEffect(() => {
    let current = true;
    load({ q: q === '' ? undefined : q, cursor, limit: PAGE_SIZE }).then(
      (answer) => current && (setPage(answer), setError(undefined)),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [load, q, cursor]);

  const search = (value: string) => {
    setCursors([undefined]);
    setParams((currentParams) => {
      const next = new URLSearchParams(currentParams);
      if (value === '') next.delete('q');
      else next.set('q', value);
      return next;
    });
  };

  return (
    <section>
      <ListHeader title={title} newPath={newPath} />
      <search>
        <form
          className="search"
          onSubmit={(event) => {
            event.preventDefault();
            search(text.trim());
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
      {error !== undefined && (
        <p role="alert" className="error banner">
          {error}
        </p>
      )}
      {page !== undefined && page.items.length === 0 && cursors.length === 1 ? (
        <div className="empty">{q === '' ? empty : `Nothing matches “${q}”.`}</div>
      ) : (
        <ItemsTable className="list" columns={linked} items={page?.items} rowKey={(item) => item.id} />
      )}
      <Pager cursors={cursors} nextCursor={page?.nextCursor} onChange={setCursors} />
    </section>
  );
}
