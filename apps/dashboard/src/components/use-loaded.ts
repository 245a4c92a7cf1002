import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { type ProblemState, useProblem } from './problem';

/**
 * Sets what a page loaded: a new value (what a Save answered), or an update of the current one,
 * for a change made while other answers may still arrive. An update waits for the first load.
 */
export type SetLoaded<T> = (next: T | ((current: T) => T)) => void;

/**
 * What a page loaded: the value (undefined until it comes), its setter, the page's problem (a
 * failed load goes to its banner, and so can the page's own calls), and Reload.
 */
export type Loaded<T> = [value: T | undefined, setValue: SetLoaded<T>, problem: ProblemState, reload: () => Promise<void>];

/**
 * Loads what a page shows (one entity by id, a tab's figures) when it opens and again whenever
 * `deps` change, as every detail page did by hand. `load` is read afresh each render, so `deps`
 * must name everything it reads, as for `useEffect`. Reload resolves once the value or the
 * problem is shown; it never rejects. Only the newest load counts: an older answer that arrives
 * late (a slow poll, the previous id) is dropped. A load that succeeds takes back the failure
 * of an earlier one from the banner, so a poll that recovers says so. `T` is never a function
 * (an API answer), so a function given to the setter is an update.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [value, setValue] = useState<T | undefined>();
  const problem = useProblem();
  const { show, dismiss } = problem;
  // The number of the newest load, and the failure it showed (dismissed by a later success).
  const latest = useRef(0);
  const failure = useRef<unknown>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's `deps` say when `load` reads something new.
  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const answer = await load();
      if (request !== latest.current) return;
      setValue(answer);
      if (failure.current !== undefined) dismiss(failure.current);
      failure.current = undefined;
    } catch (error) {
      if (request !== latest.current) return;
      failure.current = error;
      show(error);
    }
  }, [...deps, show, dismiss]);
  useEffect(() => {
    reload();
  }, [reload]);
  const set = useCallback<SetLoaded<T>>(
    (next) =>
      setValue((current) => {
        if (typeof next !== 'function') return next;
        return current === undefined ? current : (next as (current: T) => T)(current);
      }),
    [],
  );
  return [value, set, problem, reload];
}
