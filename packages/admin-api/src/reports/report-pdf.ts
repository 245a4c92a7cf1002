import { createRequire } from 'node:module';
import type { MonetizationReport } from '@tollgate/domain';

// @types/pdfkit declares an ambient `export =` module, which a default import cannot take
// without allowSyntheticDefaultImports: load pdfkit's CommonJS build (module.exports = PDFDocument).
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

const MARGIN = 36;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 9;
const PAD = 3;
const NO_VALUE = '—';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

const col = (title: string, width: number, align: Column['align'] = 'left'): Column => ({ title, width, align });

/** 770 pt: the width of A4 landscape (842 pt) inside the margins. */
const ROW_COLUMNS = [
  col('Product', 170),
  col('Client', 170),
  col('Plan', 150),
  col('Currency', 55),
  col('Calls', 65, 'right'),
  col('Billable calls', 75, 'right'),
  col('Revenue', 85, 'right'),
];
const TOTAL_COLUMNS = [col('Currency', 80), col('Calls', 90, 'right'), col('Billable calls', 90, 'right'), col('Revenue', 100, 'right')];

const digitsByCurrency = new Map<string, number>();

/** The currency's minor-unit digits (USD 2, JPY 0); 0 for no currency or a code Intl rejects. */
function currencyDigits(currency: string | null): number {
  if (currency === null) return 0;
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
    } catch {
      digits = 0;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units as a decimal amount without grouping (USD 1234 → "12.34", JPY 1234 → "1234"), exact for any integer. */
function money(minor: number, currency: string | null): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const units = BigInt(Math.abs(minor))
    .toString()
    .padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

function iso(timestamp: string): string {
  const time = new Date(timestamp);
  return Number.isNaN(time.getTime()) ? timestamp : time.toISOString();
}

/** Draws a table from `doc.y`, wrapping long cells, starting a new page (header repeated) when a row does not fit. */
function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]): void {
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const height = (cells: string[]) =>
    Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (columns[i]?.width ?? 0) - 2 * PAD }))) + 2 * PAD;
  const line = (cells: string[], font: string) => {
    doc.font(font, SIZE);
    const top = doc.y;
    const h = height(cells);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const column = columns[i] as Column;
      doc.text(cell, x + PAD, top + PAD, { width: column.width - 2 * PAD, align: column.align });
      x += column.width;
    });
    doc
      .moveTo(MARGIN, top + h)
      .lineTo(x, top + h)
      .lineWidth(font === BOLD ? 0.8 : 0.3)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + h;
  };
  const header = columns.map((c) => c.title);
  doc.font(BOLD, SIZE);
  if (doc.y + 2 * height(header) > bottom()) doc.addPage();
  line(header, BOLD);
  for (const cells of rows) {
    doc.font(FONT, SIZE);
    if (doc.y + height(cells) > bottom()) {
      doc.addPage();
      line(header, BOLD);
    }
    line(cells, FONT);
  }
}

/**
 * Renders a monetization report as an A4 landscape PDF: title, window and generation time, one
 * table row per product, client and plan (header repeated on every page), then the totals per
 * currency. Money is shown in the currency's major units; calls without a plan show "—" as
 * currency. Uses the built-in Helvetica, so the text is extractable and no font file is read.
 * The PDF's Title and CreationDate (and so its ID) come from the report: the same report always
 * gives the same bytes.
 */
export function renderReportPdf(report: MonetizationReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: 'Tollgate monetization report',
      Creator: 'Tollgate',
      Producer: 'Tollgate',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(BOLD, 16).text('Tollgate monetization report');
  doc
    .moveDown(0.3)
    .font(FONT, 10)
    .text(`From ${iso(report.from)} to ${iso(report.to)}`);
  doc.text(`Generated at ${iso(report.generatedAt)}`).moveDown();
  if (report.rows.length === 0) doc.font(FONT, SIZE).text('No calls in this window.');
  else
    table(
      doc,
      ROW_COLUMNS,
      report.rows.map((r) => [
        r.productId,
        r.clientId,
        r.ratePlanId ?? NO_VALUE,
        r.currency ?? NO_VALUE,
        String(r.calls),
        String(r.billableCalls),
        money(r.revenue, r.currency),
      ]),
    );

  doc.moveDown();
  if (doc.y + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font(BOLD, 12).text('Totals', MARGIN).moveDown(0.3);
  table(
    doc,
    TOTAL_COLUMNS,
    report.totals.map((t) => [t.currency ?? NO_VALUE, String(t.calls), String(t.billableCalls), money(t.revenue, t.currency)]),
  );

  // Page numbers in the bottom margin: lift the margin so writing there does not start a page.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font(FONT, 8).text(`Page ${i - start + 1} of ${count}`, MARGIN, doc.page.height - MARGIN + 10, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
