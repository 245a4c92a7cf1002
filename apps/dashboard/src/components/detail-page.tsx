import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { ProblemBanner, type ProblemState } from './problem';
import { Tabs } from './tabs';

/**
 * The frame of a detail page (a project, a product, a client, …): the item's name and a line
 * about it (and its status), the banner of its load, its tabs, and the tab chosen, which reads
 * `context` once the item has loaded.
 */
export function DetailPage({
  title,
  subtitle,
  badge,
  problem,
  base,
  tabs,
  context,
}: {
  title: string;
  subtitle: ReactNode;
  badge?: ReactNode;
  problem: ProblemState;
  /** The page's path, under which each tab has its own. */
  base: string;
  tabs: ReadonlyArray<{ id: string; label: string }>;
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
      <Tabs base={base} tabs={tabs} />
      {context !== undefined && <Outlet context={context} />}
    </section>
  );
}
