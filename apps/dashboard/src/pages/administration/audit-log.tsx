import { type Answer, unwrap } from '@tollgate/api-client';
import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { api } from '../../api';
import { CsvExportButton } from '../../components/csv-export';
import { CursorTable } from '../../components/cursor-table';
import { ProblemBanner, useProblem } from '../../components/problem';
import { AuditFilterForm } from './audit-filters';
import { type AuditFilters, FILTER_NAMES, filtersOf, queryOf } from './audit-query';

type AuditRecord = Answer<'listAuditRecords'>['items'][number];

/** The fields a record changed, with their values before and after. */
function Changes({ changes }: { changes: AuditRecord['changes'] }) {
  if (changes === null) return <span className="muted">–</span>;
  const fields = [...new Set([...Object.keys(changes.before ?? {}), ...Object.keys(changes.after ?? {})])];
  return (
    <details>
      <summary>{fields.join(', ') || 'changes'}</summary>
      <pre className="changes">{JSON.stringify(changes, null, 2)}</pre>
    </details>
  );
}

/**
 * The audit log, newest first: who did what to which object and with what outcome. Filters are in
 * the URL (a deep link keeps them); the CSV export answers every record they match.
 */
export function AuditLog() {
  const [, setParams] = useSearchParams();
  const { search } = useLocation();
  // One object per URL, so the form keeps what is typed until the URL changes.
  const filters = useMemo(() => filtersOf(new URLSearchParams(search)), [search]);
  const problem = useProblem();
  const show = problem.show;
  const load = useCallback(
    (cursor: string | undefined) => {
      show(undefined);
      return unwrap(api.GET('/api/v1/audit', { params: { query: { ...queryOf(filters), cursor, limit: 20 } } }));
    },
    [filters, show],
  );

  const apply = (next: AuditFilters) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      for (const name of FILTER_NAMES) {
        if (next[name] === '') updated.delete(name);
        else updated.set(name, next[name]);
      }
      return updated;
    });

  return (
    <section>
      <header className="page-header">
        <h1>Audit log</h1>
        <CsvExportButton
          fetchCsv={() => unwrap(api.GET('/api/v1/audit', { params: { query: { ...queryOf(filters), format: 'csv' } }, parseAs: 'blob' }))}
          filename="audit.csv"
        />
      </header>
      <AuditFilterForm filters={filters} onApply={apply} field={problem.field} />
      <ProblemBanner problem={problem} />
      <CursorTable<AuditRecord>
        label="Audit records"
        className="list keep-columns audit"
        load={load}
        onError={show}
        rowKey={(record) => String(record.seq)}
        columns={[
          { header: 'Time', cell: (record) => <time dateTime={record.time}>{new Date(record.time).toLocaleString()}</time> },
          { header: 'Actor', cell: (record) => (record.actor.type === 'user' ? (record.actor.id ?? '') : record.actor.type) },
          { header: 'Action', cell: (record) => record.action },
          { header: 'Target', cell: (record) => (record.target === null ? '–' : `${record.target.type} ${record.target.id}`) },
          { header: 'Outcome', cell: (record) => <span className={`badge ${record.outcome}`}>{record.outcome}</span> },
          { header: 'Status', cell: (record) => record.status },
          { header: 'Changes', cell: (record) => <Changes changes={record.changes} /> },
        ]}
        empty={
          Object.values(filters).every((value) => value === '')
            ? 'Nothing recorded yet: every change, refused call and login will appear here.'
            : 'No record matches these filters. Widen the time range or clear a filter.'
        }
      />
    </section>
  );
}
