/**
 * Every gaps-and-opportunities rule, declared once: what it looks for, the reason a person reads
 * (its {placeholders} are evidence fields), the thresholds with their defaults, its severity, and
 * how its upside in money is estimated. The evaluator, the API, the CLI, the page and the README
 * all read this list, so a rule cannot exist in one place and not another.
 */
import { UserError } from '../../shared/errors.ts';
import { lapsedLiveAdopter, liveMetricsBelowQuartile, neverLiveBigSeller } from './live-rules.sql.ts';
import type { OpportunityRule, RuleContext, RuleId, Threshold } from './rule-types.ts';
import { RULE_IDS } from './rule-types.ts';
import { gmvDeclining, incompleteProfile, topTierNotContacted } from './seller-rules.sql.ts';
import { supplyGap } from './supply-gap.sql.ts';

const BIG_TIERS = ['S', 'A'] as const;
const TOP_TIERS = ['S'] as const;

export const RULES: readonly OpportunityRule[] = [
  {
    id: 'never_live_big_seller',
    title: 'Big seller that never goes live',
    subject: 'seller',
    severity: 'high',
    tiers: BIG_TIERS,
    reason:
      'Sold {gmv} in the last 4 weeks and has never gone live. Its peers ({peer_group}) make {live_share} of their GMV live; {live_share} × {gmv} ≈ {upside} per 4 weeks.',
    upside: "peers' live GMV share (same category and tier — or whole category when it is alone in its tier — the seller itself left out) × the seller's GMV of the last 4 weeks",
    thresholds: [
      { name: 'window_days', label: 'GMV window', default: 28, unit: 'days' },
      { name: 'min_gmv', label: 'Least GMV in the window', default: 0, unit: 'money' },
    ],
    evidence: [
      { name: 'gmv', label: 'GMV, last 4 weeks', format: 'money' },
      { name: 'tier', label: 'Tier', format: 'text' },
      { name: 'category', label: 'Category', format: 'text' },
      { name: 'peer_group', label: 'Peers', format: 'text' },
      { name: 'live_share', label: "Peers' live GMV share", format: 'percent' },
      { name: 'upside', label: 'Estimated upside per 4 weeks', format: 'money' },
    ],
    query: (c) => neverLiveBigSeller(c, BIG_TIERS),
  },
  {
    id: 'gmv_declining',
    title: 'GMV declining week after week',
    subject: 'seller',
    severity: 'high',
    reason:
      'GMV has been at least {drop} below its usual {baseline} a week for each of the last {weeks} weeks: {recent} a week on average ({change}). Back to its usual level ≈ {upside} more per 4 weeks.',
    upside: '(usual weekly GMV − recent weekly GMV) × 4; usual = the average of the 4 weeks before the decline',
    thresholds: [
      { name: 'weeks', label: 'Weeks in a row', default: 3, unit: 'weeks' },
      { name: 'baseline_weeks', label: 'Weeks that set the usual level', default: 4, unit: 'weeks' },
      { name: 'drop_percent', label: 'Drop below the usual level', default: 20, unit: 'percent' },
      { name: 'min_weekly_gmv', label: 'Least usual weekly GMV', default: 0, unit: 'money' },
    ],
    evidence: [
      { name: 'weeks', label: 'Weeks below', format: 'count' },
      { name: 'drop', label: 'Drop threshold', format: 'percent' },
      { name: 'baseline', label: 'Usual weekly GMV', format: 'money' },
      { name: 'recent', label: 'Recent weekly GMV', format: 'money' },
      { name: 'change', label: 'Change', format: 'percent' },
      { name: 'tier', label: 'Tier', format: 'text' },
      { name: 'upside', label: 'Estimated upside per 4 weeks', format: 'money' },
    ],
    query: gmvDeclining,
  },
  {
    id: 'lapsed_live_adopter',
    title: 'Live seller who stopped going live',
    subject: 'seller',
    severity: 'medium',
    reason:
      'Went live {sessions_before} times in the 90 days before the last 30, making {live_gmv_before} live GMV, then stopped: last livestream {last_live}, {days_since} days ago. Back at its former pace ≈ {upside} live GMV per 4 weeks.',
    upside: 'live GMV of the 90 days before the lapse ÷ 90 × 28',
    thresholds: [
      { name: 'lapsed_days', label: 'Days without a livestream', default: 30, unit: 'days' },
      { name: 'lookback_days', label: 'Days looked at before the lapse', default: 90, unit: 'days' },
      { name: 'min_sessions', label: 'Least livestreams before the lapse', default: 2, unit: 'count' },
    ],
    evidence: [
      { name: 'last_live', label: 'Last livestream', format: 'date' },
      { name: 'days_since', label: 'Days since', format: 'count' },
      { name: 'sessions_before', label: 'Livestreams before the lapse', format: 'count' },
      { name: 'live_gmv_before', label: 'Live GMV before the lapse', format: 'money' },
      { name: 'upside', label: 'Estimated upside per 4 weeks', format: 'money' },
    ],
    query: lapsedLiveAdopter,
  },
  {
    id: 'live_metrics_below_quartile',
    title: "Livestreams below the subcategory's lower quartile",
    subject: 'seller',
    severity: 'medium',
    reason:
      '{below} below the lower quartile of {peers} live sellers in {subcategory} over {sessions} livestreams in the last 4 weeks (GPM {gpm} vs {gpm_p25}). {upside_note}',
    upside: "(subcategory's median GPM − the seller's GPM) × its views ÷ 1,000, when its GPM is below the quartile",
    thresholds: [
      { name: 'window_days', label: 'Window', default: 28, unit: 'days' },
      { name: 'min_sessions', label: 'Least livestreams in the window', default: 3, unit: 'count' },
      { name: 'min_peers', label: 'Least live sellers in the subcategory', default: 5, unit: 'count' },
    ],
    evidence: [
      { name: 'below', label: 'Below the quartile', format: 'text' },
      { name: 'subcategory', label: 'Subcategory', format: 'text' },
      { name: 'peers', label: 'Live sellers compared', format: 'count' },
      { name: 'sessions', label: 'Livestreams', format: 'count' },
      { name: 'views', label: 'Views', format: 'count' },
      { name: 'gpm', label: 'GPM', format: 'money' },
      { name: 'gpm_p25', label: 'GPM lower quartile', format: 'money' },
      { name: 'gpm_median', label: 'GPM median', format: 'money' },
      { name: 'ctr', label: 'LIVE CTR', format: 'percent' },
      { name: 'ctr_p25', label: 'CTR lower quartile', format: 'percent' },
      { name: 'engagement_rate', label: 'Engagement rate', format: 'percent' },
      { name: 'engagement_p25', label: 'Engagement lower quartile', format: 'percent' },
      { name: 'upside_note', label: 'Upside', format: 'text' },
    ],
    query: liveMetricsBelowQuartile,
  },
  {
    id: 'top_tier_not_contacted',
    title: 'Top-tier seller not contacted lately',
    subject: 'seller',
    severity: 'medium',
    tiers: TOP_TIERS,
    reason: 'Tier {tier} seller ({gmv_window} GMV in the tier window) with no contact logged in the last {days} days; last contact: {last_contact}; overdue follow-ups: {overdue_follow_ups}.',
    upside: null,
    thresholds: [{ name: 'days', label: 'Days without contact', default: 30, unit: 'days' }],
    evidence: [
      { name: 'tier', label: 'Tier', format: 'text' },
      { name: 'gmv_window', label: 'GMV in the tier window', format: 'money' },
      { name: 'days', label: 'Threshold', format: 'count' },
      { name: 'last_contact', label: 'Last contact', format: 'text' },
      { name: 'days_since_contact', label: 'Days since contact', format: 'count' },
      { name: 'overdue_follow_ups', label: 'Overdue follow-ups (workspace)', format: 'count' },
    ],
    dependsOnContacts: true,
    query: (c) => topTierNotContacted(c, TOP_TIERS),
  },
  {
    id: 'supply_gap',
    title: 'Rising demand, few sellers',
    subject: 'subcategory',
    severity: 'medium',
    reason:
      '{subcategory}: GMV {gmv} in the last 4 weeks, up {growth} on the 4 weeks before ({gmv_before}), with few sellers active: {active_sellers}, against {median_sellers} in the median subcategory. Recruit or activate sellers here.',
    upside: null,
    thresholds: [
      { name: 'min_growth_percent', label: 'GMV growth', default: 15, unit: 'percent' },
      { name: 'few_percent', label: "Active sellers below this share of the median subcategory's", default: 75, unit: 'percent' },
    ],
    evidence: [
      { name: 'subcategory', label: 'Subcategory', format: 'text' },
      { name: 'gmv', label: 'GMV, last 4 weeks', format: 'money' },
      { name: 'gmv_before', label: 'GMV, 4 weeks before', format: 'money' },
      { name: 'growth', label: 'Growth', format: 'percent' },
      { name: 'active_sellers', label: 'Active sellers', format: 'count' },
      { name: 'median_sellers', label: 'Median subcategory', format: 'number' },
      { name: 'gmv_per_seller', label: 'GMV per active seller', format: 'money' },
    ],
    query: supplyGap,
  },
  {
    id: 'incomplete_profile',
    title: 'Incomplete profile',
    subject: 'seller',
    severity: 'low',
    reason: 'Active seller with a profile {completeness} complete; missing: {missing}.',
    upside: null,
    thresholds: [{ name: 'min_score', label: 'Complete below', default: 75, unit: 'percent' }],
    evidence: [
      { name: 'completeness', label: 'Profile complete', format: 'percent' },
      { name: 'missing', label: 'Missing', format: 'text' },
      { name: 'missing_count', label: 'Fields missing', format: 'count' },
      { name: 'gmv_window', label: 'GMV in the tier window', format: 'money' },
    ],
    query: incompleteProfile,
  },
];

export const RULES_BY_ID: ReadonlyMap<RuleId, OpportunityRule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

export function getRule(id: string): OpportunityRule {
  const rule = isRuleId(id) ? RULES_BY_ID.get(id) : undefined;
  if (!rule) throw new UserError(`unknown opportunity rule "${id}"`, { hint: `rules: ${RULE_IDS.join(', ')}` });
  return rule;
}

/** The thresholds a rule runs with, by name. */
export function thresholdValues(thresholds: readonly Threshold[]): Record<string, number> {
  return Object.fromEntries(thresholds.map((t) => [t.name, t.default]));
}

export type { RuleContext };
