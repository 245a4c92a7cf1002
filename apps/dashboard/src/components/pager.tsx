/**
 * Previous and Next over the API's cursors. `cursors` are those of the pages walked so far (the
 * first page's is undefined), the last the page shown: Previous drops it, Next adds `nextCursor`.
 */
export function Pager({
  cursors,
  nextCursor,
  onChange,
}: {
  cursors: ReadonlyArray<string | undefined>;
  /** The shown page's `nextCursor`; null on the last page, undefined while it loads. */
  nextCursor: string | null | undefined;
  onChange: (cursors: Array<string | undefined>) => void;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => onChange(cursors.slice(0, -1))}>
        Previous
      </button>
      <button
        type="button"
        className="secondary"
        disabled={nextCursor == null}
        onClick={() => nextCursor != null && onChange([...cursors, nextCursor])}
      >
        Next
      </button>
    </nav>
  );
}
