import { type FormEvent, useEffect, useId, useState } from 'react';
import { Field } from '../../components/field';
import { DIMENSIONS, type Dimension, type Suggestion, suggestionsOf } from './dimensions';

/** What the charts are narrowed to: a dimension and one of its ids, or nothing. */
export interface Narrowing {
  dimension: Dimension;
  id: string;
}

/**
 * Picks a dimension and an id (typed, with the known ones offered) to narrow the charts to. The
 * choice applies on Apply, so the charts do not reload for every letter typed.
 */
export function DimensionPicker({
  group,
  value,
  onChange,
}: {
  group: string;
  value: Narrowing | undefined;
  onChange: (value: Narrowing | undefined) => void;
}) {
  const [dimension, setDimension] = useState<Dimension | ''>(value?.dimension ?? '');
  const [id, setId] = useState(value?.id ?? '');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const listId = useId();

  useEffect(() => {
    setDimension(value?.dimension ?? '');
    setId(value?.id ?? '');
  }, [value?.dimension, value?.id]);

  useEffect(() => {
    if (dimension === '') {
      setSuggestions([]);
      return;
    }
    let current = true;
    // Suggestions are a convenience: without them (no view right) an id can still be typed.
    suggestionsOf(dimension, group).then(
      (items) => current && setSuggestions(items),
      () => current && setSuggestions([]),
    );
    return () => {
      current = false;
    };
  }, [dimension, group]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = id.trim();
    onChange(dimension === '' || trimmed === '' ? undefined : { dimension, id: trimmed });
  };

  return (
    <form className="dimension-picker" aria-label="Narrow the charts" onSubmit={apply}>
      <Field label="Narrow to">
        <select name="dimension" value={dimension} onChange={(event) => setDimension(event.target.value as Dimension | '')}>
          <option value="">All calls</option>
          {DIMENSIONS.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Id">
        <input
          name="id"
          list={listId}
          value={id}
          disabled={dimension === ''}
          placeholder={dimension === '' ? 'Choose a dimension first' : 'Type or pick an id'}
          onChange={(event) => setId(event.target.value)}
        />
      </Field>
      {/* Outside the label: its options' text would join the field's accessible name. */}
      <datalist id={listId}>
        {suggestions.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </datalist>
      <div className="analytics-actions">
        <button type="submit">Apply</button>
        {value !== undefined && (
          <button type="button" className="secondary" onClick={() => onChange(undefined)}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
