import { CommaListInput } from '../../components/comma-list-input';
import { Field } from '../../components/field';
import type { ProblemState } from '../../components/problem';
import type { Project, ProjectInput } from './model';

/** The fields this form edits. */
type FieldValues = Pick<ProjectInput, 'name' | 'contextPath' | 'version' | 'status' | 'description' | 'tags' | 'target'>;

const STATUSES: ReadonlyArray<Project['status']> = ['active', 'deprecated', 'retired'];

/** The editable fields of a project, shared by the new-project form and Overview. */
export function ProjectFields({
  project,
  set,
  problem,
}: {
  project: FieldValues;
  set: (values: Partial<FieldValues>) => void;
  problem: ProblemState;
}) {
  const { field } = problem;
  return (
    <>
      <Field label="Name" error={field('name')}>
        <input name="name" value={project.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <div className="project-field-row">
        <Field label="Context path" hint="Where the gateway serves it, e.g. /petstore/v1" error={field('contextPath')}>
          <input name="contextPath" value={project.contextPath} onChange={(event) => set({ contextPath: event.target.value })} />
        </Field>
        <Field label="Version" hint="Name and version are unique together" error={field('version')}>
          <input name="version" value={project.version ?? '1'} onChange={(event) => set({ version: event.target.value })} />
        </Field>
        <Field label="Status" hint="Deprecated: keeps working, joins no new product; retired: cannot be deployed" error={field('status')}>
          <select
            name="status"
            value={project.status ?? 'active'}
            onChange={(event) => set({ status: event.target.value as Project['status'] })}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="project-field-row">
        <Field label="Target URL" hint="The backend, http or https" error={field('target.url') ?? field('target')}>
          <input
            name="targetUrl"
            type="url"
            value={project.target.url}
            onChange={(event) => set({ target: { ...project.target, url: event.target.value } })}
          />
        </Field>
        <Field label="Target timeout (ms)" hint="Time the backend has to answer; empty: 30000" error={field('target.timeoutMs')}>
          <input
            name="targetTimeoutMs"
            type="number"
            value={project.target.timeoutMs ?? ''}
            placeholder="30000"
            onChange={(event) =>
              set({ target: { url: project.target.url, ...(event.target.value === '' ? {} : { timeoutMs: Number(event.target.value) }) } })
            }
          />
        </Field>
      </div>
      <Field label="Description" error={field('description')}>
        <textarea name="description" value={project.description ?? ''} onChange={(event) => set({ description: event.target.value })} />
      </Field>
      <Field label="Tags" hint="Comma-separated" error={problem.under('tags', project.tags)}>
        <CommaListInput name="tags" value={project.tags ?? []} onChange={(tags) => set({ tags })} />
      </Field>
    </>
  );
}
