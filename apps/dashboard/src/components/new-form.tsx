import type { ReactNode } from 'react';
import { Field } from './field';
import { ProblemBanner, type ProblemState, useAction } from './problem';

/**
 * The frame of every "New …" page: the title, the form with the banner, the page's fields, and
 * Create. `onCreate` makes the call and goes to what it made; its failure goes to `problem`, which
 * the page also hands its fields for their messages. `wide` is the project pages' wider form,
 * where Create keeps its own width rather than the form's.
 */
export function NewForm({
  title,
  label = title,
  problem,
  onCreate,
  wide = false,
  children,
}: {
  title: string;
  /** The form's accessible name, when it says less than the title. */
  label?: string;
  problem: ProblemState;
  onCreate: () => Promise<void>;
  wide?: boolean;
  children: ReactNode;
}) {
  const action = useAction(problem);
  // Disabled while the call runs: a second click would create a second item.
  const create = (
    <button type="submit" disabled={action.busy}>
      Create
    </button>
  );
  return (
    <section>
      <h1>{title}</h1>
      <form className={wide ? 'form project-form' : 'form'} onSubmit={action.submit(onCreate)} aria-label={label}>
        <ProblemBanner problem={problem} />
        {children}
        {wide ? <div>{create}</div> : create}
      </form>
    </section>
  );
}

/** The id of a new item: typed, or left empty for the API to make one. */
export function IdField({ value, onChange, error }: { value: string; onChange: (id: string) => void; error: string | undefined }) {
  return (
    <Field label="Id" hint="Lower-case letters, digits, . _ -; empty: generated" error={error}>
      <input name="id" value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}
