import { useState } from 'react';
import { SchemaForm } from '../../components/schema-form';
import { fieldsUnder, type Policy, type PolicyType, type ResourceInput } from './model';
import { PolicyScope } from './policy-scope';
import { schemaOf } from './policy-types';

/**
 * One staged policy: scope, enabled, continue on error, its settings (a form generated from its
 * type's schema), and buttons to move it within its flow or remove it. `messages` are the API's,
 * named relative to the policy (`config.limit`, `resourceId`).
 */
export function PolicyCard({
  policy,
  type,
  resources,
  messages,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  policy: Policy;
  type: PolicyType | undefined;
  resources: readonly ResourceInput[];
  messages: Readonly<Record<string, string>>;
  first: boolean;
  last: boolean;
  onChange: (policy: Policy) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const [open, setOpen] = useState(false);
  const configMessages = fieldsUnder(messages, 'config.');
  // A settings field the API complains about must be visible.
  const shown = open || Object.keys(configMessages).length > 0 || messages.config !== undefined;
  const own = ['', 'id', 'type', 'flow', 'enabled', 'continueOnError']
    .map((path) => messages[path])
    .filter((message) => message !== undefined);
  const groupMessages = Object.entries(fieldsUnder(messages, 'serverGroupConfig.'));
  const label = `Policy ${policy.id}`;
  return (
    <article className={policy.enabled ? 'policy-card' : 'policy-card disabled'} aria-label={label}>
      <header className="policy-head">
        <strong>{policy.type}</strong>
        {policy.id !== policy.type && <code>{policy.id}</code>}
        {!policy.enabled && <span className="badge">disabled</span>}
        <span className="policy-actions">
          <button type="button" className="secondary" disabled={first} onClick={() => onMove(-1)} aria-label={`Move ${policy.id} up`}>
            ↑ Up
          </button>
          <button type="button" className="secondary" disabled={last} onClick={() => onMove(1)} aria-label={`Move ${policy.id} down`}>
            ↓ Down
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(!shown)} aria-expanded={shown}>
            {shown ? 'Hide settings' : 'Settings'}
          </button>
          <button type="button" className="secondary" onClick={onRemove} aria-label={`Remove ${policy.id}`}>
            Remove
          </button>
        </span>
      </header>
      {type !== undefined && <p className="hint">{type.description}</p>}
      {type === undefined && <p className="field-error">Unknown policy type “{policy.type}”.</p>}
      {own.map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
      <div className="policy-row">
        <PolicyScope
          type={type}
          resources={resources}
          value={policy.resourceId}
          onChange={(resourceId) => onChange({ ...policy, resourceId })}
          error={messages.resourceId}
        />
        <label className="inline">
          <input
            type="checkbox"
            name="enabled"
            checked={policy.enabled}
            onChange={(event) => onChange({ ...policy, enabled: event.target.checked })}
          />
          Enabled
        </label>
        <label className="inline" title="A failure of this policy does not stop the call">
          <input
            type="checkbox"
            name="continueOnError"
            checked={policy.continueOnError}
            onChange={(event) => onChange({ ...policy, continueOnError: event.target.checked })}
          />
          Continue on error
        </label>
      </div>
      {messages.config !== undefined && (
        <p className="field-error" role="alert">
          Settings: {messages.config}
        </p>
      )}
      {shown && (
        <SchemaForm
          schema={schemaOf(type)}
          value={policy.config}
          onChange={(config) => onChange({ ...policy, config })}
          messages={configMessages}
        />
      )}
      {policy.serverGroupConfig !== undefined && Object.keys(policy.serverGroupConfig).length > 0 && (
        <p className="hint">
          Settings replaced in {Object.keys(policy.serverGroupConfig).join(', ')} (kept as they are; change them through the API).
        </p>
      )}
      {groupMessages.map(([path, message]) => (
        <p key={path} className="field-error" role="alert">
          {path}: {message}
        </p>
      ))}
    </article>
  );
}
