import { Field } from '../../components/field';

/** The editable fields of a server group, shared by the new-group form and its page. */
export interface ServerGroupInput {
  name: string;
  description: string;
}

/** Name and description, with the API's message beside each. */
export function ServerGroupFields({
  group,
  set,
  field,
}: {
  group: ServerGroupInput;
  set: (values: Partial<ServerGroupInput>) => void;
  field: (path: string) => string | undefined;
}) {
  return (
    <>
      <Field label="Name" error={field('name')}>
        <input name="name" value={group.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <Field label="Description" error={field('description')}>
        <textarea name="description" value={group.description} onChange={(event) => set({ description: event.target.value })} />
      </Field>
    </>
  );
}
