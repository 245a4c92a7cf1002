import { unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { type FieldMessages, ProblemBanner, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { AddPolicy } from './add-policy';
import { FLOWS, fieldsOf, fieldsUnder, type Policy, useProject } from './model';
import { PolicyCard } from './policy-card';
import { usePolicyTypes } from './policy-types';

/**
 * The Policies tab: the project's policies per flow, each for the whole project or one resource.
 * Adding, editing, reordering, enabling and removing are staged, and saved with one PATCH of
 * `policies`; the API's messages (`policies.2.config.limit`) show at that policy's field.
 */
export function ProjectPolicies() {
  const { project, setProject } = useProject();
  const staged = useStaged({ policies: project.policies });
  const problem = useProblem();
  const [fields, setFields] = useState<FieldMessages>({});
  const action = useAction(problem);
  const types = usePolicyTypes(problem.show);
  const policies = staged.draft?.policies ?? project.policies;

  const edit = (next: Policy[]) => staged.patch({ policies: next });
  // Adding, moving or removing shifts the indices the API's messages name: they no longer apply.
  const restructure = (next: Policy[]) => {
    setFields({});
    edit(next);
  };
  const move = (index: number, by: -1 | 1) => {
    const policy = policies[index];
    const sameFlow = policies.flatMap((other, at) => (other.flow === policy?.flow ? [at] : []));
    const target = sameFlow[sameFlow.indexOf(index) + by];
    const other = target === undefined ? undefined : policies[target];
    if (policy === undefined || target === undefined || other === undefined) return;
    restructure(policies.map((current, at) => (at === index ? other : at === target ? policy : current)));
  };

  const save = action.submit(async () => {
    setFields({});
    try {
      setProject(await unwrap(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: project.id } }, body: { policies } })));
    } catch (failure) {
      // Each policy's messages go beside its fields too; the banner still says what failed.
      setFields(fieldsOf(failure));
      throw failure;
    }
  });

  return (
    // The API checks every value: the browser's own checks would stop the form before it can say which.
    <form className="form project-form" onSubmit={save} aria-label="Policies" noValidate>
      <ProblemBanner problem={problem} />
      <p className="hint">
        Within a flow, whole-project policies run before resource ones, and each by its type’s priority (access, authentication, traffic,
        security, transformation); the order here decides between policies of one type.
      </p>
      {types === undefined ? (
        <p className="muted">Loading policy types…</p>
      ) : (
        FLOWS.map((flow) => {
          const inFlow = policies.flatMap((policy, index) => (policy.flow === flow.id ? [{ policy, index }] : []));
          return (
            <section key={flow.id} className="policy-flow" aria-label={flow.label}>
              <h2>{flow.label}</h2>
              <p className="hint">{flow.hint}</p>
              {inFlow.length === 0 && <p className="muted">No policy in this flow. Add one below if calls need it here.</p>}
              {inFlow.map(({ policy, index }, position) => (
                <PolicyCard
                  key={policy.id}
                  policy={policy}
                  type={types.find((type) => type.name === policy.type)}
                  resources={project.resources}
                  messages={messagesOf(fields, index)}
                  first={position === 0}
                  last={position === inFlow.length - 1}
                  onChange={(changed) => edit(policies.map((current, at) => (at === index ? changed : current)))}
                  onMove={(by) => move(index, by)}
                  onRemove={() => restructure(policies.filter((_, at) => at !== index))}
                />
              ))}
              <AddPolicy
                flow={flow.id}
                types={types}
                resources={project.resources}
                taken={policies.map((policy) => policy.id)}
                onAdd={(policy) => restructure([...policies, policy])}
              />
            </section>
          );
        })
      )}
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}

/** The messages of the policy at `index`, named relative to it (its own under ""). */
function messagesOf(fields: FieldMessages, index: number): FieldMessages {
  const own = fields[`policies.${index}`];
  return { ...fieldsUnder(fields, `policies.${index}.`), ...(own === undefined ? {} : { '': own }) };
}
