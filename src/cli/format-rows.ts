/**
 * Prints metric results as an aligned table, CSV or the contract's JSON. CSV cells that a
 * spreadsheet would run as a formula (`= + - @` tab, CR) are neutralised with a leading quote.
 */
import type { MetricResult } from '../core/metrics/query-metrics.ts';
import { csvCell } from '../core/shared/neutralise-formula.ts';

export type OutputFormat = 'table' | 'csv' | 'json';

function columnsOf(result: MetricResult): string[] {
  const first = result.rows[0];
  return first ? Object.keys(first) : [...result.by, ...result.metrics];
}

function tableCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return String(value);
}

export function formatRows(result: MetricResult, format: OutputFormat): string {
  const columns = columnsOf(result);
  switch (format) {
    case 'json':
      return `${JSON.stringify(result)}\n`;
    case 'csv':
      return [columns.join(','), ...result.rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\n') + '\n';
    case 'table': {
      const cells = result.rows.map((row) => columns.map((c) => tableCell(row[c])));
      const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
      const numeric = columns.map((c) => result.metrics.includes(c) || result.rows.some((row) => typeof row[c] === 'number'));
      const line = (values: string[]) =>
        values.map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
      const out = [line(columns), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)];
      if (result.rows.length === 0) out.push('(no rows)');
      return `${out.join('\n')}\n`;
    }
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}
