import { Field, FieldError } from '../../components/field';

/** A client's attributes as rows, so a name can be typed (or emptied) without losing its value. */
export type AttributeRows = Array<[name: string, value: string]>;

/** The rows of an attribute map, in name order. */
export function rowsOf(attributes: Readonly<Record<string, string>>): AttributeRows {
  return Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
}

/** The map the API takes, or the message of each bad row by its name path (`attributes.3.name`). */
export function attributesOf(rows: AttributeRows): { attributes: Record<string, string> } | { errors: Record<string, string> } {
  const attributes: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [index, [name, value]] of rows.entries()) {
    const key = name.trim();
    if (key === '' && value === '') continue;
    if (key === '') errors[`attributes.${index}.name`] = 'Give the attribute a name';
    else if (key in attributes) errors[`attributes.${index}.name`] = `${key} is named twice`;
    else attributes[key] = value;
  }
  return Object.keys(errors).length === 0 ? { attributes } : { errors };
}

/** Name → value rows with Add and Remove; the API's message for an attribute shows on its row. */
export function AttributesEditor({
  rows,
  onChange,
  onRestructure,
  field,
}: {
  rows: AttributeRows;
  onChange: (rows: AttributeRows) => void;
  /** Called when a row is added or removed: the messages name rows by index, so they no longer apply (clear them). */
  onRestructure: () => void;
  field: (path: string) => string | undefined;
}) {
  const replace = (index: number, row: [string, string]) => onChange(rows.map((current, at) => (at === index ? row : current)));
  const restructure = (next: AttributeRows) => {
    onRestructure();
    onChange(next);
  };
  return (
    <fieldset className="field rows">
      <legend className="field-label">Attributes</legend>
      {rows.length === 0 && <span className="muted">No attributes. Add name → value pairs for policies and reports.</span>}
      {rows.map(([name, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place; a name can be edited or empty.
        <fieldset key={index} className="row">
          <legend className="sr-only">Attribute {index + 1}</legend>
          <Field label="Name" error={field(`attributes.${index}.name`) ?? field(`attributes.${name}`)}>
            <input name={`attribute-${index}-name`} value={name} onChange={(event) => replace(index, [event.target.value, value])} />
          </Field>
          <Field label="Value">
            <input name={`attribute-${index}-value`} value={value} onChange={(event) => replace(index, [name, event.target.value])} />
          </Field>
          <button type="button" className="secondary" onClick={() => restructure(rows.filter((_, at) => at !== index))}>
            Remove
          </button>
        </fieldset>
      ))}
      <div>
        <button type="button" className="secondary" onClick={() => restructure([...rows, ['', '']])}>
          Add attribute
        </button>
      </div>
      <FieldError message={field('attributes')} />
    </fieldset>
  );
}
