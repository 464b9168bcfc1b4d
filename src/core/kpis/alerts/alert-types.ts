/** The shapes alerts are made of: what a scan finds, and the explanation stored with each alert. */
import type { MetricFormat } from '../../metrics/types.ts';

export type Severity = 'info' | 'warning' | 'critical';
export type AlertStatus = 'new' | 'acknowledged' | 'resolved';
export type AlertGrain = 'day' | 'week' | 'month';
export type Direction = 'up' | 'down';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'resolved'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** One subcategory's or seller's share of the change: observed − baseline, in the metric's units. */
export interface Contribution {
  key: string;
  name: string;
  /** The seller's subcategory (sellers only). */
  subcategory?: { id: string; name: string } | null;
  observed: number;
  baseline: number;
  contribution: number;
  /** contribution / total change (1 = all of it; negative when it moved against the change). */
  shareOfChange: number | null;
}

/** A related number, observed vs its usual level (numerator and denominator of a rate, a seller's orders). */
export interface Movement {
  metric: string;
  label: string;
  format: MetricFormat;
  observed: number;
  baseline: number;
  changeRatio: number | null;
}

export interface AlertExplanation {
  /** One plain sentence: what moved, against what, and who moved it. */
  sentence: string;
  /** What "expected" is, in words. */
  basis: string;
  observedDays: { from: string; to: string; count: number };
  baselineDays: { from: string; to: string; count: number } | null;
  change: number;
  changeRatio: number | null;
  /** Each child's observed − baseline; over all children they add up to `change`. */
  subcategories: Contribution[];
  sellers: Contribution[];
  /** What the sellers not listed add up to, so sellers + otherSellers = change. */
  otherSellers: number | null;
  movements: Movement[];
  campaignDaysLeftOut: { date: string; label: string }[];
  /** Set when drivers could not be worked out (e.g. a distinct count is not additive). */
  note?: string;
}

/** What a scan found for one (rule, metric, scope, period), before it is stored. */
export interface Finding {
  rule: string;
  metric: string;
  scope: string;
  grain: AlertGrain;
  period: string;
  periodFrom: string;
  periodTo: string;
  observed: number | null;
  expected: number | null;
  z: number | null;
  direction: Direction | null;
  severity: Severity;
  explanation: AlertExplanation | null;
}
