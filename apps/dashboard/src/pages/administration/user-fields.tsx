import { useGroups } from '../../components/directory';
import { Field } from '../../components/field';
import { Checklist } from './checklist';

/** What a user form edits; `password` empty keeps the current one. */
export interface UserInput {
  displayName: string;
  email: string;
  password: string;
  groups: string[];
}

/** Display name, e-mail, password and direct groups, with the API's message beside each. */
export function UserFields({
  user,
  set,
  field,
  passwordLabel,
}: {
  user: UserInput;
  set: (values: Partial<UserInput>) => void;
  field: (path: string) => string | undefined;
  passwordLabel: string;
}) {
  // `everyone` holds every user implicitly and cannot be listed.
  const groups = useGroups().filter((group) => group.id !== 'everyone');
  return (
    <>
      <Field label="Display name" error={field('displayName')}>
        <input name="displayName" value={user.displayName} onChange={(event) => set({ displayName: event.target.value })} />
      </Field>
      <Field label="E-mail" error={field('email')}>
        <input name="email" type="email" value={user.email} onChange={(event) => set({ email: event.target.value })} />
      </Field>
      <Field label={passwordLabel} hint="10 to 200 characters" error={field('password')}>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          value={user.password}
          onChange={(event) => set({ password: event.target.value })}
        />
      </Field>
      <Checklist
        legend="Groups"
        options={groups.map((group) => ({ id: group.id, label: group.name }))}
        chosen={user.groups}
        onChange={(chosen) => set({ groups: chosen })}
        error={(index) => field(`groups.${index}`)}
        hint="Direct memberships; every user is also in everyone."
      />
      {field('groups') !== undefined && <span className="field-error">{field('groups')}</span>}
    </>
  );
}
