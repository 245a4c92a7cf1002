import { Field } from './field';

/** What {@link NameFields} edits; a description the API may leave out shows empty. */
export interface Named {
  name: string;
  description?: string | undefined;
}

/** Name and Description, how most forms begin, with the API's message beside each. */
export function NameFields({
  value,
  set,
  field,
}: {
  value: Named;
  set: (values: { name?: string; description?: string }) => void;
  field: (path: string) => string | undefined;
}) {
  return (
    <>
      <Field label="Name" error={field('name')}>
        <input name="name" value={value.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <Field label="Description" error={field('description')}>
        <textarea name="description" value={value.description ?? ''} onChange={(event) => set({ description: event.target.value })} />
      </Field>
    </>
  );
}
