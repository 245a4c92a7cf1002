import { SubNav } from './sub-nav';

/** The tabs of a detail page, one route each (`{base}/{tab}`), so every tab has a deep link. */
export function Tabs({ base, tabs }: { base: string; tabs: ReadonlyArray<{ id: string; label: string }> }) {
  return <SubNav className="tabs" label="Tabs" links={tabs.map((tab) => ({ to: `${base}/${tab.id}`, label: tab.label }))} />;
}
