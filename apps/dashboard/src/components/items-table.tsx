import type { ReactNode } from 'react';

/** One column of a list. */
export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/** A table of items, a row each and a cell per column; the lists' tables, searched or filtered. */
export function ItemsTable<T>({
  columns,
  items,
  rowKey,
  className,
  label,
}: {
  columns: ReadonlyArray<Column<T>>;
  /** Undefined while the first page loads: the headers show alone. */
  items: readonly T[] | undefined;
  rowKey: (item: T) => string;
  className: string;
  label?: string;
}) {
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header}>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items?.map((item) => (
          <tr key={rowKey(item)}>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(item)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
