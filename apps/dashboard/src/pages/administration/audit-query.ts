import type { operations } from '@tollgate/api-client';

/** The filters of `GET /audit`. */
export type AuditQuery = NonNullable<operations['listAuditRecords']['parameters']['query']>;
/** The filters kept in the page's URL, as text (empty: not filtered). */
export type AuditFilters = Record<(typeof FILTER_NAMES)[number], string>;
export type Outcome = NonNullable<AuditQuery['outcome']>;

export const FILTER_NAMES = ['actor', 'targetType', 'targetId', 'action', 'outcome', 'from', 'to'] as const;
export const OUTCOMES: ReadonlyArray<Outcome> = ['success', 'failure', 'denied'];
export const TARGET_TYPES = ['project', 'product', 'client', 'subscription', 'organization', 'server-group', 'user', 'group'];

/** The filters of a URL; unknown values are kept, for the API to name. */
export function filtersOf(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as AuditFilters;
}

/** The API's query for some filters: empty ones left out. */
export function queryOf(filters: AuditFilters): AuditQuery {
  const value = (text: string) => (text === '' ? undefined : text);
  const outcome = OUTCOMES.find((item) => item === filters.outcome);
  return {
    actor: value(filters.actor),
    targetType: value(filters.targetType),
    targetId: value(filters.targetId),
    action: value(filters.action),
    outcome,
    from: value(filters.from),
    to: value(filters.to),
  };
}

/** An ISO time as a `datetime-local` value (local time, to the minute). */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` value (local time) as the ISO time the API takes. */
export function fromLocalInput(value: string): string {
  if (value === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
