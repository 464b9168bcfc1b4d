/**
 * Key findings, declared as rules: each has an id, the condition under which it fires, and a
 * sentence template whose {placeholders} are filled only from the numbers the rule read out of
 * the report model. A finding therefore cannot state a number the data does not hold, and every
 * finding points at the section (and row) its numbers come from. The README lists this catalog.
 */
import type { Finding, ReportKpi, ReportModel } from './report-model.ts';
import { formatChange, formatMetric, formatPercent } from './report-format.ts';

/** A KPI change at least this large (either way) against the previous period is a finding. */
export const KPI_CHANGE_THRESHOLD = 0.1;
/** Same, against the same period last year. */
export const LAST_YEAR_CHANGE_THRESHOLD = 0.1;
/** A subcategory with at least this share of GMV whose GMV moved at least SUBCATEGORY_CHANGE. */
export const SUBCATEGORY_MIN_SHARE = 0.1;
export const SUBCATEGORY_CHANGE = 0.2;
/** KPIs the change rules look at, in order. */
export const HEADLINE_KPIS = ['gmv', 'orders', 'live_gmv_share', 'seller_adoption_rate'] as const;

export interface FindingRule {
  id: string;
  title: string;
  /** When it fires, in words (README and the Reports page). */
  when: string;
  template: string;
  evaluate: (model: ReportModel) => Finding[];
}

type Model = Omit<ReportModel, 'findings'>;

/** Fills {name} from `words`; a placeholder without a value is a bug in the rule, not a blank. */
export function fillTemplate(template: string, words: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const word = words[name];
    if (word === undefined) throw new Error(`finding template needs {${name}}`);
    return word;
  });
}

/** `1 seller` / `2 sellers`: the count is the number the rule cites. */
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

const unit = (model: Model) => (model.kind === 'weekly' ? 'week' : 'month');

function kpi(model: Model, metric: string): ReportKpi | undefined {
  return model.kpis.find((k) => k.metric === metric);
}

function tone(k: ReportKpi, change: number): Finding['tone'] {
  const good = k.direction === 'lower_is_better' ? change < 0 : change > 0;
  return change === 0 ? 'neutral' : good ? 'good' : 'bad';
}

const T = {
  kpiChange: '{label} {verb} {change} to {value} against the previous {unit} ({previous}).',
  lastYear: '{label} is {change} against the same {unit} last year ({value} vs {lastYear}).',
  targetBehind: '{label} reached {progress} of its target ({value} of {target}).',
  targetAhead: '{label} is ahead of target at {progress} ({value} of {target}).',
  moverUp: '{seller} added the most GMV: {change} more than the previous {unit} ({value} vs {previous}).',
  moverDown: '{seller} lost the most GMV: {change} against the previous {unit} ({value} vs {previous}).',
  subcategory: '{subcategory} GMV moved {change} to {value} ({share} of all GMV).',
  alerts: '{alerts} raised for the {unit}, {critical} of them critical.',
  bestSession: 'The best session by GPM was "{title}" by {seller}: GPM {gpm}, live GMV {gmv}{quality}.',
  newSellers: '{sellers} started selling this {unit}.',
  churned: '{sellers} became churned this {unit}.',
  tierMoves: '{ups} moved up a tier and {downs} moved down.',
  overdue: '{items} overdue at the end of the {unit} (tasks and next actions).',
} as const;

