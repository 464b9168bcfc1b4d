// How an alert reads: its period, severity, status and the numbers next to each other. Formatting
// only — every number (observed, usual, change, contributions) arrives finished from the server.
import { formatChange, formatChangeRatio, formatDate, formatDateRange, formatValue, MISSING } from '../../ui/format';
import type { Alert, AlertStatus, Severity } from './alerts-api';

export const severityColor: Record<Severity, string> = { critical: 'red', warning: 'orange', info: 'blue' };
export const severityLabel: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };
export const statusLabel: Record<AlertStatus, string> = { new: 'New', acknowledged: 'Acknowledged', resolved: 'Resolved' };

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `Nov 12, 2026`, `Nov 12 – Nov 15` for a run of days, `Week 46 · Nov 9 – Nov 15`, `November 2026`. */
export function periodLabel(alert: Pick<Alert, 'grain' | 'period' | 'periodFrom' | 'periodTo'>): string {
  switch (alert.grain) {
    case 'day':
      return alert.periodFrom === alert.periodTo ? formatDate(alert.periodFrom) : formatDateRange(alert.periodFrom, alert.periodTo);
    case 'week':
      return `Week ${Number(alert.period.slice(-2))} · ${formatDateRange(alert.periodFrom, alert.periodTo)}`;
    case 'month':
      return monthFormat.format(new Date(`${alert.periodFrom}T00:00:00Z`));
    default: {
      const unknown: never = alert.grain;
      return String(unknown);
    }
  }
}

/** What "expected" means for this alert: the usual level, or the rule's threshold. */
export function expectedLabel(alert: Pick<Alert, 'kind'>): string {
  return alert.kind === 'anomaly' ? 'Usual' : 'Threshold';
}

/** Who did what: `Acknowledged by rina@…`, `Cleared by a later scan`. */
export function statusDetail(alert: Pick<Alert, 'status' | 'acknowledgedBy' | 'resolvedBy'>): string {
  if (alert.status === 'acknowledged') return `Acknowledged by ${alert.acknowledgedBy ?? 'someone'}`;
  if (alert.status === 'resolved') return alert.resolvedBy === 'system' ? 'Cleared by a later scan' : `Resolved by ${alert.resolvedBy ?? 'someone'}`;
  return 'New';
}

/** The change the explanation measured, `−18.0%` for amounts and `−4.3 pp` for rates. */
export function changeLabel(alert: Pick<Alert, 'format' | 'explanation'>, currency: string): string {
  const explanation = alert.explanation;
  if (!explanation) return MISSING;
  return alert.format === 'rate' ? formatChange(explanation.change, 'rate', currency) : formatChangeRatio(explanation.changeRatio);
}

/** A count reads as a whole number (a week's usual orders is an average of weeks: 117.43 → 117). */
export function valueLabel(value: number | null, alert: Pick<Alert, 'format'>, currency: string): string {
  return formatValue(value !== null && alert.format === 'count' ? Math.round(value) : value, alert.format, currency);
}
