/**
 * Livestream reviews on the active rubric (the default one unless the workspace has its own): a
 * sample of sessions from the last eight weeks plus most sessions of the planted improving host,
 * some with a second reviewer. Scores follow the session's measured quality (its CTR, engagement and
 * GPM percentiles) with reviewer noise, so reviews and metrics tell the same story; compliance is
 * mostly good, as in practice. Scores are 1–5 for every criterion key of the rubric.
 */
import type { Executor } from '../db/database.ts';
import { queryOne } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { ensureDefaultRubric } from '../livestreams/default-rubric.ts';
import type { DemoPlan } from './demo-plan.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import { advanceSequence, idBase } from './workspace-ids.ts';
import { REVIEWERS, STORY_HOST_NAME } from './word-lists.ts';

const STRONG_NOTES = [
  'Strong hook in the first minute and a clear product rotation; pinning on time.',
  'Great hands-on demos with close-ups; comments answered by name.',
  'Confident host, well-paced offers and regular recaps for newcomers.',
];
const AVERAGE_NOTES = [
  'Good energy, but demos were short; recap more often for newcomers.',
  'Offers were clear; some questions in the comments went unanswered.',
  'Solid session; lighting on the product table could be brighter.',
];
const WEAK_NOTES = [
  'Long dead time between products and no opening hook.',
  'Picture too dark and audio echo; products hard to see.',
  'Host read from notes most of the time; no calls to action.',
];
/**
 * Catalog tags (livestreams/reviews/review-tags.ts) a reviewer puts on when a criterion scores high
 * or low, so tags agree with the scores; a rule whose criterion the rubric lacks is skipped.
 */
const TAG_RULES: readonly { tag: string; key: string; high: boolean; level: number }[] = [
  { tag: 'strong_hook', key: 'structure_script', high: true, level: 5 },
  { tag: 'recap_for_newcomers', key: 'structure_script', high: true, level: 4 },
  { tag: 'hands_on_demo', key: 'product_demonstration', high: true, level: 4 },
  { tag: 'pinned_products_early', key: 'cta_interaction', high: true, level: 4 },
  { tag: 'answers_comments', key: 'cta_interaction', high: true, level: 5 },
  { tag: 'price_anchoring', key: 'offers_promotions', high: true, level: 4 },
  { tag: 'energetic_host', key: 'host_delivery', high: true, level: 5 },
  { tag: 'weak_opening', key: 'structure_script', high: false, level: 2 },
  { tag: 'off_camera', key: 'host_delivery', high: false, level: 1 },
  { tag: 'poor_lighting', key: 'visual_audio', high: false, level: 2 },
  { tag: 'no_demo', key: 'product_demonstration', high: false, level: 1 },
  { tag: 'no_call_to_action', key: 'cta_interaction', high: false, level: 2 },
  { tag: 'unclear_pricing', key: 'offers_promotions', high: false, level: 1 },
  { tag: 'prohibited_claims', key: 'compliance', high: false, level: 2 },
];

/** How many sessions a default-size demo reviews (plus the story host's). */
const TARGET_REVIEWS = 250;

function criterionKeys(criteria: unknown): string[] {
  if (!Array.isArray(criteria)) throw new Error('rubric criteria must be a JSON array');
  return criteria.map((criterion: unknown) => {
    const key = (criterion as { key?: unknown } | null)?.key;
    if (typeof key !== 'string' || key.length === 0) throw new Error('every rubric criterion needs a key');
    return key;
  });
}