export const FINDING_RULES: readonly FindingRule[] = [
  {
    id: 'kpi_change',
    title: 'KPI moved against the previous period',
    when: `GMV, orders, live GMV share or seller adoption changed by ${formatPercent(KPI_CHANGE_THRESHOLD)} or more against the previous period`,
    template: T.kpiChange,
    evaluate: (model) =>
      HEADLINE_KPIS.flatMap((metric) => {
        const k = kpi(model, metric);
        if (!k || k.value === null || k.previous === null || k.previousChange === null) return [];
        if (Math.abs(k.previousChange) < KPI_CHANGE_THRESHOLD) return [];
        const numbers = { value: k.value, previous: k.previous, change: k.previousChange };
        return [{
          rule: 'kpi_change',
          tone: tone(k, k.previousChange),
          numbers,
          evidence: { section: 'kpis', ref: metric, link: '/' },
          sentence: fillTemplate(T.kpiChange, {
            label: k.label,
            verb: k.previousChange > 0 ? 'rose' : 'fell',
            change: formatChange(Math.abs(k.previousChange)).slice(1),
            value: formatMetric(k.value, k.format, model.currency),
            previous: formatMetric(k.previous, k.format, model.currency),
            unit: unit(model),
          }),
        }];
      }),
  },
  {
    id: 'last_year_change',
    title: 'GMV against last year',
    when: `GMV differs by ${formatPercent(LAST_YEAR_CHANGE_THRESHOLD)} or more from the same period last year`,
    template: T.lastYear,
    evaluate: (model) => {
      const k = kpi(model, 'gmv');
      if (!k || k.value === null || k.lastYear === null || k.lastYearChange === null) return [];
      if (Math.abs(k.lastYearChange) < LAST_YEAR_CHANGE_THRESHOLD) return [];
      return [{
        rule: 'last_year_change',
        tone: tone(k, k.lastYearChange),
        numbers: { value: k.value, lastYear: k.lastYear, change: k.lastYearChange },
        evidence: { section: 'kpis', ref: 'gmv', link: '/' },
        sentence: fillTemplate(T.lastYear, {
          label: k.label,
          change: formatChange(k.lastYearChange),
          value: formatMetric(k.value, k.format, model.currency),
          lastYear: formatMetric(k.lastYear, k.format, model.currency),
          unit: unit(model),
        }),
      }];
    },
  },
  ...(['behind', 'ahead'] as const).map((status): FindingRule => ({
    id: `target_${status}`,
    title: status === 'behind' ? 'KPI behind target' : 'KPI ahead of target',
    when: status === 'behind' ? 'a KPI with a target reached less than 95% of it' : 'a KPI with a target reached 105% of it or more',
    template: status === 'behind' ? T.targetBehind : T.targetAhead,
    evaluate: (model) =>
      model.kpis
        .filter((k) => k.targetStatus === status && k.value !== null && k.target !== null && k.targetProgress !== null)
        .map((k) => ({
          rule: `target_${status}`,
          tone: status === 'behind' ? 'bad' : 'good',
          numbers: { value: k.value ?? 0, target: k.target ?? 0, progress: k.targetProgress ?? 0 },
          evidence: { section: 'kpis', ref: k.metric, link: '/targets' },
          sentence: fillTemplate(status === 'behind' ? T.targetBehind : T.targetAhead, {
            label: k.label,
            progress: formatPercent(k.targetProgress),
            value: formatMetric(k.value, k.format, model.currency),
            target: formatMetric(k.target, k.format, model.currency),
          }),
        })),
  })),
  ...(['up', 'down'] as const).map((side): FindingRule => ({
    id: `top_mover_${side}`,
    title: side === 'up' ? 'Seller that added the most GMV' : 'Seller that lost the most GMV',
    when: side === 'up' ? 'a seller’s GMV rose against the previous period (the largest rise)' : 'a seller’s GMV fell against the previous period (the largest fall)',
    template: side === 'up' ? T.moverUp : T.moverDown,
    evaluate: (model) => {
      const m = model.movers[side][0];
      if (!m || (side === 'up' ? m.change <= 0 : m.change >= 0)) return [];
      const money = (v: number) => formatMetric(v, 'money', model.currency);
      return [{
        rule: `top_mover_${side}`,
        tone: side === 'up' ? 'good' : 'bad',
        numbers: { seller: m.seller, value: m.value, previous: m.previous, change: m.change },
        evidence: { section: 'movers', ref: m.seller, link: `/sellers/${encodeURIComponent(m.seller)}` },
        sentence: fillTemplate(side === 'up' ? T.moverUp : T.moverDown, {
          seller: m.name,
          change: money(Math.abs(m.change)),
          value: money(m.value),
          previous: money(m.previous),
          unit: unit(model),
        }),
      }];
    },
  })),
  {
    id: 'subcategory_swing',
    title: 'Subcategory swing',
    when: `a subcategory with at least ${formatPercent(SUBCATEGORY_MIN_SHARE)} of GMV moved ${formatPercent(SUBCATEGORY_CHANGE)} or more against the previous period (the largest such move)`,
    template: T.subcategory,
    evaluate: (model) => {
      const total = model.breakdown.reduce((sum, row) => sum + (row.gmv ?? 0), 0);
      const candidates = model.breakdown
        .filter((row) => row.gmv !== null && total > 0 && row.gmv / total >= SUBCATEGORY_MIN_SHARE && row.gmvChange !== null && Math.abs(row.gmvChange) >= SUBCATEGORY_CHANGE)
        .sort((a, b) => Math.abs(b.gmvChange ?? 0) - Math.abs(a.gmvChange ?? 0));
      const row = candidates[0];
      if (!row || row.gmv === null || row.gmvChange === null) return [];
      const share = row.gmv / total;
      return [{
        rule: 'subcategory_swing',
        tone: row.gmvChange > 0 ? 'good' : 'bad',
        numbers: { subcategory: row.name, value: row.gmv, change: row.gmvChange, share },
        evidence: { section: 'charts', ref: row.name, link: '/' },
        sentence: fillTemplate(T.subcategory, {
          subcategory: row.name,
          change: formatChange(row.gmvChange),
          value: formatMetric(row.gmv, 'money', model.currency),
          share: formatPercent(share),
        }),
      }];
    },
  },
  {
    id: 'alerts_raised',
    title: 'Alerts raised',
    when: 'at least one alert was raised for a day, week or month inside the period',
    template: T.alerts,
    evaluate: (model) => {
      if (model.alerts.length === 0) return [];
      const critical = model.alerts.filter((a) => a.severity === 'critical').length;
      return [{
        rule: 'alerts_raised',
        tone: critical > 0 ? 'bad' : 'neutral',
        numbers: { count: model.alerts.length, critical },
        evidence: { section: 'alerts', ref: null, link: '/alerts' },
        sentence: fillTemplate(T.alerts, { alerts: plural(model.alerts.length, 'alert was', 'alerts were'), critical: String(critical), unit: unit(model) }),
      }];
    },
  },
  {
    id: 'best_session',
    title: 'Best livestream',
    when: 'a session ranked on the GPM leaderboard (views at least the period’s median)',
    template: T.bestSession,
    evaluate: (model) => {
      const s = model.sessions[0];
      if (!s || s.gpm === null) return [];
      const numbers: Record<string, number | string> = { session: s.id, gpm: s.gpm, gmv: s.liveGmv ?? 0 };
      if (s.qualityScore !== null) numbers.quality = s.qualityScore;
      return [{
        rule: 'best_session',
        tone: 'good',
        numbers,
        evidence: { section: 'livestreams', ref: s.id, link: `/livestreams/${encodeURIComponent(s.id)}` },
        sentence: fillTemplate(T.bestSession, {
          title: s.title ?? s.id,
          seller: s.sellerName,
          gpm: formatMetric(s.gpm, 'money', model.currency),
          gmv: formatMetric(s.liveGmv, 'money', model.currency),
          quality: s.qualityScore === null ? '' : `, quality score ${Math.round(s.qualityScore)}`,
        }),
      }];
    },
  },
  {
    id: 'new_sellers',
    title: 'New sellers',
    when: 'at least one seller was first seen in the period',
    template: T.newSellers,
    evaluate: (model) =>
      model.sellerMap.newSellers > 0
        ? [{
            rule: 'new_sellers',
            tone: 'good',
            numbers: { count: model.sellerMap.newSellers },
            evidence: { section: 'seller_map', ref: 'new', link: '/sellers' },
            sentence: fillTemplate(T.newSellers, { sellers: plural(model.sellerMap.newSellers, 'new seller', 'new sellers'), unit: unit(model) }),
          }]
        : [],
  },
  {
    id: 'churned_sellers',
    title: 'Churned sellers',
    when: 'at least one seller’s lifecycle turned churned between the day before the period and its last day',
    template: T.churned,
    evaluate: (model) =>
      model.sellerMap.churned > 0
        ? [{
            rule: 'churned_sellers',
            tone: 'bad',
            numbers: { count: model.sellerMap.churned },
            evidence: { section: 'seller_map', ref: 'churned', link: '/sellers' },
            sentence: fillTemplate(T.churned, { sellers: plural(model.sellerMap.churned, 'seller', 'sellers'), unit: unit(model) }),
          }]
        : [],
  },
  {
    id: 'tier_moves',
    title: 'Tier moves',
    when: 'at least one seller changed tier between the day before the period and its last day',
    template: T.tierMoves,
    evaluate: (model) => {
      const { tierUps: ups, tierDowns: downs } = model.sellerMap;
      if (ups + downs === 0) return [];
      return [{
        rule: 'tier_moves',
        tone: ups >= downs ? 'good' : 'bad',
        numbers: { ups, downs },
        evidence: { section: 'seller_map', ref: 'tiers', link: '/sellers' },
        sentence: fillTemplate(T.tierMoves, { ups: plural(ups, 'seller', 'sellers'), downs: String(downs) }),
      }];
    },
  },
  {
    id: 'overdue_follow_ups',
    title: 'Overdue follow-ups',
    when: 'tasks or communications’ next actions are past due the day after the period ends',
    template: T.overdue,
    evaluate: (model) =>
      model.followUp.overdue > 0
        ? [{
            rule: 'overdue_follow_ups',
            tone: 'bad',
            numbers: { count: model.followUp.overdue },
            evidence: { section: 'follow_up', ref: null, link: '/workspace' },
            sentence: fillTemplate(T.overdue, { items: plural(model.followUp.overdue, 'follow-up is', 'follow-ups are'), unit: unit(model) }),
          }]
        : [],
  },
];

/** Every rule over the model, in catalog order. */
export function evaluateFindings(model: Model): Finding[] {
  return FINDING_RULES.flatMap((rule) => rule.evaluate(model as ReportModel));
}
