import type { ReactNode } from 'react';

/** A labelled form control with the API's message for it beside it. */
export function Field({ label, error, hint, children }: { label: string; error?: string | undefined; hint?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child, which the label wraps.
    <label className={error === undefined ? 'field' : 'field invalid'}>
      <span className="field-label">{label}</span>
      {children}
      {hint !== undefined && <span className="hint">{hint}</span>}
      <FieldError message={error} />
    </label>
  );
}

/** The API's (or the form's own) message for a field, announced as it appears; nothing without one. */
export function FieldError({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <span className="field-error" role="alert">
      {message}
    </span>
  );
}
