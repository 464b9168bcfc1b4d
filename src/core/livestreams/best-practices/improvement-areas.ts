/**
 * A seller's two or three livestream improvement areas that matter most, each with its evidence.
 *
 * Two kinds of evidence, in this order:
 * 1. **Money**: every session's funnel is decomposed against its peers (funnel-decomposition.ts);
 *    summing, per step, what each session would have added at the peer median says which step cost
 *    the seller the most over the range. A step counts when it cost at least `MIN_FUNNEL_SHARE` of
 *    the seller's live GMV; at most two are taken.
 * 2. **Practice**: where the subcategory's top quartile differs from the rest by more than a
 *    negligible amount with at least moderate evidence (best-practices.ts) and the seller's median session sits on the rest's side
 *    of the top quartile's median — session length, products per hour, interaction rates, rubric
 *    criteria — ranked by the strength of the difference times how far the seller is from the top.
 * The list is filled from money first, then practice, up to `MAX_AREAS`.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { decomposeFunnel, percentileBucket } from '../funnel-decomposition.ts';
import { FUNNEL_FACTORS } from '../session-metrics.ts';
import { getBestPractices, resolveRange, type NumericFinding } from './best-practices.ts';
import { formatValue } from './format-value.ts';
import { NUMERIC_FEATURES } from './practice-features.ts';

export const MAX_AREAS = 3;
export const MAX_FUNNEL_AREAS = 2;
/** A funnel step is an improvement area when it cost at least this share of the seller's live GMV. */
export const MIN_FUNNEL_SHARE = 0.05;

export interface ImprovementArea {
  kind: 'funnel' | 'practice' | 'rubric';
  key: string;
  label: string;
  headline: string;
  evidence: string;
  action: string;
  /** Funnel areas: GMV the range would have added with this step at the peer median in every session. */
  upside: number | null;
  /** Funnel areas: the seller's median percentile among peers on this step. */
  percentile: number | null;
  sellerValue: number | null;
  benchmark: number | null;
  format: NumericFinding['format'] | 'money';
  sessions: number;
}

export interface ImprovementAreas {
  sellerId: string;
  sellerName: string;
  subcategory: string | null;
  subcategoryName: string | null;
  from: string;
  to: string;
  currency: string;
  sessions: number;
  liveGmv: number;
  areas: ImprovementArea[];
  /** Why the list is empty or short, in words. */
  note: string | null;
}

/** What to do about a practice gap, by feature. */
const PRACTICE_ACTIONS: Record<string, string> = {
  duration_h: 'Plan longer slots: the top quartile stays live long enough for traffic to build and recaps to convert newcomers.',
  products_per_hour: 'Rotate through more products per hour with a short recap of each, as the top quartile does.',
  comments_per_1k_views: 'Ask questions on air and answer comments by name to get the room talking.',
  engagement_rate: 'Prompt likes, shares and comments at set moments (giveaways, polls, “tap if you want the link”).',
  ctr: 'Pin each product while it is on camera and say where to tap.',
  avg_view_duration_s: 'Open with a hook and keep a visible agenda so viewers stay for the next product.',
  follow_rate: 'Ask viewers to follow for the next session’s offer and say when it is.',
  live_view_rate: 'Use a clearer cover and title and go live at the subcategory’s busy hours.',
};

interface SessionFunnelRow {
  id: string;
  views: number | null;
  live_gmv: number | null;
  [column: string]: unknown;
}

