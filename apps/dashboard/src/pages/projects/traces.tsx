import { type Answer, unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { Field } from '../../components/field';
import { ProblemBanner, type ProblemState, useAction } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink, useServerGroup, useServerGroupIds } from '../../shell/server-group';
import { milliseconds } from './format';
import { useProject } from './model';

type Session = NonNullable<Answer<'getTrace'>>;

/** How often the list looks for new traced calls while a session runs. */
const REFRESH_MS = 2_000;

/**
 * The Traces tab: start or stop a trace session (the gateways then record the project's next
 * calls in full, credentials masked) and the traced calls, newest first, each with a link to
 * its steps.
 */
export function ProjectTraces() {
  const { project } = useProject();
  const [calls, , problem, loadCalls] = useLoaded(
    () =>
      unwrap(api.GET('/api/v1/projects/{id}/traces', { params: { path: { id: project.id }, query: { limit: 50 } } })).then(
        (page) => page.items,
      ),
    [project.id],
  );
  const action = useAction(problem);
  // undefined while loading; null when no session runs.
  const [session, setSession] = useState<Session | null | undefined>();
  useEffect(() => {
    unwrap(api.GET('/api/v1/projects/{id}/trace', { params: { path: { id: project.id } } })).then(setSession, problem.show);
  }, [project.id, problem.show]);

  // New calls show up without a reload while the session runs.
  const running = session != null && Date.parse(session.expiresAt) > Date.now();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(loadCalls, REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, loadCalls]);

  const stop = () =>
    action.run(async () => {
      await unwrap(api.DELETE('/api/v1/projects/{id}/trace', { params: { path: { id: project.id } } }));
      setSession(null);
    });

  return (
    <section aria-label="Traces">
      <ProblemBanner problem={problem} />
      {session === undefined ? null : running && session !== null ? (
        <div className="trace-session" role="status">
          <p>
            Tracing the next {session.maxCalls} calls through {session.serverGroupId ?? 'every server group'} until{' '}
            {new Date(session.expiresAt).toLocaleTimeString()}.
          </p>
          <button type="button" className="secondary" disabled={action.busy} onClick={stop}>
            Stop trace
          </button>
        </div>
      ) : (
        <StartTrace onStarted={setSession} problem={problem} />
      )}
      <header className="page-header">
        <h2>Traced calls</h2>
        <button type="button" className="secondary" onClick={loadCalls}>
          Refresh
        </button>
      </header>
      {calls !== undefined && calls.length === 0 ? (
        <div className="empty">
          {running
            ? 'No call traced yet: call the API through a gateway; calls show up here within a few seconds.'
            : 'No traced calls. Start a trace, then call the API through a gateway of the server group.'}
        </div>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Call</th>
              <th>Status</th>
              <th>Duration</th>
              <th>Received</th>
              <th>Server group</th>
            </tr>
          </thead>
          <tbody>
            {calls?.map((call) => (
              <tr key={call.id}>
                <td>
                  <GroupLink to={`/projects/${project.id}/traces/${call.id}`}>
                    {call.method} {call.path}
                  </GroupLink>
                </td>
                <td>{call.status}</td>
                <td>{milliseconds(call.durationMs)}</td>
                <td>{new Date(call.receivedAt).toLocaleString()}</td>
                <td>{call.serverGroupId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The settings of a new trace session: how long, how many calls, which server group. */
function StartTrace({ onStarted, problem }: { onStarted: (session: Session) => void; problem: ProblemState }) {
  const { project } = useProject();
  const [chosen] = useServerGroup();
  const groups = useServerGroupIds() ?? [];
  const [durationMinutes, setDurationMinutes] = useState('10');
  const [maxCalls, setMaxCalls] = useState('100');
  const [serverGroupId, setServerGroupId] = useState(chosen);
  const action = useAction(problem);
  const start = action.submit(async () => {
    onStarted(
      await unwrap(
        api.POST('/api/v1/projects/{id}/trace', {
          params: { path: { id: project.id } },
          body: {
            durationMinutes: Number(durationMinutes),
            maxCalls: Number(maxCalls),
            ...(serverGroupId === '' ? {} : { serverGroupId }),
          },
        }),
      ),
    );
  });

  return (
    <form className="trace-start" onSubmit={start} aria-label="Start trace" noValidate>
      <Field label="Minutes" hint="1–60" error={problem.field('durationMinutes')}>
        <input name="durationMinutes" type="number" value={durationMinutes} onChange={(event) => setDurationMinutes(event.target.value)} />
      </Field>
      <Field label="At most calls" hint="1–1000" error={problem.field('maxCalls')}>
        <input name="maxCalls" type="number" value={maxCalls} onChange={(event) => setMaxCalls(event.target.value)} />
      </Field>
      <Field label="Through" error={problem.field('serverGroupId')}>
        <select name="serverGroupId" value={serverGroupId} onChange={(event) => setServerGroupId(event.target.value)}>
          <option value="">every server group</option>
          {groups.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={action.busy}>
        Start trace
      </button>
    </form>
  );
}
