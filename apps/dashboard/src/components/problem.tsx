import { ApiProblem } from '@tollgate/api-client';
import { useState } from 'react';
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

/** The banner of a problem, if any. */
export function ProblemBanner({ problem }: { problem: ProblemState }) {
  if (problem.message === undefined) return null;
  return (
    <p role="alert" className="error banner">
      {problem.message}
    </p>
  );
}
