/** Markdown tables: the bench prints them, and docs/benchmarks.md quotes them as printed. */

/**
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 * @param {Array<'l' | 'r'>} [align] per column, default right for all but the first
 */
export function markdownTable(header, rows, align) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(3, ...cells.map((row) => row[c]?.length ?? 0)));
  const side = (c) => align?.[c] ?? (c === 0 ? 'l' : 'r');
  const pad = (text, c) => (side(c) === 'l' ? text.padEnd(widths[c]) : text.padStart(widths[c]));
  const line = (row) => `| ${row.map((text, c) => pad(text, c)).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (side(c) === 'l' ? `:${'-'.repeat(w - 1)}` : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
