import { useId, useState } from 'react';

/**
 * The users of a group: each with Remove, and a username to add (the known ones offered). A list
 * rather than checkboxes, since a group may hold thousands. `error(i)` is the API's message for
 * the i-th member (`members.users.1`).
 */
export function MemberList({
  members,
  known,
  onChange,
  error,
}: {
  members: ReadonlyArray<string>;
  known: ReadonlyArray<string>;
  onChange: (members: string[]) => void;
  error: (index: number) => string | undefined;
}) {
  const [adding, setAdding] = useState('');
  const listId = useId();
  const add = () => {
    const username = adding.trim();
    if (username === '' || members.includes(username)) return;
    onChange([...members, username]);
    setAdding('');
  };
  return (
    <fieldset className="field">
      <legend className="field-label">Member users</legend>
      {members.length === 0 ? (
        <span className="muted">No user yet.</span>
      ) : (
        <ul className="members">
          {members.map((member, index) => (
            <li key={member}>
              {member}
              <button
                type="button"
                className="link"
                aria-label={`Remove ${member}`}
                onClick={() => onChange(members.filter((m) => m !== member))}
              >
                Remove
              </button>
              {error(index) !== undefined && <span className="field-error">{error(index)}</span>}
            </li>
          ))}
        </ul>
      )}
      <span className="inline">
        <input
          aria-label="Username to add"
          name="addMember"
          list={listId}
          value={adding}
          placeholder="Username"
          onChange={(event) => setAdding(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the member instead of submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <datalist id={listId}>
          {known
            .filter((username) => !members.includes(username))
            .map((username) => (
              <option key={username} value={username} />
            ))}
        </datalist>
        <button type="button" className="secondary" onClick={add}>
          Add member
        </button>
      </span>
    </fieldset>
  );
}