const num = (row: Record<string, unknown>, key: string): number | null => {
  const value = row[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export async function getImprovementAreas(executor: Executor, sellerId: string, request: { from?: string; to?: string } = {}): Promise<ImprovementAreas> {
  const [seller] = await executor.query<{ id: string; name: string; subcategory: string; subcategory_name: string | null }>(sql`
    SELECT s.id, s.name, coalesce(s.subcategory_id, '') AS subcategory, c.name AS subcategory_name
    FROM sellers s LEFT JOIN categories c ON c.id = s.subcategory_id WHERE s.id = ${sellerId}`);
  if (!seller) throw new UserError(`no seller with id ${sellerId}`, { code: 'not_found', hint: 'pick a seller from the Sellers list' });
  const { from, to } = await resolveRange(executor, request);
  const { currency } = await getSettings(executor);
  // Best practices first: it makes the subcategory's benchmarks current for the range.
  const practices = await getBestPractices(executor, { from, to, subcategory: seller.subcategory });
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });

  const factorColumns = FUNNEL_FACTORS.map(
    (f) => sql`b.${sql.ident(f.metric)}, b.${sql.ident(`${f.metric}_pct`)}, g.${sql.ident(`${f.metric}_median`)}`,
  );
  const sessions = await executor.query<SessionFunnelRow>(sql`
    SELECT l.id, b.views, b.live_gmv, ${sql.join(factorColumns)}
    FROM livestreams l
    JOIN livestream_benchmarks b ON b.livestream_id = l.id
    LEFT JOIN livestream_peer_groups g ON g.subcategory = b.subcategory AND g.week = b.week AND g.band = b.band
    WHERE l.seller_id = ${sellerId} AND l.start_date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)
    ORDER BY l.started_at`);
  const base = {
    sellerId: seller.id,
    sellerName: seller.name,
    subcategory: seller.subcategory === '' ? null : seller.subcategory,
    subcategoryName: seller.subcategory_name,
    from,
    to,
    currency,
    sessions: sessions.length,
    liveGmv: sessions.reduce((sum, s) => sum + (s.live_gmv ?? 0), 0),
  };
  if (sessions.length === 0) {
    return { ...base, areas: [], note: `${seller.name} has no livestream sessions from ${from} to ${to}.` };
  }

  const funnel = funnelAreas(sessions, base.liveGmv, (value) => money.format(value));
  const practice = await practiceAreas(executor, sellerId, from, to, [...practices.habits, ...practices.interactions, ...practices.rubric], currency);
  const areas = [...funnel.slice(0, MAX_FUNNEL_AREAS), ...practice].slice(0, MAX_AREAS);
  let note: string | null = null;
  if (areas.length === 0) {
    note = practices.sessions.top === 0
      ? 'Too few comparable sessions in the subcategory to say what the best do differently; every funnel step is at or above the peer median.'
      : 'Every funnel step is at or above the peer median and no practice of the top quartile is missing.';
  }
  return { ...base, areas, note };
}

function funnelAreas(sessions: SessionFunnelRow[], liveGmv: number, formatMoney: (value: number) => string): ImprovementArea[] {
  const totals = new Map<string, { gain: number; losing: number; percentiles: number[] }>();
  for (const session of sessions) {
    const decomposition = decomposeFunnel(
      FUNNEL_FACTORS.map((f) => ({
        key: f.key,
        value: num(session, f.metric),
        median: num(session, `${f.metric}_median`),
        percentile: num(session, `${f.metric}_pct`),
      })),
      formatMoney,
      session.views,
    );
    for (const step of decomposition.steps) {
      const total = totals.get(step.key) ?? { gain: 0, losing: 0, percentiles: [] };
      if (step.gain !== null && step.gain > 0.005) {
        total.gain += step.gain;
        total.losing += 1;
      }
      if (step.percentile !== null) total.percentiles.push(step.percentile);
      totals.set(step.key, total);
    }
  }
  const threshold = Math.max(MIN_FUNNEL_SHARE * liveGmv, 0.01);
  return FUNNEL_FACTORS.flatMap((factor) => {
    const total = totals.get(factor.key);
    if (!total || total.gain < threshold) return [];
    const sorted = [...total.percentiles].sort((a, b) => a - b);
    const median = sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2 : null;
    const where = median === null ? '' : ` (typically in the ${percentileBucket(median)} of peers)`;
    const action = `${factor.fix.charAt(0).toUpperCase()}${factor.fix.slice(1)}.`;
    return [
      {
        kind: 'funnel' as const,
        key: factor.key,
        label: factor.label,
        headline: `${factor.label} cost about ${formatMoney(total.gain)}`,
        evidence: `${factor.label} was below the peer median in ${total.losing} of ${sessions.length} sessions${where}; at the peer median those sessions would have made about ${formatMoney(total.gain)} more.`,
        action,
        upside: total.gain,
        percentile: median,
        sellerValue: null,
        benchmark: null,
        format: 'money' as const,
        sessions: total.losing,
      },
    ];
  }).sort((a, b) => (b.upside ?? 0) - (a.upside ?? 0));
}

