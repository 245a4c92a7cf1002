import type { Page, PageRequest } from '@tollgate/domain';

/** ISO timestamp (entities) → epoch milliseconds (columns). */
export function toMillis(iso: string): number {
  return Date.parse(iso);
}

/** Epoch milliseconds (columns; PostgreSQL bigint arrives parsed) → ISO timestamp. */
export function toIso(millis: number | string): string {
  return new Date(Number(millis)).toISOString();
}

/** Opaque cursor of a list ordered by id (or another unique key): the last one of the page, base64url-encoded. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The id after which the next page starts; a cursor that does not decode starts nowhere. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
}

/**
 * Cuts a result fetched with `limit + 1` rows into a page: the extra row only says that
 * there is a next page.
 */
export function toPage<T extends { id: string }>(rows: T[], page: PageRequest): Page<T> {
  return toPageBy(rows, page, (row) => row.id);
}

/** `toPage` for a list ordered by another key than `id` (users: `username`). */
export function toPageBy<T>(rows: T[], page: PageRequest, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
