import { useState } from 'react';
import { Field } from './field';
import { type FieldMessages, messageUnder } from './problem';

/** A JSON Schema, as far as the form reads one (the policy types' schemas use no more). */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

type Value = Record<string, unknown>;
type Scalar = 'string' | 'number' | 'integer' | 'boolean' | 'enum';
type Kind =
  | { kind: Scalar }
  | { kind: 'object' }
  | { kind: 'array'; item: Exclude<Scalar, 'boolean'> }
  | { kind: 'nullable'; of: JsonSchema }
  | { kind: 'json' };

/**
 * A form generated from a JSON Schema: objects (nested ones as groups), strings, numbers and
 * integers, booleans, enums, arrays of scalars and scalar-or-null fields; anything else (maps,
 * unions, arrays of objects) is a JSON text area. Descriptions are hints, required fields say so,
 * defaults show as the empty field's placeholder. An empty field is left out of the value, so
 * the default applies, and a later change of the default reaches it (policies store their
 * config as sent). `messages` put the API's errors beside the fields they name.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  messages,
}: {
  schema: JsonSchema;
  value: Value;
  onChange: (value: Value) => void;
  messages: FieldMessages;
}) {
  if (kindOf(schema).kind !== 'object') {
    return (
      <JsonInput
        label="Settings (JSON)"
        schema={schema}
        value={value}
        path=""
        messages={messages}
        onChange={(next) => onChange(asValue(next))}
      />
    );
  }
  const names = Object.keys(schema.properties ?? {});
  // Messages no field shows (a field the type does not have) would otherwise be lost.
  const orphans = Object.entries(messages).filter(([path]) => !names.includes(path.split('.')[0] ?? ''));
  return (
    <div className="schema-form">
      {names.length === 0 && <p className="muted">This policy type has no settings.</p>}
      {orphans.map(([path, message]) => (
        <p key={path} className="field-error" role="alert">
          {path}: {message}
        </p>
      ))}
      <ObjectFields schema={schema} value={value} path="" messages={messages} onChange={onChange} />
    </div>
  );
}

/** The fields of an object schema, one per property. */
function ObjectFields({
  schema,
  value,
  path,
  messages,
  onChange,
}: {
  schema: JsonSchema;
  value: Value;
  path: string;
  messages: FieldMessages;
  onChange: (value: Value) => void;
}) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, property]) => (
        <SchemaField
          key={name}
          name={name}
          schema={property}
          required={(schema.required ?? []).includes(name)}
          value={value[name]}
          path={path === '' ? name : `${path}.${name}`}
          messages={messages}
          // An emptied field is left out, so its default applies.
          onChange={(next) => onChange(Object.fromEntries(Object.entries({ ...value, [name]: next }).filter(([, v]) => v !== undefined)))}
        />
      ))}
    </>
  );
}

interface FieldProps {
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  path: string;
  messages: FieldMessages;
  onChange: (value: unknown) => void;
}

/** One property's control, chosen by its schema. */
function SchemaField(props: FieldProps) {
  const { name, schema, value, path, messages, onChange } = props;
  const kind = kindOf(schema);
  const label = humanize(name);
  const hint = hintOf(props);
  switch (kind.kind) {
    case 'object':
      return (
        <fieldset className="field nested">
          <legend className="field-label">{label}</legend>
          {schema.description !== undefined && <span className="hint">{schema.description}</span>}
          {messages[path] !== undefined && <span className="field-error">{messages[path]}</span>}
          <ObjectFields
            schema={schema}
            value={asValue(value)}
            path={path}
            messages={messages}
            // An object whose fields are all empty is left out: its required fields would fail.
            onChange={(next) => onChange(Object.keys(next).length === 0 ? undefined : next)}
          />
        </fieldset>
      );
    case 'boolean':
      return (
        <Field label={label} hint={hint} error={messages[path]}>
          <input
            type="checkbox"
            name={path}
            checked={typeof value === 'boolean' ? value : schema.default === true}
            onChange={(event) => onChange(event.target.checked)}
          />
        </Field>
      );
    case 'enum':
      return <EnumInput {...props} label={label} hint={hint} options={schema.enum ?? []} empty={emptyValue(props, false)} />;
    case 'array':
      if (kind.item === 'enum') return <EnumSetInput {...props} label={label} hint={hint} options={schema.items?.enum ?? []} />;
      return <LinesInput {...props} label={label} hint={hint} numbers={kind.item !== 'string'} />;
    case 'nullable': {
      const inner = { ...props, schema: { ...kind.of, default: schema.default } };
      const empty = emptyValue(props, true);
      if (kindOf(kind.of).kind === 'enum')
        return <EnumInput {...inner} label={label} hint={hint} options={kind.of.enum ?? []} empty={empty} />;
      return <TextInput {...inner} label={label} hint={hint} numbers={kindOf(kind.of).kind !== 'string'} empty={empty} />;
    }
    case 'json':
      return <JsonInput label={label} schema={schema} value={value} path={path} messages={messages} onChange={onChange} hint={hint} />;
    default:
      return <TextInput {...props} label={label} hint={hint} numbers={kind.kind !== 'string'} empty={emptyValue(props, false)} />;
  }
}

