import { ApiProblem } from '@tollgate/api-client';
import { type FormEvent, useCallback, useState } from 'react';
import { messageOf } from '../api';

/** Messages by field path, dotted as the API names them (`name`, `quota.limit`, `products.0.productId`). */
export type FieldMessages = Readonly<Record<string, string>>;

/** What a failed call left to show: a message for the banner, and per-field messages for the form. */
export interface ProblemState {
  message: string | undefined;
  /** The message for a field, by the path the API names it with (`name`, `quota.limit`, `products.0.productId`). */
  field(path: string): string | undefined;
  /** The message of a list or object field, else of the first field inside it: see {@link messageUnder}. */
  under(path: string, items?: readonly unknown[]): string | undefined;
  /** Records what a call threw (a problem with `fields` marks the fields; the rest goes to the banner). Stable across renders. */
  show(error: unknown): void;
  /** Forgets the problem. Stable across renders. */
  clear(): void;
  /**
   * Forgets the problem only if it is still `error`: a load that succeeds again takes back its own
   * failure, not one a Save showed since. Stable across renders.
   */
  dismiss(error: unknown): void;
}

/**
 * The message for `path` or, when it has none, the first message inside it, which says where:
 * `allow.1` under `allow` reads `1: …`, or `ops@x: …` when `items` (the list's values) name
 * index 1. A list field shows as one input, so its items' messages would otherwise be lost.
 * An empty `path` is the whole value.
 */
export function messageUnder(messages: FieldMessages, path: string, items?: readonly unknown[]): string | undefined {
  const own = messages[path];
  if (own !== undefined) return own;
  const inside = Object.entries(messages).find(([key]) => path === '' || key.startsWith(`${path}.`));
  if (inside === undefined) return undefined;
  const [key, message] = inside;
  const rest = path === '' ? key : key.slice(path.length + 1);
  const index = /^\d+$/.test(rest) ? Number(rest) : undefined;
  const item = index === undefined ? undefined : items?.[index];
  return `${item === undefined ? rest : String(item)}: ${message}`;
}

const NO_FIELDS: FieldMessages = {};

/** Keeps the last problem of a form's calls. */
export function useProblem(): ProblemState {
  const [error, setError] = useState<unknown>();
  const fields = error instanceof ApiProblem ? error.fields : NO_FIELDS;
  const clear = useCallback(() => setError(undefined), []);
  const dismiss = useCallback((shown: unknown) => setError((current: unknown) => (current === shown ? undefined : current)), []);
  return {
    message: error === undefined ? undefined : messageOf(error),
    field: (path) => fields[path],
    under: (path, items) => messageUnder(fields, path, items),
    show: setError,
    clear,
    dismiss,
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
