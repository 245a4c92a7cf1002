import { useEffect, useState } from 'react';

/**
 * The items of one list call, to offer in a select, a checklist or a datalist: undefined while
 * loading. A list that fails to load offers nothing: the form still takes typed values, and the
 * API names any that does not exist on Save. `load` must be stable (a module-level function).
 */
export function useItems<T>(load: () => Promise<{ items: T[] }>): T[] | undefined {
  const [items, setItems] = useState<T[] | undefined>();
  useEffect(() => {
    let current = true;
    load().then(
      (answer) => current && setItems(answer.items),
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return items;
}
