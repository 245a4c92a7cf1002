import { useSearchParams } from 'react-router';
import { type AnalyticsFilter, AnalyticsPanel } from '../../components/analytics-panel';
import { useServerGroup } from '../../shell/server-group';
import { DimensionPicker, type Narrowing } from './dimension-picker';
import { DIMENSIONS } from './dimensions';

/**
 * The Analytics section: every call through the chosen server group's gateways, optionally
 * narrowed to one project, product, client, subscription or organization. The narrowing is in the
 * URL (`dimension`, `id`), so a deep link shows the same charts.
 */
export function AnalyticsPage() {
  const [group] = useServerGroup();
  const [params, setParams] = useSearchParams();
  const dimension = DIMENSIONS.find((item) => item.id === params.get('dimension'));
  const id = params.get('id') ?? '';
  const narrowing: Narrowing | undefined = dimension === undefined || id === '' ? undefined : { dimension: dimension.id, id };
  const filter: AnalyticsFilter = dimension === undefined || id === '' ? {} : { [dimension.filter]: id };

  const narrow = (next: Narrowing | undefined) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next === undefined) {
        updated.delete('dimension');
        updated.delete('id');
      } else {
        updated.set('dimension', next.dimension);
        updated.set('id', next.id);
      }
      return updated;
    });

  return (
    <section>
      <header className="page-header">
        <h1>Analytics</h1>
        <span className="muted">
          {narrowing === undefined ? 'Every call' : `${dimension?.label ?? narrowing.dimension} ${narrowing.id}`} in server group {group}
        </span>
      </header>
      <DimensionPicker group={group} value={narrowing} onChange={narrow} />
      <AnalyticsPanel filter={filter} />
    </section>
  );
}
