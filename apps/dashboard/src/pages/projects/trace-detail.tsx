import { type Answer, unwrap } from '@tollgate/api-client';
import { useParams } from 'react-router';
import { api } from '../../api';
import { ProblemBanner } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink } from '../../shell/server-group';
import { milliseconds } from './format';
import { useProject } from './model';

type TracedCall = Answer<'getTracedCall'>;
type Body = TracedCall['request']['body'];

/** One traced call in full: the policies' steps, the backend's timing, the request and the answer. */
export function TraceDetail() {
  const { project } = useProject();
  const { traceId = '' } = useParams();
  const [call, , problem] = useLoaded(
    () => unwrap(api.GET('/api/v1/projects/{id}/traces/{traceId}', { params: { path: { id: project.id, traceId } } })),
    [project.id, traceId],
  );

  return (
    <section aria-label="Traced call">
      <GroupLink to={`/projects/${project.id}/traces`}>← Traced calls</GroupLink>
      <ProblemBanner problem={problem} />
      {call !== undefined && (
        <>
          <h2>
            {call.request.method} {call.request.path}
            {call.request.query === '' ? '' : `?${call.request.query}`} → {call.response.status}
          </h2>
          <p className="muted">
            {new Date(call.receivedAt).toLocaleString()} · {milliseconds(call.durationMs)} · {call.serverGroupId} · node {call.nodeId}
          </p>
          <h3>Steps</h3>
          {call.steps.length === 0 ? (
            <p className="muted">No policy ran.</p>
          ) : (
            <table className="editor" aria-label="Steps">
              <thead>
                <tr>
                  <th>Flow</th>
                  <th>Policy</th>
                  <th>Outcome</th>
                  <th>Duration</th>
                </tr>
              </thead>
              <tbody>
                {call.steps.map((step, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the steps are a fixed record; one policy may run twice.
                  <tr key={index}>
                    <td>{step.flow}</td>
                    <td>
                      {step.type} {step.policyId !== step.type && <code>{step.policyId}</code>}
                    </td>
                    <td>
                      {step.outcome}
                      {step.code === undefined ? '' : ` ${step.code}`}
                      {step.status === undefined ? '' : ` (${step.status})`}
                    </td>
                    <td>{milliseconds(step.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Backend</h3>
          <p>
            {call.backend === null
              ? 'Not called (a policy answered, or the backend failed).'
              : `${call.backend.status} after ${milliseconds(call.backend.latencyMs)}`}
          </p>
          <div className="trace-columns">
            <Message title="Request" headers={call.request.headers} body={call.request.body} />
            <Message title="Response" headers={call.response.headers} body={call.response.body} />
          </div>
        </>
      )}
    </section>
  );
}

/** Headers and body of one side of the call, as recorded (credentials masked). */
function Message({ title, headers, body }: { title: string; headers: Record<string, string>; body: Body }) {
  return (
    <div>
      <h3>{title}</h3>
      <table className="editor">
        <tbody>
          {Object.entries(headers).map(([name, value]) => (
            <tr key={name}>
              <th>{name}</th>
              <td className="secret">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {body === null ? (
        <p className="muted">No body.</p>
      ) : (
        <>
          <pre className="code">{body.text}</pre>
          <p className="hint">
            {body.size} bytes{body.encoding === 'base64' ? ', base64' : ''}
            {body.truncated ? ', truncated' : ''}
          </p>
        </>
      )}
    </div>
  );
}
