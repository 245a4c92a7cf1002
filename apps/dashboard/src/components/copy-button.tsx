import { type RefObject, useEffect, useState } from 'react';

/** What the button last did: nothing yet, copied, or selected the text for the user to copy. */
type Outcome = 'idle' | 'copied' | 'selected';

/**
 * Copies `value` to the clipboard and says so. The clipboard API exists only on HTTPS and
 * localhost (a dashboard reached over plain HTTP on a LAN has none), and the browser may refuse
 * it: then the text of `target`, the element showing the value, is selected instead, and the
 * button says to press Ctrl+C, so the value can still be copied.
 */
export function CopyButton({ value, target, label = 'Copy' }: { value: string; target: RefObject<HTMLElement | null>; label?: string }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');
  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome('idle'), 2000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    // Typed as always there, but undefined outside a secure context.
    const clipboard: Clipboard | undefined = navigator.clipboard;
    try {
      if (clipboard === undefined) throw new Error('no clipboard here');
      await clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      selectText(target.current);
      setOutcome('selected');
    }
  };

  return (
    <>
      <button type="button" className="secondary" onClick={copy}>
        {outcome === 'copied' ? 'Copied' : label}
      </button>
      {outcome === 'selected' && (
        <span className="hint" role="status">
          Selected: press Ctrl+C (⌘C on a Mac) to copy.
        </span>
      )}
    </>
  );
}

/** Selects the text of `element`, as a triple click would. */
function selectText(element: HTMLElement | null): void {
  const selection = window.getSelection();
  if (element === null || selection === null) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
