import { ApiProblem } from '@tollgate/api-client';
import { type FormEvent, useState } from 'react';
import { messageOf } from '../api';

/** What a failed call left to show: a message for the banner, and per-field messages for the form. */
export interface ProblemState {
  message: string | undefined;
  /** The message for a field, by the path the API names it with (`name`, `quota.limit`, `products.0.productId`). */
  field(path: string): string | undefined;
  /** Records what a call threw (a problem with `fields` marks the fields; the rest goes to the banner). */
  show(error: unknown): void;
  clear(): void;
}

/** Keeps the last problem of a form's calls. */
export function useProblem(): ProblemState {
  const [error, setError] = useState<unknown>();
  const fields = error instanceof ApiProblem ? error.fields : {};
  return {
    message: error === undefined ? undefined : messageOf(error),
    field: (path) => fields[path] ?? fields[`body.${path}`],
    show: setError,
    clear: () => setError(undefined),
  };
}

/** Where a failure goes: a form's {@link ProblemState}, or a page's own message (login words a 401 its own way). */
export type ProblemSink = Pick<ProblemState, 'show' | 'clear'>;

/** A call a form or button makes: whether one runs, and how to make one. */
export interface Action {
  /** True while a call runs: Save, Top up and the like are disabled meanwhile, so a second click cannot send it twice. */
  busy: boolean;
  /**
   * Clears the last problem, runs `work`, and shows what it throws. It resolves either way, so
   * a caller has nothing to catch; work that has more to do on failure catches and throws again.
   */
  run(work: () => Promise<void>): Promise<void>;
  /** {@link Action.run} as a form's submit handler: the browser's own submit (a page load) is prevented first. */
  submit(work: () => Promise<void>): (event: FormEvent) => Promise<void>;
}

/**
 * The one way the dashboard makes a call from a form or a button, so every one of them clears the
 * old problem, shows the new one and keeps `busy` the same way. Failures go to `problem`.
 */
export function useAction(problem: ProblemSink): Action {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    problem.clear();
    try {
      await work();
    } catch (failure) {
      problem.show(failure);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    run,
    submit: (work) => (event) => {
      event.preventDefault();
      return run(work);
    },
  };
}

/** The banner of a problem, if any. */
export function ProblemBanner({ problem }: { problem: ProblemState }) {
  if (problem.message === undefined) return null;
  return (
    <p role="alert" className="error banner">
      {problem.message}
    </p>
  );
}
