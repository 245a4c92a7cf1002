import { unwrap } from '@tollgate/api-client';
import { api } from '../../api';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { type ResourceInput, useProject } from './model';
import { ResourceRows } from './resource-rows';

/** The Resources tab: the paths and methods the project accepts, staged until Save. */
export function ProjectResources() {
  const { project, setProject } = useProject();
  const staged = useStaged<{ resources: ResourceInput[] }>({ resources: project.resources });
  const problem = useProblem();
  const action = useAction(problem);
  const resources = staged.draft?.resources ?? project.resources;

  const save = action.submit(async () => {
    setProject(await unwrap(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: project.id } }, body: { resources } })));
  });

  return (
    <form className="form project-form" onSubmit={save} aria-label="Resources">
      <ProblemBanner problem={problem} />
      <p className="muted">
        Paths are under the context path {project.contextPath}; a <code>{'{name}'}</code> segment matches any one segment.
      </p>
      <ResourceRows
        resources={resources}
        onChange={(next) => staged.patch({ resources: next })}
        onRestructure={problem.clear}
        field={problem.field}
        contextPath={project.contextPath}
      />
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}
