import { unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { ProblemBanner, useAction } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { useServerGroup } from '../../shell/server-group';
import { useProject } from './model';

/** The Deployments tab: every server group, whether the project runs there, and Deploy or Undeploy. */
export function ProjectDeployments() {
  const { project } = useProject();
  const [chosen] = useServerGroup();
  const [failed, setFailed] = useState<string | undefined>();
  const [loaded, , problem, reload] = useLoaded(async () => {
    const [groupPage, deployed] = await Promise.all([
      unwrap(api.GET('/api/v1/server-groups', { params: { query: { limit: 100 } } })),
      unwrap(api.GET('/api/v1/projects/{id}/deployments', { params: { path: { id: project.id } } })),
    ]);
    return { groups: groupPage.items, deployments: deployed.items };
  }, [project.id]);
  const action = useAction(problem);

  const act = (group: string, deploy: boolean) =>
    action.run(async () => {
      setFailed(undefined);
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
      } catch (failure) {
        // The call's field messages show in its group's row.
        setFailed(group);
        throw failure;
      }
      await reload();
    });

  if (loaded === undefined) return <ProblemBanner problem={problem} />;
  const { groups, deployments } = loaded;
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
                      <button type="button" disabled={action.busy || project.status === 'retired'} onClick={() => act(group.id, true)}>
                        Deploy
                      </button>
                    ) : (
                      <button type="button" className="secondary" disabled={action.busy} onClick={() => act(group.id, false)}>
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
