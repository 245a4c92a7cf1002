import { unwrap } from '@tollgate/api-client';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../components/field';
import { ProblemBanner, useProblem } from '../../components/problem';
import { useServerGroup } from '../../shell/server-group';
import type { ProjectInput } from './model';
import { ProjectFields } from './project-fields';
import { ResourceRows } from './resource-rows';

/** Creates an API project with its resources; its policies and deployments come next, on their tabs. */
export function NewProject() {
  const [group] = useServerGroup();
  const [draft, setDraft] = useState<ProjectInput>({ id: '', name: '', contextPath: '', target: { url: '' }, resources: [] });
  const problem = useProblem();
  const navigate = useNavigate();
  const set = (values: Partial<ProjectInput>) => setDraft((current) => ({ ...current, ...values }));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    problem.clear();
    try {
      // Without `policies` the API gives the project one verify-api-key policy: secure by default.
      const project = await unwrap(api.POST('/api/v1/projects', { body: { ...draft, id: draft.id === '' ? undefined : draft.id } }));
      navigate(`/projects/${project.id}/overview?group=${encodeURIComponent(group)}`);
    } catch (failure) {
      problem.show(failure);
    }
  };

  return (
    <section>
      <h1>New API project</h1>
      <form className="form project-form" onSubmit={create} aria-label="New project">
        <ProblemBanner problem={problem} />
        <Field label="Id" hint="Lower-case letters, digits, . _ -; empty: generated" error={problem.field('id')}>
          <input name="id" value={draft.id ?? ''} onChange={(event) => set({ id: event.target.value })} />
        </Field>
        <ProjectFields project={draft} set={set} field={problem.field} />
        <fieldset className="field">
          <legend className="field-label">Resources</legend>
          <ResourceRows
            resources={draft.resources ?? []}
            onChange={(resources) => set({ resources })}
            field={problem.field}
            contextPath={draft.contextPath}
          />
        </fieldset>
        <p className="hint">
          A new project checks an API key on every call (a verify-api-key policy); change that on its Policies tab, then deploy it.
        </p>
        <div>
          <button type="submit">Create</button>
        </div>
      </form>
    </section>
  );
}
