import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { type ProblemState, useProblem } from './problem';

/**
 * What a page loaded: the value (undefined until it comes), a setter for what a Save answers, the
 * page's problem (a failed load goes to its banner, and so can the page's own calls), and Reload.
 */
export type Loaded<T> = [value: T | undefined, setValue: (value: T) => void, problem: ProblemState, reload: () => Promise<void>];

/**
 * Loads what a page shows (one entity by id, a tab's figures) when it opens and again whenever
 * `deps` change, as every detail page did by hand. `load` is read afresh each render, so `deps`
 * must name everything it reads, as for `useEffect`. Reload resolves once the value or the
 * problem is shown; it never rejects.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [value, setValue] = useState<T | undefined>();
  const problem = useProblem();
  const show = problem.show;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's `deps` say when `load` reads something new.
  const reload = useCallback(() => load().then(setValue, show), [...deps, show]);
  useEffect(() => {
    reload();
  }, [reload]);
  return [value, setValue, problem, reload];
}
