import { PermissionsEditor } from '../../components/permissions-editor';
import { useProject } from './model';

/** The Permissions tab: who may view, modify and deploy this project. */
export function ProjectPermissions() {
  const { project } = useProject();
  return <PermissionsEditor collection="projects" id={project.id} />;
}
