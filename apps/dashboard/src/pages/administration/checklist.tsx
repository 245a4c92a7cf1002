/**
 * A set of ids as checkboxes, in the order of `options`. `error(i)` is the API's message for the
 * i-th chosen id (`groups.1`); it shows beside that id.
 */
export function Checklist({
  legend,
  options,
  chosen,
  onChange,
  error,
  hint,
}: {
  legend: string;
  options: ReadonlyArray<{ id: string; label: string }>;
  chosen: ReadonlyArray<string>;
  onChange: (chosen: string[]) => void;
  error?: (index: number) => string | undefined;
  hint?: string;
}) {
  // Chosen ids missing from the options (beyond the first page) stay listed, so they can be unticked.
  const all = [...options, ...chosen.filter((id) => !options.some((option) => option.id === id)).map((id) => ({ id, label: id }))];
  return (
    <fieldset className="field">
      <legend className="field-label">{legend}</legend>
      <div className="checklist">
        {all.map((option) => {
          const message = error?.(chosen.indexOf(option.id));
          return (
            <label key={option.id} className="inline">
              <input
                type="checkbox"
                name={`${legend}-${option.id}`}
                checked={chosen.includes(option.id)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? all.map((item) => item.id).filter((id) => id === option.id || chosen.includes(id))
                      : chosen.filter((id) => id !== option.id),
                  )
                }
              />
              {option.label}
              {message !== undefined && <span className="field-error">{message}</span>}
            </label>
          );
        })}
        {all.length === 0 && <span className="muted">None to choose from.</span>}
      </div>
      {hint !== undefined && <span className="hint">{hint}</span>}
    </fieldset>
  );
}
