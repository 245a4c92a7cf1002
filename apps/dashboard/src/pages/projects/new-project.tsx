import { unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { IdField, NewForm } from '../../components/new-form';
import { useProblem } from '../../components/problem';
import { useGroupNavigate } from '../../shell/server-group';
import type { ProjectInput } from './model';
import { ProjectFields } from './project-fields';
import { ResourceRows } from './resource-rows';

/** Creates an API project with its resources; its policies and deployments come next, on their tabs. */
export function NewProject() {
  const [draft, setDraft] = useState<ProjectInput>({ id: '', name: '', contextPath: '', target: { url: '' }, resources: [] });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const set = (values: Partial<ProjectInput>) => setDraft((current) => ({ ...current, ...values }));

  const create = async () => {
    // Without `policies` the API gives the project one verify-api-key policy: secure by default.
    const project = await unwrap(api.POST('/api/v1/projects', { body: { ...draft, id: draft.id === '' ? undefined : draft.id } }));
    navigate(`/projects/${project.id}/overview`);
  };

  return (
    <NewForm title="New API project" label="New project" problem={problem} onCreate={create} wide>
      <IdField value={draft.id ?? ''} onChange={(id) => set({ id })} error={problem.field('id')} />
      <ProjectFields project={draft} set={set} problem={problem} />
      <fieldset className="field">
        <legend className="field-label">Resources</legend>
        <ResourceRows
          resources={draft.resources ?? []}
          onChange={(resources) => set({ resources })}
          onRestructure={problem.clear}
          field={problem.field}
          contextPath={draft.contextPath}
        />
      </fieldset>
      <p className="hint">
        A new project checks an API key on every call (a verify-api-key policy); change that on its Policies tab, then deploy it.
      </p>
    </NewForm>
  );
}
