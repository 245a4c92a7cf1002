import { useEffect, useState } from 'react';

/** A form's edits over what is saved: see {@link useStaged}. */
export interface Staged<T> {
  /** The edited values; undefined until `saved` is. */
  draft: T | undefined;
  /** Whether the draft differs from what is saved. */
  dirty: boolean;
  /** Stages new values of some fields. */
  patch(values: Partial<T>): void;
  /** Drops the edits: back to what is saved. */
  reset(): void;
  /**
   * Starts the draft over from what a Save answered. For a Save whose API may drop an edit (an
   * entry that says nothing): the saved content is then the same as before, so the draft would
   * not follow it by itself.
   */
  resetTo(value: T): void;
}

/**
 * A form's edits, staged until Save. The draft starts over when what is saved changes content,
 * not identity: a page that reloads or rebuilds the same value (a key issued elsewhere on the
 * page, a tab's reload) keeps the edits, so callers may pass a fresh object every render.
 */
export function useStaged<T extends object>(saved: T | undefined): Staged<T> {
  const [draft, setDraft] = useState<T | undefined>(saved);
  const savedText = saved === undefined ? undefined : JSON.stringify(saved);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `savedText` stands for `saved`: only a change of content resets.
  useEffect(() => setDraft(saved), [savedText]);
  const dirty = savedText !== undefined && draft !== undefined && savedText !== JSON.stringify(draft);
  return {
    draft,
    dirty,
    patch(values) {
      setDraft((current) => (current === undefined ? current : { ...current, ...values }));
    },
    reset: () => setDraft(saved),
    resetTo: setDraft,
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
