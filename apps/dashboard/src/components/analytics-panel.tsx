/** What an Analytics tab narrows the charts to (with the chosen server group). */
export interface AnalyticsFilter {
  projectId?: string;
  productId?: string;
  clientId?: string;
  subscriptionId?: string;
  organizationId?: string;
}

/** The charts of one entity's Analytics tab (and of the Analytics section). Built by the analytics work. */
export function AnalyticsPanel(_props: { filter: AnalyticsFilter }) {
  return <p className="muted">Loading analytics…</p>;
}
