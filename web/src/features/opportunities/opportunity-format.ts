// Wording and display of opportunities: evidence values by their declared format, the upside line,
// severity colours, snooze presets and the line that says who dismissed or snoozed one. Only
// formatting — the numbers arrive computed from the server.
import { formatCount, formatDate, formatMoney, formatMoneyCompact, formatRate, MISSING } from '../../ui/format';
import type { EvidenceFormat, Opportunity, RuleInfo, Severity } from './opportunities-api';

export const severityColor: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'gray' };
export const severityLabel: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function evidenceValue(value: string | number | null | undefined, format: EvidenceFormat, currency: string): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'string') return format === 'date' ? formatDate(value) : value;
  switch (format) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatRate(value);
    case 'count':
    case 'number':
      return formatCount(value);
    case 'days':
      return `${formatCount(value)} days`;
    case 'date':
    case 'text':
      return String(value);
    default: {
      const unknown: never = format;
      return String(unknown);
    }
  }
}

// Shown elsewhere on the card (tier and subcategory badges, the upside line, the reason) or a rule
// setting rather than a fact about the seller.
const NOT_LISTED = new Set(['upside', 'upside_note', 'tier', 'subcategory', 'category', 'drop', 'days']);

/** Evidence shown as label–value pairs: the rule's fields in catalog order, exact figures. */
export function evidenceItems(o: Opportunity, rule: RuleInfo | undefined, currency: string): { name: string; label: string; value: string }[] {
  if (!rule) return [];
  return rule.evidence
    .filter((field) => !NOT_LISTED.has(field.name) && o.evidence[field.name] !== undefined)
    .map((field) => ({ name: field.name, label: field.label, value: evidenceValue(o.evidence[field.name], field.format, currency) }));
}

export function upsideLabel(upside: number | null, currency: string): string {
  // Whole units below a thousand (≈ $715, not ≈ $714.9): an estimate, not an amount to the cent.
  return upside === null ? 'No money estimate' : `≈ ${formatMoneyCompact(upside < 1000 ? Math.round(upside) : upside, currency)}`;
}

/** "Dismissed by ana@… on Nov 24: seasonal" / "Snoozed until Dec 8 by …: on leave". */
export function decisionLine(o: Opportunity): string | null {
  const d = o.decision;
  if (!d) return null;
  const when = formatDate(d.at.slice(0, 10));
  if (d.status === 'dismissed') return `Dismissed by ${d.by} on ${when}: ${d.reason}`;
  const until = d.until ? formatDate(d.until) : MISSING;
  return o.status === 'snoozed' ? `Snoozed until ${until} by ${d.by}: ${d.reason}` : `Snooze ended ${until} (${d.by}: ${d.reason})`;
}

/** A date `days` after `today` (`YYYY-MM-DD`, calendar arithmetic in UTC). */
export function addDays(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const SNOOZE_PRESETS = [
  { label: '1 week', days: 7 },
  { label: '2 weeks', days: 14 },
  { label: '1 month', days: 30 },
  { label: '3 months', days: 91 },
] as const;

export function channelLabel(channel: string): string {
  return channel === 'on_site' ? 'On site' : channel.charAt(0).toUpperCase() + channel.slice(1);
}

export { MISSING };