/** A string or number input; the empty field stands for `empty`. */
function TextInput({
  schema,
  value,
  path,
  messages,
  onChange,
  label,
  hint,
  numbers,
  empty,
}: FieldProps & { label: string; hint: string; numbers: boolean; empty: unknown }) {
  return (
    <Field label={label} hint={hint} error={messages[path]}>
      <input
        type={numbers ? 'number' : 'text'}
        name={path}
        value={typeof value === 'string' || typeof value === 'number' ? value : ''}
        placeholder={placeholderOf(schema.default)}
        onChange={(event) => {
          const text = event.target.value;
          if (text === '') onChange(empty);
          else onChange(numbers ? Number(text) : text);
        }}
      />
    </Field>
  );
}

/** A choice of one value of an enum; the first option stands for `empty` (the default, or none). */
function EnumInput({
  schema,
  value,
  path,
  messages,
  onChange,
  label,
  hint,
  options,
  empty,
  required,
}: FieldProps & { label: string; hint: string; options: unknown[]; empty: unknown }) {
  const chosen = options.indexOf(value);
  const emptyLabel =
    schema.default !== undefined && schema.default !== null ? `Default (${String(schema.default)})` : required ? 'Choose…' : 'None';
  return (
    <Field label={label} hint={hint} error={messages[path]}>
      <select
        name={path}
        value={chosen === -1 ? '' : String(chosen)}
        onChange={(event) => onChange(event.target.value === '' ? empty : options[Number(event.target.value)])}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option, index) => (
          <option key={String(option)} value={String(index)}>
            {String(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A set of enum values, one checkbox each (`allowMethods`, `algorithms`). */
function EnumSetInput({
  schema,
  value,
  path,
  messages,
  onChange,
  label,
  hint,
  options,
}: FieldProps & { label: string; hint: string; options: unknown[] }) {
  const current: unknown[] = Array.isArray(value) ? value : Array.isArray(schema.default) ? schema.default : [];
  return (
    <fieldset className="field">
      <legend className="field-label">{label}</legend>
      <span>
        {options.map((option) => (
          <label key={String(option)} className="inline">
            <input
              type="checkbox"
              name={`${path}.${String(option)}`}
              checked={current.includes(option)}
              // Kept in the schema's order, whatever order they were ticked in.
              onChange={(event) => onChange(options.filter((other) => (other === option ? event.target.checked : current.includes(other))))}
            />
            {String(option)}
          </label>
        ))}
      </span>
      <span className="hint">{hint}</span>
      {messageUnder(messages, path) !== undefined && <span className="field-error">{messageUnder(messages, path)}</span>}
    </fieldset>
  );
}

/** A list of strings or numbers, one a line. */
function LinesInput({
  schema,
  value,
  path,
  messages,
  onChange,
  label,
  hint,
  numbers,
}: FieldProps & { label: string; hint: string; numbers: boolean }) {
  const format = (list: unknown) => (Array.isArray(list) ? list.map(String).join('\n') : '');
  const parse = (text: string): unknown[] | undefined => {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 0) return undefined;
    // A line that is not a number is sent as typed, for the API to name it.
    return numbers ? lines.map((line) => (Number.isNaN(Number(line)) ? line : Number(line))) : lines;
  };
  const [text, setText] = useState(() => format(value));
  // The typed text (with its blank lines) while it still means the value; else the value, changed elsewhere (Reset).
  const shown = JSON.stringify(parse(text)) === JSON.stringify(value) ? text : format(value);
  return (
    <Field label={label} hint={`${hint} One a line.`} error={messageUnder(messages, path)}>
      <textarea
        name={path}
        value={shown}
        placeholder={format(schema.default)}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parse(event.target.value));
        }}
      />
    </Field>
  );
}

