import { useEffect, useState } from 'react';

/** A form's edits, staged until Save: the draft, whether it differs from what is saved, and Reset. */
export function useStaged<T extends object>(saved: T | undefined) {
  const [draft, setDraft] = useState<T | undefined>(saved);
  useEffect(() => setDraft(saved), [saved]);
  const dirty = saved !== undefined && draft !== undefined && JSON.stringify(saved) !== JSON.stringify(draft);
  return {
    draft,
    dirty,
    /** Stages new values of some fields. */
    patch(values: Partial<T>) {
      setDraft((current) => (current === undefined ? current : { ...current, ...values }));
    },
    reset: () => setDraft(saved),
  };
}

/** Save and Reset, and the mark of unsaved edits. */
export function SaveBar({ dirty, busy, onReset }: { dirty: boolean; busy: boolean; onReset: () => void }) {
  return (
    <div className="save-bar">
      {dirty && <span className="unsaved">Unsaved changes</span>}
      <button type="submit" disabled={!dirty || busy}>
        Save
      </button>
      <button type="button" className="secondary" disabled={!dirty || busy} onClick={onReset}>
        Reset
      </button>
    </div>
  );
}
