import { NameFields } from '../../components/name-fields';

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
  return <NameFields value={group} set={set} field={field} />;
}
