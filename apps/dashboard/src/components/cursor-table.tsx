import { type ReactNode, useEffect, useState } from 'react';
import { messageOf } from '../api';
import { type Column, ItemsTable } from './items-table';
import { Pager } from './pager';

/** A page of items and the cursor of the next one (the API's list answer). */
export interface ListAnswer<T> {
  items: T[];
  nextCursor: string | null;
}

/** The cursors of the first page: it has none. */
const FIRST: ReadonlyArray<string | undefined> = [undefined];

/**
 * A table read a page at a time by the API's cursors: the one paging of every list (users,
 * groups, the audit log, and the searched lists of {@link ListPage}). A new `load` (another
 * filter, search text or server group) starts over at the first page, since a cursor means
 * nothing to another query. Failures show as a banner, or go to `onError` for a form that places
 * them beside its fields.
 */
export function CursorTable<T>({
  label,
  load,
  columns,
  rowKey,
  empty,
  className = 'list',
  onError,
}: {
  label: string;
  /** Reads a page; keep it stable (`useCallback`) while the query stays the same. */
  load: (cursor: string | undefined) => Promise<ListAnswer<T>>;
  columns: ReadonlyArray<Column<T>>;
  rowKey: (item: T) => string;
  empty: ReactNode;
  className?: string;
  onError?: (error: unknown) => void;
}) {
  const [paging, setPaging] = useState({ load, cursors: FIRST });
  // Reset during render rather than in an effect, so no read ever goes out with the old query's cursor.
  const cursors = paging.load === load ? paging.cursors : FIRST;
  if (paging.load !== load) setPaging({ load, cursors: FIRST });
  const cursor = cursors.at(-1);
  // The page shown, with the read it answers: the previous one stays while the next loads, but
  // its `nextCursor` belongs to its own query and must not offer Next.
  const [shown, setShown] = useState<{ load: typeof load; cursor: string | undefined; answer: ListAnswer<T> } | undefined>();
  const page = shown?.answer;
  const fresh = shown !== undefined && shown.load === load && shown.cursor === cursor;
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let current = true;
    load(cursor).then(
      (answer) => {
        if (!current) return;
        setShown({ load, cursor, answer });
        setError(undefined);
      },
      (failure: unknown) => {
        if (!current) return;
        if (onError === undefined) setError(messageOf(failure));
        else onError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [load, cursor, onError]);

  return (
    <>
      {error !== undefined && (
        <p role="alert" className="error banner">
          {error}
        </p>
      )}
      {fresh && page !== undefined && page.items.length === 0 && cursors.length === 1 ? (
        <div className="empty">{empty}</div>
      ) : (
        <div className="table-scroll">
          <ItemsTable className={className} label={label} columns={columns} items={page?.items} rowKey={rowKey} />
        </div>
      )}
      <Pager cursors={cursors} nextCursor={fresh ? page?.nextCursor : undefined} onChange={(next) => setPaging({ load, cursors: next })} />
    </>
  );
}
