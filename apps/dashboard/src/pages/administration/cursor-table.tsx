import { type ReactNode, useEffect, useState } from 'react';
import { messageOf } from '../../api';
import type { Column, ListAnswer } from '../../components/list-page';

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
          <table className={className} aria-label={label}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header}>{column.header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page?.items.map((item) => (
                <tr key={rowKey(item)}>
                  {columns.map((column) => (
                    <td key={column.header}>{column.cell(item)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous
        </button>
        <button
          type="button"
          className="secondary"
          disabled={page?.nextCursor == null}
          onClick={() => page?.nextCursor != null && setCursors([...cursors, page.nextCursor])}
        >
          Next
        </button>
      </nav>
    </>
  );
}