async function practiceAreas(
  executor: Executor,
  sellerId: string,
  from: string,
  to: string,
  findings: NumericFinding[],
  currency: string,
): Promise<ImprovementArea[]> {
  const telling = findings.filter((f) => f.strength !== 'weak' && f.size !== 'negligible' && f.direction !== 'same' && f.topMedian !== null);
  if (telling.length === 0) return [];
  const column = (key: string) => sql.ident(`f_${key}`);
  const numeric = NUMERIC_FEATURES.map((f) => sql`SELECT ${f.key} AS feature, ${column(f.key)} AS value FROM own`);
  // The seller's sessions are joined to their benchmarks once (MATERIALIZED), not once per feature:
  // each join scans every stored benchmark (~0.3 s of 0.4 s on the 100,000-seller demo).
  const rows = await executor.query<{ feature: string; median: number | null; sessions: number }>(sql`
    WITH own AS MATERIALIZED (
      SELECT l.id, ${sql.join(NUMERIC_FEATURES.map((f) => sql`${f.expression} AS ${column(f.key)}`))}
      FROM livestreams l JOIN livestream_benchmarks b ON b.livestream_id = l.id
      WHERE l.seller_id = ${sellerId} AND l.start_date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)
    ),
    rubric AS (
      SELECT r.livestream_id AS id, k.key, avg(CAST(json_extract_string(r.scores, k.key) AS DOUBLE)) AS value
      FROM livestream_reviews r, unnest(json_keys(r.scores)) AS k(key)
      WHERE r.livestream_id IN (SELECT id FROM own)
      GROUP BY r.livestream_id, k.key
    ),
    long AS (
      ${sql.join(numeric, ' UNION ALL ')}
      UNION ALL SELECT 'rubric:' || key, value FROM rubric
    )
    SELECT feature, median(value) AS median, count(value) AS sessions FROM long WHERE value IS NOT NULL GROUP BY feature`);
  const ownByFeature = new Map(rows.map((o) => [o.feature, o]));
  const candidates = telling.flatMap((finding) => {
    const mine = ownByFeature.get(finding.key);
    const top = finding.topMedian;
    if (!mine || mine.median === null || top === null) return [];
    const behind = finding.direction === 'higher' ? mine.median < top : mine.median > top;
    if (!behind) return [];
    const gap = top === 0 ? 1 : Math.min(1, Math.abs(top - mine.median) / Math.abs(top));
    const kind: ImprovementArea['kind'] = finding.kind === 'rubric' ? 'rubric' : 'practice';
    const yours = formatValue(mine.median, finding.format, currency);
    const theirs = formatValue(top, finding.format, currency);
    const action =
      kind === 'rubric'
        ? `Use the rubric’s level-4 and level-5 anchors for ${finding.label.toLowerCase()} as the brief for the next session.`
        : (PRACTICE_ACTIONS[finding.key] ?? `Work towards the top quartile’s ${finding.label.toLowerCase()}.`);
    return [
      {
        priority: Math.abs(finding.z) * gap,
        area: {
          kind,
          key: finding.key,
          label: finding.label,
          headline: `${finding.label}: ${yours} vs ${theirs} in the top quartile`,
          evidence: `The seller’s median over ${mine.sessions} session${Number(mine.sessions) === 1 ? '' : 's'} is ${yours}; top-quartile sessions of the subcategory ${finding.behaviour} (median ${theirs}, ${finding.topSessions} top vs ${finding.restSessions} other sessions, ${finding.strength} evidence).`,
          action,
          upside: null,
          percentile: null,
          sellerValue: mine.median,
          benchmark: top,
          format: finding.format,
          sessions: Number(mine.sessions),
        },
      },
    ];
  });
  return candidates.sort((a, b) => b.priority - a.priority).map((c) => c.area);
}
