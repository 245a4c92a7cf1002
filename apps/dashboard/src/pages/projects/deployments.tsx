import { type Answer, unwrap } from '@tollgate/api-client';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { ProblemBanner, useProblem } from '../../components/problem';
import { useServerGroup } from '../../shell/server-group';
import { useProject } from './model';

type Deployment = Answer<'listDeployments'>['items'][number];
type ServerGroup = Answer<'listServerGroups'>['items'][number];

/** The Deployments tab: every server group, whether the project runs there, and Deploy or Undeploy. */
export function ProjectDeployments() {
  const { project } = useProject();
  const [chosen] = useServerGroup();
  const [groups, setGroups] = useState<ServerGroup[] | undefined>();
  const [deployments, setDeployments] = useState<Deployment[]>([]);
  const [busy, setBusy] = useState<string | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const problem = useProblem();

  const load = useCallback(async () => {
    const [groupPage, deployed] = await Promise.all([
      unwrap(api.GET('/api/v1/server-groups', { params: { query: { limit: 100 } } })),
      unwrap(api.GET('/api/v1/projects/{id}/deployments', { params: { path: { id: project.id } } })),
    ]);
    setGroups(groupPage.items);
    setDeployments(deployed.items);
  }, [project.id]);
  useEffect(() => {
    load().catch(problem.show);
  }, [load, problem.show]);

  const act = async (group: string, deploy: boolean) => {
    setBusy(group);
    setFailed(undefined);
    problem.clear();
    try {
      if (deploy) {
        await unwrap(
          api.POST('/api/v1/projects/{id}/deployments', { params: { path: { id: project.id } }, body: { serverGroupId: group } }),
        );
      } else {
        await unwrap(
          api.DELETE('/api/v1/projects/{id}/deployments/{serverGroupId}', { params: { path: { id: project.id, serverGroupId: group } } }),
        );
      }
      await load();
    } catch (failure) {
      problem.show(failure);
      setFailed(group);
    } finally {
      setBusy(undefined);
    }
  };

  if (groups === undefined) return <ProblemBanner problem={problem} />;
  return (
    <section aria-label="Deployments">
      <ProblemBanner problem={problem} />
      {project.status === 'retired' && (
        <p className="muted">A retired project cannot be deployed: set it active or deprecated on Overview first.</p>
      )}
      {groups.length === 0 ? (
        <div className="empty">No server group exists yet. Create one under Server Groups, then deploy the project to it here.</div>
      ) : (
        <table className="editor">
          <thead>
            <tr>
              <th>Server group</th>
              <th>State</th>
              <th>Since</th>
              <th>
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const deployment = deployments.find((candidate) => candidate.serverGroupId === group.id);
              return (
                <tr key={group.id} aria-label={`Server group ${group.id}`} className={group.id === chosen ? 'chosen' : ''}>
                  <td>
                    {group.name} <span className="muted">({group.id})</span>
                  </td>
                  <td>
                    {deployment === undefined ? 'Not deployed' : `Deployed at ${deployment.contextPath}`}
                    {failed === group.id &&
                      ['contextPath', 'serverGroupId'].map(
                        (path) =>
                          problem.field(path) !== undefined && (
                            <span key={path} className="field-error" role="alert">
                              {path === 'contextPath' ? 'Context path' : 'Server group'}: {problem.field(path)}
                            </span>
                          ),
                      )}
                  </td>
                  <td>{deployment === undefined ? '–' : new Date(deployment.deployedAt).toLocaleString()}</td>
                  <td>
                    {deployment === undefined ? (
                      <button
                        type="button"
                        disabled={busy !== undefined || project.status === 'retired'}
                        onClick={() => act(group.id, true)}
                      >
                        Deploy
                      </button>
                    ) : (
                      <button type="button" className="secondary" disabled={busy !== undefined} onClick={() => act(group.id, false)}>
                        Undeploy
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deployments.length === 0 && groups.length > 0 && (
        <p className="muted">Not deployed anywhere yet: gateways answer 404 at {project.contextPath} until you deploy it to a group.</p>
      )}
    </section>
  );
}
