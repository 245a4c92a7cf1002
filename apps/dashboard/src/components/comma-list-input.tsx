import { type InputHTMLAttributes, useState } from 'react';

const parse = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * A comma-separated list in one input. The text is kept as typed while it means the same list,
 * so a trailing comma or space survives until the next item is typed.
 */
export function CommaListInput({
  value,
  onChange,
  ...props
}: { value: readonly string[]; onChange: (value: string[]) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value.join(', '));
  const shown = JSON.stringify(parse(text)) === JSON.stringify(value) ? text : value.join(', ');
  return (
    <input
      {...props}
      value={shown}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}