/** Any value as JSON text; text that does not parse is marked and not passed on. */
function JsonInput({
  label,
  schema,
  value,
  path,
  messages,
  onChange,
  hint,
}: {
  label: string;
  schema: JsonSchema;
  value: unknown;
  path: string;
  messages: FieldMessages;
  onChange: (value: unknown) => void;
  hint?: string;
}) {
  const format = (json: unknown) => (json === undefined ? '' : JSON.stringify(json, null, 2));
  const [text, setText] = useState(() => format(value));
  const parsed = parseJson(text);
  // Half-typed JSON stays as typed; valid text that no longer means the value was replaced elsewhere (Reset).
  const shown = !parsed.ok || JSON.stringify(parsed.value) === JSON.stringify(value) ? text : format(value);
  const invalid = !parseJson(shown).ok;
  return (
    <Field
      label={label}
      hint={`${hint ?? ''} JSON.`.trim()}
      error={invalid ? 'Not valid JSON: the last valid value is kept.' : messageUnder(messages, path)}
    >
      <textarea
        className="code"
        name={path === '' ? 'config' : path}
        value={shown}
        placeholder={format(schema.default)}
        onChange={(event) => {
          setText(event.target.value);
          const next = parseJson(event.target.value);
          if (next.ok) onChange(next.value);
        }}
      />
    </Field>
  );
}

/** Empty text is no value (the default applies); anything else must be JSON. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** How the schema is edited. */
function kindOf(schema: JsonSchema): Kind {
  const scalar = scalarOf(schema);
  if (scalar !== undefined) return { kind: scalar };
  // An object open to other fields (a map, an OpenAPI document) cannot be a fixed set of fields.
  if (schema.type === 'object' && schema.patternProperties === undefined && (schema.additionalProperties ?? false) === false) {
    return { kind: 'object' };
  }
  if (schema.type === 'array' && schema.items !== undefined) {
    const item = scalarOf(schema.items);
    if (item !== undefined && item !== 'boolean') return { kind: 'array', item };
  }
  const others = (schema.anyOf ?? []).filter((option) => option.type !== 'null');
  const only = others[0];
  if (schema.anyOf?.length === 2 && others.length === 1 && only !== undefined) {
    const inner = scalarOf(only);
    if (inner !== undefined && inner !== 'boolean') return { kind: 'nullable', of: only };
  }
  return { kind: 'json' };
}

function scalarOf(schema: JsonSchema): Scalar | undefined {
  if (Array.isArray(schema.enum) && schema.enum.every((option) => typeof option === 'string' || typeof option === 'number')) return 'enum';
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return schema.type;
    default:
      return undefined;
  }
}

/**
 * What an emptied field stands for: nothing (the default applies) when the field has a default
 * or is optional; for a scalar-or-null field without a default, null; for a required string, "".
 */
function emptyValue({ schema, required }: FieldProps, nullable: boolean): unknown {
  if (schema.default !== undefined) return undefined;
  if (nullable) return null;
  return required && schema.type === 'string' ? '' : undefined;
}

/** The description, and what the field needs or defaults to. */
function hintOf({ schema, required }: FieldProps): string {
  const parts = [schema.description ?? ''];
  if (schema.default === undefined && required) parts.push('Required.');
  if (schema.default !== undefined && schema.default !== null && placeholderOf(schema.default) === undefined) {
    parts.push(`Default: ${JSON.stringify(schema.default)}.`);
  }
  return parts.join(' ').trim();
}

/** A scalar default shows as the placeholder of its empty field. */
function placeholderOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? `${value}` : undefined;
}

function asValue(value: unknown): Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Value) : {};
}

/** `timeZone` → `Time zone`. */
function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
