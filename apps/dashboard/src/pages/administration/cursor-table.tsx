import { type ReactNode, useEffect, useState } from 'react';
import { messageOf } from '../../api';
import { type Column, ItemsTable } from '../../components/items-table';
import type { ListAnswer } from '../../components/list-page';
import { Pager } from '../../components/pager';

/**
 * A table read a page at a time by the API's cursors, for the lists that take no search text
 * (users, groups, the audit log). Give it a new `key` when its filter changes, so pages start over.
 * Failures show as a banner, or go to `onError` for a form that places them beside its fields.
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
  load: (cursor: string | undefined) => Promise<ListAnswer<T>>;
  columns: ReadonlyArray<Column<T>>;
  rowKey: (item: T) => string;
  empty: ReactNode;
  className?: string;
  onError?: (error: unknown) => void;
}) {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<ListAnswer<T> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const cursor = cursors.at(-1);

  useEffect(() => {
    let current = true;
    load(cursor).then(
      (answer) => {
        if (!current) return;
        setPage(answer);
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
      {page !== undefined && page.items.length === 0 && cursors.length === 1 ? (
        <div className="empty">{empty}</div>
      ) : (
        <div className="table-scroll">
          <ItemsTable className={className} label={label} columns={columns} items={page?.items} rowKey={rowKey} />
        </div>
      )}
      <Pager cursors={cursors} nextCursor={page?.nextCursor} onChange={setCursors} />
    </>
  );
}
