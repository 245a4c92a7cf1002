import { type BillingStore, type InvoiceLine, notFound, type StoredInvoice, type StoredTopUp, TollgateError } from '@tollgate/domain';
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { guarded } from '../sql/errors.js';
import { atomic } from '../sql/links.js';
import type { BalanceTopUpTable, Database, InvoiceTable } from '../sql/schema.js';

const KIND = 'invoice';

function toInvoice(row: Selectable<InvoiceTable>): StoredInvoice {
  return {
    id: row.id,
    number: row.number === null ? null : Number(row.number),
    clientId: row.client_id,
    currency: row.currency,
    periodStart: Number(row.period_start),
    periodEnd: Number(row.period_end),
    status: row.status,
    lines: JSON.parse(row.lines) as InvoiceLine[],
    total: Number(row.total),
    ratedAt: Number(row.rated_at),
    finalizedAt: row.finalized_at === null ? null : Number(row.finalized_at),
    dueAt: row.due_at === null ? null : Number(row.due_at),
    createdAt: Number(row.created_at),
  };
}

function toInvoiceRow(invoice: StoredInvoice): InvoiceTable {
  return {
    id: invoice.id,
    number: invoice.number,
    client_id: invoice.clientId,
    currency: invoice.currency,
    period_start: invoice.periodStart,
    period_end: invoice.periodEnd,
    status: invoice.status,
    lines: JSON.stringify(invoice.lines),
    total: invoice.total,
    rated_at: invoice.ratedAt,
    finalized_at: invoice.finalizedAt,
    due_at: invoice.dueAt,
    created_at: invoice.createdAt,
  };
}

function toTopUp(row: Selectable<BalanceTopUpTable>): StoredTopUp {
  return {
    id: row.id,
    clientId: row.client_id,
    currency: row.currency,
    amount: Number(row.amount),
    note: row.note,
    createdAt: Number(row.created_at),
  };
}

/** Where a page of the invoice list ends: the sort key of its last invoice. */
type InvoiceCursor = [periodStart: number, clientId: string, currency: string, id: string];

function encodeCursor(invoice: StoredInvoice): string {
  const key: InvoiceCursor = [invoice.periodStart, invoice.clientId, invoice.currency, invoice.id];
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The cursor's key; undefined for a cursor this list did not make. */
function decodeCursor(cursor: string): InvoiceCursor | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      Array.isArray(key) && key.length === 4 && Number.isSafeInteger(key[0]) && key.slice(1).every((part) => typeof part === 'string');
    return valid ? (key as InvoiceCursor) : undefined;
  } catch {
    return undefined;
  }
}

/** The invoices after `cursor` in the list's order: period_start descending, then client, currency and id ascending. */
function after([periodStart, clientId, currency, id]: InvoiceCursor) {
  return (eb: ExpressionBuilder<Database, 'invoices'>) =>
    eb.or([
      eb('period_start', '<', periodStart),
      eb.and([
        eb('period_start', '=', periodStart),
        eb.or([
          eb('client_id', '>', clientId),
          eb.and([
            eb('client_id', '=', clientId),
            eb.or([eb('currency', '>', currency), eb.and([eb('currency', '=', currency), eb('id', '>', id)])]),
          ]),
        ]),
      ]),
    ]);
}

/** Why a draft-only write changed nothing: the invoice is final (CONFLICT) or unknown (NOT_FOUND). */
async function refusal(db: Kysely<Database>, id: string): Promise<TollgateError> {
  const row = await db.selectFrom('invoices').select('status').where('id', '=', id).executeTakeFirst();
  return row === undefined ? notFound(KIND, id) : new TollgateError('CONFLICT', `${KIND} '${id}' is final and never changes`);
}

/**
 * Invoices and top-ups in SQL. Not configuration: writes bump no version. Writes to drafts are
 * limited to drafts in their `where`, so the triggers guarding final invoices are a backstop the
 * application never trips. `dialect` picks how `finalize` serialises its numbering.
 */
export function billingStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres' = 'sqlite'): BillingStore {
  return {
    async lockRating() {
      await db
        .updateTable('rating_lock')
        .set((eb) => ({ runs: eb('runs', '+', 1) }))
        .where('id', '=', 1)
        .execute();
    },

    async findInvoice(clientId, currency, periodStart, periodEnd) {
      const row = await db
        .selectFrom('invoices')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('currency', '=', currency)
        .where('period_start', '=', periodStart)
        .where('period_end', '=', periodEnd)
        .executeTakeFirst();
      return row && toInvoice(row);
    },

    async getInvoice(id) {
      const row = await db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toInvoice(row);
    },

    async listInvoices(filter, page) {
      const cursor = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      if (page.cursor !== undefined && cursor === undefined) return { items: [], nextCursor: null };
      const rows = await db
        .selectFrom('invoices')
        .selectAll()
        .$if(cursor !== undefined, (q) => q.where(after(cursor as InvoiceCursor)))
        .$if(filter.clientId !== undefined, (q) => q.where('client_id', '=', filter.clientId ?? ''))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? 'draft'))
        .orderBy('period_start', 'desc')
        .orderBy('client_id')
        .orderBy('currency')
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      const items = rows.slice(0, page.limit).map(toInvoice);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(last) : null };
    },

    insertInvoice: (invoice) =>
      guarded(KIND, invoice.id, 'write', async () => {
        await db.insertInto('invoices').values(toInvoiceRow(invoice)).execute();
      }),

    async updateDraft(id, lines, total, ratedAt) {
      const result = await db
        .updateTable('invoices')
        .set({ lines: JSON.stringify(lines), total, rated_at: ratedAt })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw await refusal(db, id);
    },

    // The next number is read and given in one statement, under a lock every finalize takes (the
    // rating lock's row on PostgreSQL; on SQLite the statement's write lock), so numbers have no
    // gaps and no duplicates (the unique `number` would refuse one anyway).
    finalize: (id, finalizedAt, dueAt) =>
      atomic(db, async (trx) => {
        if (dialect === 'postgres') await sql`select id from rating_lock where id = 1 for update`.execute(trx);
        const row = await trx
          .updateTable('invoices')
          .set((eb) => ({
            status: 'final',
            number: eb.selectFrom('invoices').select(sql<number>`coalesce(max(number), 0) + 1`.as('next')),
            finalized_at: finalizedAt,
            due_at: dueAt,
          }))
          .where('id', '=', id)
          .where('status', '=', 'draft')
          .returning('number')
          .executeTakeFirst();
        if (row?.number == null) throw await refusal(trx, id);
        return Number(row.number);
      }),

    addTopUp: (topUp) =>
      guarded('top-up', topUp.id, 'write', async () => {
        await db
          .insertInto('balance_top_ups')
          .values({
            id: topUp.id,
            client_id: topUp.clientId,
            currency: topUp.currency,
            amount: topUp.amount,
            note: topUp.note,
            created_at: topUp.createdAt,
          })
          .execute();
      }),

    async topUps(clientId) {
      const rows = await db
        .selectFrom('balance_top_ups')
        .selectAll()
        .where('client_id', '=', clientId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toTopUp);
    },
  };
}
