import { unwrap } from '@tollgate/api-client';
import { api } from '../../api';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { type ProjectInput, useProject } from './model';
import { ProjectFields } from './project-fields';

/** The Overview tab: the project's own fields, staged until Save, and what it holds. */
export function ProjectOverview() {
  const { project, setProject } = useProject();
  const staged = useStaged<ProjectInput>(project);
  const problem = useProblem();
  const action = useAction(problem);
  const draft = staged.draft ?? project;

  const save = action.submit(async () => {
    const { name, description, contextPath, version, status, tags, target } = draft;
    setProject(
      await unwrap(
        api.PATCH('/api/v1/projects/{id}', {
          params: { path: { id: project.id } },
          body: { name, description, contextPath, version, status, tags, target },
        }),
      ),
    );
  });

  return (
    <form className="form" onSubmit={save} aria-label="Project overview">
      <ProblemBanner problem={problem} />
      <dl className="project-facts">
        <dt>Id</dt>
        <dd>{project.id}</dd>
        <dt>Resources</dt>
        <dd>{project.resources.length === 0 ? 'none: every path' : project.resources.length}</dd>
        <dt>Policies</dt>
        <dd>
          {project.policies.length} ({project.policies.filter((policy) => policy.enabled).length} enabled)
        </dd>
        <dt>Updated</dt>
        <dd>{new Date(project.updatedAt).toLocaleString()}</dd>
      </dl>
      <ProjectFields project={draft} set={staged.patch} problem={problem} />
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}
