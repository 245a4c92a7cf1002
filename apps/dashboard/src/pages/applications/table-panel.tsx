import type { ReactNode } from 'react';

/** A column heading of a {@link TablePanel}: amounts align right; a hidden one is for screen readers only (a column of buttons). */
export interface Heading {
  label: string;
  amount?: boolean;
  hidden?: boolean;
}

/**
 * A panel of the monetization tabs: its title, then a row per item under the headings, or what
 * `empty` says to do while there is none.
 */
export function TablePanel<T>({
  title,
  label = title,
  intro,
  headings,
  items,
  row,
  empty,
}: {
  title: string;
  /** The panel's accessible name, when it says less than the title. */
  label?: string;
  intro?: ReactNode;
  headings: ReadonlyArray<Heading | string>;
  items: readonly T[];
  /** The `<tr>` of an item, with its key. */
  row: (item: T) => ReactNode;
  empty: ReactNode;
}) {
  return (
    <section className="panel" aria-label={label}>
      <h2>{title}</h2>
      {intro}
      {items.length === 0 ? (
        <div className="empty">{empty}</div>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                {headings.map((heading) => {
                  const { label: text, amount = false, hidden = false } = typeof heading === 'string' ? { label: heading } : heading;
                  return (
                    <th key={text} className={amount ? 'amount' : undefined}>
                      {hidden ? <span className="sr-only">{text}</span> : text}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
