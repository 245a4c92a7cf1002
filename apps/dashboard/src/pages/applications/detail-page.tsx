import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { ProblemBanner, type ProblemState } from '../../components/problem';
import { Tabs } from '../../components/tabs';
import { detailTabs } from './entity-tabs';

/**
 * The frame of an Applications detail page: the item's name and id (and status), the banner of
 * its load, its tabs, and the tab chosen, which reads `context` once the item has loaded.
 */
export function DetailPage({
  title,
  subtitle,
  badge,
  problem,
  base,
  monetization,
  context,
}: {
  title: string;
  subtitle: ReactNode;
  badge?: ReactNode;
  problem: ProblemState;
  /** The page's path, under which each tab has its own. */
  base: string;
  monetization: boolean;
  /** What the tabs share; undefined while the item loads, when no tab shows. */
  context: object | undefined;
}) {
  return (
    <section>
      <header className="page-header">
        <h1>{title}</h1>
        <span className="muted">{subtitle}</span>
        {badge}
      </header>
      <ProblemBanner problem={problem} />
      <Tabs base={base} tabs={detailTabs(monetization)} />
      {context !== undefined && <Outlet context={context} />}
    </section>
  );
}
