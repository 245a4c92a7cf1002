import { type Answer, unwrap } from '@tollgate/api-client';
import { api } from '../../api';
import { Field, FieldError } from '../../components/field';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';

type Criteria = Answer<'getSuccessCriteria'>;

/** The criteria as typed: status ranges and an optional header (an empty name: none). */
interface CriteriaForm {
  statuses: Array<{ from: string; to: string }>;
  headerName: string;
  headerValue: string;
}

const formOf = (criteria: Criteria): CriteriaForm => ({
  statuses: criteria.statuses.map(({ from, to }) => ({ from: String(from), to: String(to) })),
  headerName: criteria.header?.name ?? '',
  headerValue: criteria.header?.value ?? '',
});

/** Which of the product's responses are billable: status ranges and an optional header, staged until Save. */
export function SuccessCriteriaForm({ productId, criteria, onSaved }: { productId: string; criteria: Criteria; onSaved: () => void }) {
  // The tab reloads the criteria with every plan added: the unsaved edits stay (useStaged compares content).
  const saved = formOf(criteria);
  const staged = useStaged(saved);
  const problem = useProblem();
  const action = useAction(problem);
  const draft = staged.draft ?? saved;
  const setRange = (index: number, values: Partial<{ from: string; to: string }>) =>
    staged.patch({ statuses: draft.statuses.map((range, at) => (at === index ? { ...range, ...values } : range)) });
  // Adding or removing a range shifts the indices the API's messages name (`statuses.2.from`): they no longer apply.
  const setRanges = (statuses: CriteriaForm['statuses']) => {
    problem.clear();
    staged.patch({ statuses });
  };

  const save = action.submit(async () => {
    await unwrap(
      api.PUT('/api/v1/products/{id}/success-criteria', {
        params: { path: { id: productId } },
        body: {
          // Sent as typed (an empty box is 0): the API names the range that is wrong, beside it.
          statuses: draft.statuses.map(({ from, to }) => ({ from: Number(from), to: Number(to) })),
          header: draft.headerName.trim() === '' ? null : { name: draft.headerName.trim(), value: draft.headerValue },
        },
      }),
    );
    onSaved();
  });

  return (
    <form className="panel form" onSubmit={save} aria-label="Success criteria">
      <h2>Transaction success criteria</h2>
      <p className="hint">Only responses matching these are billable: a status in one of the ranges and, when set, the header.</p>
      <ProblemBanner problem={problem} />
      <fieldset className="field rows">
        <legend className="field-label">Billable statuses</legend>
        {draft.statuses.map((range, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a range is its place in the list; the API names it by index too.
          <fieldset key={index} className="row">
            <legend className="sr-only">Range {index + 1}</legend>
            <Field label="From status" error={problem.field(`statuses.${index}.from`)}>
              <input
                type="number"
                min={100}
                max={599}
                name={`status-${index}-from`}
                value={range.from}
                onChange={(event) => setRange(index, { from: event.target.value })}
              />
            </Field>
            <Field label="To status" error={problem.field(`statuses.${index}.to`)}>
              <input
                type="number"
                min={100}
                max={599}
                name={`status-${index}-to`}
                value={range.to}
                onChange={(event) => setRange(index, { to: event.target.value })}
              />
            </Field>
            <button type="button" className="secondary" onClick={() => setRanges(draft.statuses.filter((_, at) => at !== index))}>
              Remove
            </button>
          </fieldset>
        ))}
        <div>
          <button
            type="button"
            className="secondary"
            disabled={draft.statuses.length >= 20}
            onClick={() => setRanges([...draft.statuses, { from: '', to: '' }])}
          >
            Add range
          </button>
        </div>
        <FieldError message={problem.field('statuses')} />
      </fieldset>
      <div className="grid-2">
        <Field label="Header name" hint="Empty: any response in the ranges" error={problem.field('header.name') ?? problem.field('header')}>
          <input name="headerName" value={draft.headerName} onChange={(event) => staged.patch({ headerName: event.target.value })} />
        </Field>
        <Field label="Header value" error={problem.field('header.value')}>
          <input
            name="headerValue"
            value={draft.headerValue}
            disabled={draft.headerName.trim() === ''}
            onChange={(event) => staged.patch({ headerValue: event.target.value })}
          />
        </Field>
      </div>
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}
