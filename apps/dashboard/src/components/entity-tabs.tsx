import { useMemo } from 'react';
import { useParams } from 'react-router';
import { type AnalyticsFilter, AnalyticsPanel } from './analytics-panel';
import { type PermissionCollection, PermissionsEditor } from './permissions-editor';

/** The tabs every Applications detail page has; products, clients and subscriptions add Monetization. */
export function detailTabs(monetization: boolean): Array<{ id: string; label: string }> {
  return [
    { id: 'configuration', label: 'Configuration' },
    { id: 'analytics', label: 'Analytics' },
    { id: 'permissions', label: 'Permissions' },
    ...(monetization ? [{ id: 'monetization', label: 'Monetization' }] : []),
  ];
}

/** The Analytics tab: the charts narrowed to the item of the URL (`filterOf` names the filter). */
export function AnalyticsTab({ filterOf }: { filterOf: (id: string) => AnalyticsFilter }) {
  const { id = '' } = useParams();
  // One filter object per item, so the panel does not reload on every render of the page.
  const filter = useMemo(() => filterOf(id), [filterOf, id]);
  return <AnalyticsPanel filter={filter} />;
}

/** The Permissions tab: who may view and change the item of the URL. */
export function PermissionsTab({ collection }: { collection: PermissionCollection }) {
  const { id = '' } = useParams();
  return <PermissionsEditor collection={collection} id={id} />;
}
