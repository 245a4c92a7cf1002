import { AnalyticsPanel } from '../../components/analytics-panel';
import { useProject } from './model';

/** The Analytics tab: this project's calls in the chosen server group. */
export function ProjectAnalytics() {
  const { project } = useProject();
  return <AnalyticsPanel filter={{ projectId: project.id }} />;
}
