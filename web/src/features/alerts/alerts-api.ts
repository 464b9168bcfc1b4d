// `/api/alerts`, `/api/alert-rules` and `/api/campaign-days`: alerts with their explanation (the
// server sends finished numbers and the sentence), the rules that raise them, and the planned peaks
// the anomaly detector leaves out. Everyone reads; analysts acknowledge and resolve; managers edit
// rules and may scan by hand.
import { apiDelete, apiGet, apiSend, withQuery } from '../../ui/api';
import type { ValueFormat } from '../../ui/format';

export type Severity = 'info' | 'warning' | 'critical';
export type AlertStatus = 'new' | 'acknowledged' | 'resolved';
export type AlertGrain = 'day' | 'week' | 'month';
export type StatusFilter = 'open' | AlertStatus | 'all';

export interface Contribution {
  key: string;
  name: string;
  subcategory?: { id: string; name: string } | null;
  observed: number;
  baseline: number;
  contribution: number;
  shareOfChange: number | null;
}

export interface Movement {
  metric: string;
  label: string;
  format: ValueFormat;
  observed: number;
  baseline: number;
  changeRatio: number | null;
}

export interface AlertExplanation {
  sentence: string;
  basis: string;
  observedDays: { from: string; to: string; count: number };
  baselineDays: { from: string; to: string; count: number } | null;
  change: number;
  changeRatio: number | null;
  subcategories: Contribution[];
  sellers: Contribution[];
  otherSellers: number | null;
  movements: Movement[];
  campaignDaysLeftOut: { date: string; label: string }[];
  note?: string;
}

export interface Alert {
  id: number;
  rule: string;
  kind: 'anomaly' | 'threshold';
  ruleName: string | null;
  metric: string;
  metricLabel: string;
  format: ValueFormat;
  scope: string;
  scopeLabel: string;
  grain: AlertGrain;
  period: string;
  periodFrom: string;
  periodTo: string;
  observed: number | null;
  expected: number | null;
  z: number | null;
  direction: 'up' | 'down' | null;
  severity: Severity;
  status: AlertStatus;
  explanation: AlertExplanation | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  lastSeenAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertList {
  alerts: Alert[];
  total: number;
  counts: { total: number; open: number; bySeverity: Record<Severity, number> };
  lastScan: { at: string; asOf: string | null; reason: string } | null;
  currency: string;
}

export interface AlertQuery {
  status: StatusFilter;
  limit: number;
  offset: number;
}

export interface ScanSummary {
  at: string;
  asOf: string | null;
  judged: { from: string; to: string } | null;
  skippedCampaignDays: { date: string; label: string }[];
  found: number;
  created: number;
  updated: number;
  reopened: number;
  cleared: number;
}

export type Comparator = '<' | '<=' | '>' | '>=';

export interface AlertRule {
  id: number;
  name: string;
  kind: 'anomaly' | 'threshold';
  metric: string;
  scope: string;
  scopeLabel: string;
  comparator: Comparator | null;
  threshold: number | null;
  grain: AlertGrain;
  severity: Severity;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertRuleDraft {
  name?: string;
  metric?: string;
  scope?: string;
  comparator?: Comparator;
  threshold?: number;
  grain?: AlertGrain;
  severity?: Severity;
  enabled?: boolean;
}

export interface AlertRuleOptions {
  metrics: { name: string; label: string; description: string; format: ValueFormat; anomaly: boolean }[];
  subcategories: { id: string; name: string; parentName: string | null }[];
  tiers: string[];
  comparators: Comparator[];
  grains: AlertGrain[];
  severities: Severity[];
  currency: string;
}

export function fetchAlerts(query: AlertQuery, signal?: AbortSignal): Promise<AlertList> {
  return apiGet<AlertList>(withQuery('/api/alerts', { status: query.status, limit: query.limit, offset: query.offset }), signal);
}

export async function acknowledgeAlert(id: number): Promise<Alert> {
  return (await apiSend<{ alert: Alert }>('POST', `/api/alerts/${id}/acknowledge`)).alert;
}

export async function resolveAlert(id: number): Promise<Alert> {
  return (await apiSend<{ alert: Alert }>('POST', `/api/alerts/${id}/resolve`)).alert;
}

export async function scanAlerts(): Promise<ScanSummary> {
  return (await apiSend<{ scan: ScanSummary }>('POST', '/api/alerts/scan')).scan;
}

export async function fetchAlertRules(signal?: AbortSignal): Promise<AlertRule[]> {
  return (await apiGet<{ rules: AlertRule[] }>('/api/alert-rules', signal)).rules;
}

export function fetchAlertRuleOptions(signal?: AbortSignal): Promise<AlertRuleOptions> {
  return apiGet<AlertRuleOptions>('/api/alert-rules/options', signal);
}

export async function createAlertRule(draft: AlertRuleDraft): Promise<AlertRule> {
  return (await apiSend<{ rule: AlertRule }>('POST', '/api/alert-rules', { ...draft, kind: 'threshold' })).rule;
}

export async function updateAlertRule(id: number, draft: AlertRuleDraft): Promise<AlertRule> {
  return (await apiSend<{ rule: AlertRule }>('PATCH', `/api/alert-rules/${id}`, draft)).rule;
}

export function deleteAlertRule(id: number): Promise<void> {
  return apiDelete(`/api/alert-rules/${id}`);
}

export interface CampaignCalendar {
  from: string;
  to: string;
  days: { date: string; label: string; source: 'built_in' | 'extra' }[];
  extra: { date: string; label: string }[];
}

export function fetchCampaignDays(signal?: AbortSignal): Promise<CampaignCalendar> {
  return apiGet<CampaignCalendar>('/api/campaign-days', signal);
}

export async function saveCampaignDays(days: { date: string; label: string }[]): Promise<void> {
  await apiSend<unknown>('PUT', '/api/campaign-days', { days });
}
