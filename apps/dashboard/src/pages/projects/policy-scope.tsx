import { Field } from '../../components/field';
import { type PolicyType, type ResourceInput, resourceLabel } from './model';

/** Where a policy applies: the whole project or one resource, as far as its type allows. */
export function PolicyScope({
  type,
  resources,
  value,
  onChange,
  error,
}: {
  type: PolicyType | undefined;
  resources: readonly ResourceInput[];
  value: string | undefined;
  onChange: (resourceId: string | undefined) => void;
  error: string | undefined;
}) {
  const scopes = type?.scopes ?? ['project', 'resource'];
  const known = resources.some((resource) => resource.id === value);
  return (
    <Field label="Scope" error={error}>
      <select name="scope" value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}>
        {(scopes.includes('project') || value === undefined) && <option value="">Whole project</option>}
        {scopes.includes('resource') &&
          resources.map(
            (resource) =>
              resource.id !== undefined && (
                <option key={resource.id} value={resource.id}>
                  {resourceLabel(resource)}
                </option>
              ),
          )}
        {value !== undefined && !known && <option value={value}>Resource {value} (not in the project)</option>}
      </select>
    </Field>
  );
}
