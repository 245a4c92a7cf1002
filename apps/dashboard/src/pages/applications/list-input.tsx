import { useEffect, useState } from 'react';

const parse = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * A text input for a list of strings, comma-separated. It keeps the text as typed (a trailing
 * comma, a space) and shows the list afresh only when it changes from outside (Reset, Save).
 */
export function ListInput({
  name,
  value,
  onChange,
  label,
}: {
  name: string;
  value: readonly string[];
  onChange: (items: string[]) => void;
  label?: string;
}) {
  // The list as one string: a stable dependency, whatever array identity the parent passes.
  const joined = value.join('\n');
  const [text, setText] = useState(value.join(', '));
  useEffect(() => {
    setText((current) => (parse(current).join('\n') === joined ? current : joined.split('\n').filter(Boolean).join(', ')));
  }, [joined]);
  return (
    <input
      name={name}
      aria-label={label}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}
