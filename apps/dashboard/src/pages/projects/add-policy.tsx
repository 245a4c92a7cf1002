import { useState } from 'react';
import { Field } from '../../components/field';
import { SchemaForm } from '../../components/schema-form';
import { FLOWS, type Flow, type Policy, type PolicyType, type ResourceInput } from './model';
import { PolicyScope } from './policy-scope';
import { freeId, schemaOf } from './policy-types';

/**
 * Adds a policy to a flow: a type that runs in it, its scope and id, and its settings in the
 * form its schema generates. The policy is staged; the Policies tab saves it with the rest.
 */
export function AddPolicy({
  flow,
  types,
  resources,
  taken,
  onAdd,
}: {
  flow: Flow;
  types: readonly PolicyType[];
  resources: readonly ResourceInput[];
  taken: readonly string[];
  onAdd: (policy: Policy) => void;
}) {
  const [open, setOpen] = useState(false);
  const [typeName, setTypeName] = useState('');
  const [id, setId] = useState('');
  const [resourceId, setResourceId] = useState<string | undefined>();
  const [config, setConfig] = useState<Record<string, unknown>>({});
  const available = types.filter((type) => type.flows.includes(flow));
  const type = available.find((candidate) => candidate.name === typeName);
  const flowLabel = FLOWS.find((candidate) => candidate.id === flow)?.label ?? flow;

  const close = () => {
    setOpen(false);
    setTypeName('');
    setConfig({});
    setResourceId(undefined);
  };
  const choose = (name: string) => {
    setTypeName(name);
    setId(freeId(name, taken));
    setConfig({});
    // A type that cannot apply to the whole project starts on the first resource.
    const next = available.find((candidate) => candidate.name === name);
    setResourceId(next !== undefined && !next.scopes.includes('project') ? resources[0]?.id : undefined);
  };

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Add policy to {flowLabel.toLowerCase()}
      </button>
    );
  }
  const idProblem = id === '' ? 'Give the policy an id.' : taken.includes(id) ? 'Another policy of this project has this id.' : undefined;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would be a form control group inside the Policies form's own fieldsets.
    <div className="policy-card new-policy" role="group" aria-label={`New policy in ${flowLabel.toLowerCase()}`}>
      <Field label="Type" hint={type?.description ?? `The types that run in the ${flowLabel.toLowerCase()} flow.`}>
        <select name="type" value={typeName} onChange={(event) => choose(event.target.value)}>
          <option value="">Choose a policy type…</option>
          {available.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </select>
      </Field>
      {type !== undefined && (
        <>
          <div className="policy-row">
            <Field label="Id" hint="Names the policy in traces and in its counters" error={idProblem}>
              <input name="id" value={id} onChange={(event) => setId(event.target.value)} />
            </Field>
            <PolicyScope type={type} resources={resources} value={resourceId} onChange={setResourceId} error={undefined} />
          </div>
          <SchemaForm key={type.name} schema={schemaOf(type)} value={config} onChange={setConfig} messages={{}} />
        </>
      )}
      <div className="save-bar">
        <button
          type="button"
          disabled={type === undefined || idProblem !== undefined}
          onClick={() => {
            if (type === undefined) return;
            onAdd({
              id,
              type: type.name,
              flow,
              enabled: true,
              continueOnError: false,
              config,
              ...(resourceId === undefined ? {} : { resourceId }),
            });
            close();
          }}
        >
          Add
        </button>
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
