import { type FormEvent, useEffect, useState } from 'react';
import { Field } from '../../components/field';
import { type AuditFilters, fromLocalInput, OUTCOMES, TARGET_TYPES, toLocalInput } from './audit-query';

/** The audit log's filters; they apply on Apply, each with the API's message beside it. */
export function AuditFilterForm({
  filters,
  onApply,
  field,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  field: (name: string) => string | undefined;
}) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (values: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...values }));
  const error = (name: string) => field(`query.${name}`) ?? field(name);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, actor: draft.actor.trim(), targetId: draft.targetId.trim(), action: draft.action.trim() });
  };
  const empty: AuditFilters = { actor: '', targetType: '', targetId: '', action: '', outcome: '', from: '', to: '' };

  return (
    <form className="filters" aria-label="Filter the audit log" onSubmit={apply}>
      <Field label="Actor" error={error('actor')}>
        <input
          name="actor"
          placeholder="username, bootstrap, anonymous"
          value={draft.actor}
          onChange={(event) => set({ actor: event.target.value })}
        />
      </Field>
      <Field label="Action" error={error('action')}>
        <input
          name="action"
          placeholder="createUser, login, …"
          value={draft.action}
          onChange={(event) => set({ action: event.target.value })}
        />
      </Field>
      <Field label="Outcome" error={error('outcome')}>
        <select name="outcome" value={draft.outcome} onChange={(event) => set({ outcome: event.target.value })}>
          <option value="">Any outcome</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Target type" error={error('targetType')}>
        <select name="targetType" value={draft.targetType} onChange={(event) => set({ targetType: event.target.value })}>
          <option value="">Any type</option>
          {TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Target id" error={error('targetId')}>
        <input name="targetId" value={draft.targetId} onChange={(event) => set({ targetId: event.target.value })} />
      </Field>
      <Field label="From" error={error('from')}>
        <input
          name="from"
          type="datetime-local"
          value={toLocalInput(draft.from)}
          onChange={(event) => set({ from: fromLocalInput(event.target.value) })}
        />
      </Field>
      <Field label="To" error={error('to')}>
        <input
          name="to"
          type="datetime-local"
          value={toLocalInput(draft.to)}
          onChange={(event) => set({ to: fromLocalInput(event.target.value) })}
        />
      </Field>
      <div className="analytics-actions">
        <button type="submit">Apply</button>
        <button type="button" className="secondary" onClick={() => onApply(empty)}>
          Clear
        </button>
      </div>
    </form>
  );
}
