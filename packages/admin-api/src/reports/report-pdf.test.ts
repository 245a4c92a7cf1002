import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MonetizationReport, MonetizationReportRow } from '@tollgate/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from './report-pdf.js';

const run = promisify(execFile);

/**
 * Whether poppler's pdftotext and pdfinfo are on the PATH, or false after printing why the tests
 * are skipped. As with the PostgreSQL and Redis helpers, `TOLLGATE_REQUIRE_SERVICES=1` (as in CI)
 * turns a missing tool into a failure, so it never passes silently.
 */
function popplerAvailable(): boolean {
  const missing = ['pdftotext', 'pdfinfo'].filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
  if (missing.length === 0) return true;
  if (process.env.TOLLGATE_REQUIRE_SERVICES === '1') {
    throw new Error(`TOLLGATE_REQUIRE_SERVICES=1 but ${missing.join(' and ')} not found: PDF report tests cannot run`);
  }
  console.warn(`[tollgate] PDF report tests skipped: ${missing.join(' and ')} not found (install poppler-utils to run them)`);
  return false;
}

const poppler = popplerAvailable();

const row = (productId: string, clientId: string, ratePlanId: string | null, currency: string | null, calls: number, revenue: number) =>
  ({ productId, clientId, ratePlanId, currency, calls, billableCalls: calls - 10, revenue }) satisfies MonetizationReportRow;

const WINDOW = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', generatedAt: '2026-02-01T08:30:00.000Z' };

describe.skipIf(!poppler)('renderReportPdf', () => {
  let dir: string;
  let file = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tollgate-report-pdf-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes the PDF to a temp file; returns pdftotext's layout text and pdfinfo's output. */
  async function extract(pdf: Buffer): Promise<{ text: string; info: string }> {
    const path = join(dir, `report-${++file}.pdf`);
    await writeFile(path, pdf);
    const [text, info] = await Promise.all([run('pdftotext', ['-layout', path, '-']), run('pdfinfo', [path])]);
    return { text: text.stdout, info: info.stdout };
  }

  it('renders rows and per-currency totals as extractable text, the same bytes every time', async () => {
    const report: MonetizationReport = {
      ...WINDOW,
      rows: [
        row('maps-api', 'globex', 'tokyo-jpy', 'JPY', 300, 1234),
        row('weather-api', 'acme-mobile', 'gold-usd', 'USD', 1500, 1000),
        row('weather-api', 'initech', 'silver-usd', 'USD', 200, 234),
        row('weather-api', 'hooli', null, null, 42, 0),
      ],
      totals: [
        { currency: 'JPY', calls: 300, billableCalls: 290, revenue: 1234 },
        { currency: 'USD', calls: 1700, billableCalls: 1680, revenue: 1234 },
        { currency: null, calls: 42, billableCalls: 32, revenue: 0 },
      ],
    };
    const pdf = await renderReportPdf(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await renderReportPdf(report)).equals(pdf)).toBe(true);

    const { text, info } = await extract(pdf);
    expect(info).toMatch(/^Title:\s+Tollgate monetization report$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(text).toContain('Tollgate monetization report');
    expect(text).toContain('From 2026-01-01T00:00:00.000Z to 2026-02-01T00:00:00.000Z');
    expect(text).toContain('Generated at 2026-02-01T08:30:00.000Z');
    expect(text).toMatch(/Product\s+Client\s+Plan\s+Currency\s+Calls\s+Billable calls\s+Revenue/);
    expect(text).toMatch(/maps-api\s+globex\s+tokyo-jpy\s+JPY\s+300\s+290\s+1234\n/);
    expect(text).toMatch(/weather-api\s+acme-mobile\s+gold-usd\s+USD\s+1500\s+1490\s+10\.00\n/);
    expect(text).toMatch(/weather-api\s+initech\s+silver-usd\s+USD\s+200\s+190\s+2\.34\n/);
    expect(text).toMatch(/weather-api\s+hooli\s+—\s+—\s+42\s+32\s+0\n/);

    const totals = text.slice(text.indexOf('Totals'));
    expect(totals).toMatch(/JPY\s+300\s+290\s+1234\n/);
    expect(totals).toMatch(/USD\s+1700\s+1680\s+12\.34\n/);
    expect(totals).toMatch(/—\s+42\s+32\s+0\n/);
  });

  it('breaks many rows over several pages, repeating the header, and keeps every row', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => String(i).padStart(3, '0'));
    const report: MonetizationReport = {
      ...WINDOW,
      rows: ids.map((id) => row(`product-${id}`, `client-${id}`, `plan-${id}`, 'EUR', 100, 150)),
      totals: [{ currency: 'EUR', calls: 20_000, billableCalls: 18_000, revenue: 30_000 }],
    };
    const { text, info } = await extract(await renderReportPdf(report));

    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.split('\f').filter((page) => /Product\s+Client\s+Plan/.test(page))).toHaveLength(pages);
    for (const id of ids) expect(text).toMatch(new RegExp(`product-${id}\\s+client-${id}\\s+plan-${id}\\s+EUR\\s+100\\s+90\\s+1\\.50\\n`));
    expect(text.slice(text.indexOf('Totals'))).toMatch(/EUR\s+20000\s+18000\s+300\.00\n/);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });
});