export async function insertReviews(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<number> {
  const rubric = await ensureDefaultRubric(tx, 'demo');
  const { criteria } = await queryOne<{ criteria: unknown }>(
    tx,
    sql`SELECT criteria FROM rubrics WHERE id = ${rubric.rubricId}`,
  );
  const keys = criterionKeys(criteria);
  const base = await idBase(tx, 'livestream_reviews');
  const review = [sql`id`, sql`rn`];
  const score = (key: string, n: number) =>
    key === 'compliance'
      ? sql`CAST(least(5, greatest(1, round(4.3 + 0.8 * ${rnd.normal(`score_${n}`, ...review)}))) AS INTEGER)`
      : sql`CAST(least(5, greatest(1, round(1 + 4 * quality + 0.7 * ${rnd.normal(`score_${n}`, ...review)}))) AS INTEGER)`;
  const noteFor = sql`CASE WHEN quality > 0.7 THEN ${rnd.pick(STRONG_NOTES, 'review_note', ...review)}
    WHEN quality > 0.35 THEN ${rnd.pick(AVERAGE_NOTES, 'review_note', ...review)} ELSE ${rnd.pick(WEAK_NOTES, 'review_note', ...review)} END`;
  const count = await tx.run(sql`
    INSERT INTO livestream_reviews (id, livestream_id, rubric_id, reviewer, scores, notes, tags, created_at, updated_at)
    WITH recent AS (
      SELECT id, host, ended_at,
        (percent_rank() OVER (ORDER BY product_clicks / views) + percent_rank() OVER (ORDER BY (likes + comments + shares) / views)
          + percent_rank() OVER (ORDER BY gmv / views)) / 3 AS quality,
        count(*) OVER () AS sessions
      FROM livestreams
      WHERE views > 0 AND start_date BETWEEN CAST(${plan.to} AS DATE) - 55 AND CAST(${plan.to} AS DATE) - 2
    ), picked AS (
      SELECT *, ${rnd.below(REVIEWERS.length, 'reviewer', sql`id`)} AS first_reviewer,
        CAST(unnest(range(1 + CAST(${rnd.uniform('second_review', sql`id`)} < 0.12 AS INTEGER))) AS INTEGER) AS rn
      FROM recent
      WHERE ${rnd.uniform('review', sql`id`)} < ${lit(TARGET_REVIEWS)} / sessions
        OR (host = ${STORY_HOST_NAME} AND ${rnd.uniform('review_story', sql`id`)} < 0.6)
    ), scored AS (
      SELECT *,
        list_element(${sqlList(REVIEWERS)}, 1 + CAST((first_reviewer + rn * (1 + ${rnd.below(REVIEWERS.length - 1, 'other_reviewer', sql`id`)})) % ${lit(REVIEWERS.length)} AS INTEGER)) AS reviewer,
        ${sql.join(keys.map((key, n) => sql`${score(key, n)} AS ${sql.ident(`s${n}`)}`))}
      FROM picked
    )
    SELECT ${lit(base)} + row_number() OVER (ORDER BY id, rn), id, ${rubric.rubricId}, reviewer,
      json_object(${sql.join(keys.map((key, n) => sql`${key}, ${sql.ident(`s${n}`)}`))}),
      ${noteFor},
      list_concat(
        CASE WHEN quality > 0.75 THEN ['best_practice'] ELSE CAST([] AS VARCHAR[]) END,
        CASE WHEN quality < 0.3 THEN ['coaching_needed'] ELSE CAST([] AS VARCHAR[]) END,
        CASE WHEN least(${sql.join(keys.map((_, n) => sql.ident(`s${n}`)))}) <= 1 THEN ['follow_up'] ELSE CAST([] AS VARCHAR[]) END,
        ${sql.join(
          TAG_RULES.filter((rule) => keys.includes(rule.key)).map((rule) => {
            const column = sql.ident(`s${keys.indexOf(rule.key)}`);
            const test = rule.high ? sql`${column} >= ${rule.level}` : sql`${column} <= ${rule.level}`;
            return sql`CASE WHEN ${test} THEN [${rule.tag}] ELSE CAST([] AS VARCHAR[]) END`;
          }),
        )}),
      ended_at + to_seconds(CAST(3600 * (2 + ${rnd.below(46, 'review_delay', ...review)}) AS BIGINT)),
      ended_at + to_seconds(CAST(3600 * (2 + ${rnd.below(46, 'review_delay', ...review)}) AS BIGINT))
    FROM scored`);
  await advanceSequence(tx, 'livestream_reviews');
  return count;
}
