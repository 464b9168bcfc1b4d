/**
 * The best-practices comparison as SQL: every session of the range with its outcome and features,
 * its subcategory's top quartile by outcome marked (`grp` = 'top' | 'rest'), then per feature the
 * medians of both groups and the Mann–Whitney rank sum that says how often a top session beats an
 * other one. All of it set-based over the stored benchmarks — never a loop over sessions.
 *
 * The sessions are ranked once into a temp table (`stageSessionsSql`) that the five questions then
 * read, on one connection: ranking sorts every session of the range (1.2 M in 8 weeks of the
 * 100,000-seller demo, ~1 s each time), and each question used to rank them again.
 *
 * Quartiles are taken within each subcategory (a top session is top among its own peers), ties
 * broken by id so a rerun marks the same sessions; a subcategory with too few ranked sessions is
 * left out and reported.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { MIN_SESSIONS_PER_SUBCATEGORY, NUMERIC_FEATURES, startHourBandSql, type Outcome } from './practice-features.ts';

export interface SessionScope {
  from: string;
  to: string;
  /** One subcategory id, '' for sellers without one, undefined for all. */
  subcategory?: string;
  /** Only this seller's sessions (used for improvement areas). */
  seller?: string;
  timezone: string;
  outcome: Outcome;
}

const feature = (key: string) => sql.ident(`f_${key}`);

/** The temp table the questions below read: one row per session of the scope, `grp` null when it is not ranked. */
export const STAGED_SESSIONS = 'practice_sessions';

/**
 * Ranks the scope's sessions into `practice_sessions` (on the caller's connection). Sessions without
 * an outcome get their own partition, so the quartiles and the subcategory's count of ranked
 * sessions are those of the ranked sessions alone; they get no group.
 */
export function stageSessionsSql(scope: SessionScope): Sql {
  const onlySub = scope.subcategory === undefined ? sql.empty : sql`AND b.subcategory = ${scope.subcategory}`;
  return sql`
    CREATE OR REPLACE TEMP TABLE ${sql.ident(STAGED_SESSIONS)} AS
    WITH sessions AS (
      SELECT l.id, l.seller_id, b.subcategory AS sub, b.${sql.ident(scope.outcome)} AS outcome,
        ${startHourBandSql(sql`hour(timezone(${scope.timezone}, l.started_at))`)} AS start_band,
        ${sql.join(NUMERIC_FEATURES.map((f) => sql`${f.expression} AS ${feature(f.key)}`))}
      FROM livestream_benchmarks b JOIN livestreams l ON l.id = b.livestream_id
      WHERE l.start_date BETWEEN CAST(${scope.from} AS DATE) AND CAST(${scope.to} AS DATE) ${onlySub}
    ),
    quartiles AS (
      SELECT *, count(*) OVER (PARTITION BY sub, outcome IS NULL) AS ranked_in_sub,
        ntile(4) OVER (PARTITION BY sub, outcome IS NULL ORDER BY outcome DESC, id) AS quartile
      FROM sessions
    )
    SELECT * EXCLUDE (ranked_in_sub, quartile),
      CASE WHEN outcome IS NULL OR ranked_in_sub < ${MIN_SESSIONS_PER_SUBCATEGORY} THEN NULL WHEN quartile = 1 THEN 'top' ELSE 'rest' END AS grp
    FROM quartiles`;
}

/** CTEs `sessions` (every session of the scope) and `ranked` (those with a group) over the staged table. */
const staged = sql`
    sessions AS (SELECT * FROM ${sql.ident(STAGED_SESSIONS)}),
    ranked AS (SELECT * FROM ${sql.ident(STAGED_SESSIONS)} WHERE grp IS NOT NULL)`;

/** Per subcategory: sessions, ranked sessions, whether it was included, and the top-quartile threshold. */
export function subcategorySummarySql(): Sql {
  return sql`
    WITH ${staged}
    SELECT s.sub AS subcategory, c.name AS subcategory_name, count(*) AS sessions, count(s.outcome) AS ranked,
      count(s.outcome) >= ${MIN_SESSIONS_PER_SUBCATEGORY} AS included,
      (SELECT min(r.outcome) FROM ranked r WHERE r.sub = s.sub AND r.grp = 'top') AS top_threshold,
      (SELECT count(*) FROM ranked r WHERE r.sub = s.sub AND r.grp = 'top') AS top_sessions
    FROM sessions s LEFT JOIN categories c ON c.id = s.sub
    GROUP BY s.sub, c.name ORDER BY sessions DESC, s.sub`;
}

/** Per-session rubric score by criterion: the mean over the session's reviewers. */
const rubricScoresCte = sql`
  rubric_scores AS (
    SELECT r.livestream_id AS id, k.key, avg(CAST(json_extract_string(r.scores, k.key) AS DOUBLE)) AS value
    FROM livestream_reviews r, unnest(json_keys(r.scores)) AS k(key)
    GROUP BY r.livestream_id, k.key
  )`;

/**
 * One row per feature (numeric features by key, rubric criteria as `rubric:<key>`): for each group
 * the sessions with a value and their median, and `rank_sum_top` — the sum of the top sessions'
 * ranks among all sessions with a value (ties at their average rank).
 *
 * The ranks come from the distinct values, not from every session: a value shared by n sessions,
 * with `below` sessions under it, has the average rank below + (n + 1) / 2, and each top session
 * holding it adds that rank. One running sum over the (far fewer) distinct values replaces two
 * window passes over every (session, feature) pair, and features are numbered (`fk`) so grouping
 * and sorting never compare their names: 9.6 M pairs in 8 weeks of the 100,000-seller demo, 10–14 s
 * of CPU before, 4–6 s now, same sums (every rank and product is a whole or half number, exact in
 * a double).
 */
export function numericComparisonSql(): Sql {
  const number = (i: number) => sql.raw(String(i));
  const unpivot = NUMERIC_FEATURES.map((f, i) => sql`SELECT grp = 'top' AS top, ${number(i)} AS fk, ${feature(f.key)} AS value FROM ranked`);
  const names = NUMERIC_FEATURES.map((f, i) => sql`(${number(i)}, ${f.key})`);
  return sql`
    WITH ${staged}, ${rubricScoresCte},
    rubric_keys AS (
      SELECT key, ${number(NUMERIC_FEATURES.length)} + row_number() OVER (ORDER BY key) AS fk FROM (SELECT DISTINCT key FROM rubric_scores)
    ),
    names AS (
      SELECT * FROM (VALUES ${sql.join(names)}) AS t(fk, feature)
      UNION ALL SELECT fk, 'rubric:' || key FROM rubric_keys
    ),
    long AS (
      SELECT * FROM (${sql.join(unpivot, ' UNION ALL ')}) WHERE value IS NOT NULL
      UNION ALL
      SELECT r.grp = 'top', k.fk, s.value
      FROM ranked r JOIN rubric_scores s ON s.id = r.id JOIN rubric_keys k ON k.key = s.key WHERE s.value IS NOT NULL
    ),
    per_value AS (
      SELECT fk, value, count(*) FILTER (WHERE top) AS top_here, count(*) AS here FROM long GROUP BY fk, value
    ),
    rank_sums AS (
      SELECT fk, sum(top_here * (below + (here + 1) / 2.0)) AS rank_sum_top
      FROM (
        SELECT fk, top_here, here,
          coalesce(sum(here) OVER (PARTITION BY fk ORDER BY value ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below
        FROM per_value
      )
      GROUP BY fk
    ),
    groups AS (
      SELECT fk,
        count(*) FILTER (WHERE top) AS n_top, count(*) FILTER (WHERE NOT top) AS n_rest,
        median(value) FILTER (WHERE top) AS median_top, median(value) FILTER (WHERE NOT top) AS median_rest
      FROM long GROUP BY fk
    )
    SELECT n.feature, g.n_top, g.n_rest, g.median_top, g.median_rest, coalesce(r.rank_sum_top, 0) AS rank_sum_top
    FROM groups g JOIN names n ON n.fk = g.fk LEFT JOIN rank_sums r ON r.fk = g.fk ORDER BY n.feature`;
}

/**
 * Shares of sessions in each start-hour band (among ranked sessions) and carrying each review tag
 * (among ranked sessions with at least one review), per group.
 */
export function shareComparisonSql(): Sql {
  return sql`
    WITH ${staged},
    reviewed AS (SELECT DISTINCT livestream_id AS id FROM livestream_reviews),
    tagged AS (SELECT DISTINCT livestream_id AS id, unnest(tags) AS tag FROM livestream_reviews),
    totals AS (
      SELECT count(*) FILTER (WHERE grp = 'top') AS sessions_top, count(*) FILTER (WHERE grp = 'rest') AS sessions_rest,
        count(v.id) FILTER (WHERE grp = 'top') AS reviewed_top, count(v.id) FILTER (WHERE grp = 'rest') AS reviewed_rest
      FROM ranked r LEFT JOIN reviewed v ON v.id = r.id
    ),
    counts AS (
      SELECT 'start_hour' AS kind, start_band AS key, count(*) FILTER (WHERE grp = 'top') AS hit_top, count(*) FILTER (WHERE grp = 'rest') AS hit_rest
      FROM ranked WHERE start_band IS NOT NULL GROUP BY start_band
      UNION ALL
      SELECT 'tag', t.tag, count(*) FILTER (WHERE grp = 'top'), count(*) FILTER (WHERE grp = 'rest')
      FROM ranked r JOIN tagged t ON t.id = r.id GROUP BY t.tag
    )
    SELECT c.kind, c.key, c.hit_top, c.hit_rest,
      CASE WHEN c.kind = 'tag' THEN t.reviewed_top ELSE t.sessions_top END AS n_top,
      CASE WHEN c.kind = 'tag' THEN t.reviewed_rest ELSE t.sessions_rest END AS n_rest
    FROM counts c, totals t ORDER BY c.kind, c.key`;
}

/** Group sizes: ranked sessions and reviewed ranked sessions per group. */
export function groupTotalsSql(): Sql {
  return sql`
    WITH ${staged},
    reviewed AS (SELECT DISTINCT livestream_id AS id FROM livestream_reviews)
    SELECT count(*) FILTER (WHERE grp = 'top') AS sessions_top, count(*) FILTER (WHERE grp = 'rest') AS sessions_rest,
      count(v.id) FILTER (WHERE grp = 'top') AS reviewed_top, count(v.id) FILTER (WHERE grp = 'rest') AS reviewed_rest,
      (SELECT count(*) FROM sessions) AS sessions_all, (SELECT count(*) FROM sessions WHERE outcome IS NULL) AS unranked
    FROM ranked r LEFT JOIN reviewed v ON v.id = r.id`;
}

/**
 * The latest reviews in scope that name a best practice: what reviewers saw the good sessions do,
 * with the session's group when it was ranked.
 */
export function practiceExamplesSql(tags: readonly string[], limit: number, reviewScores: Sql): Sql {
  return sql`
    WITH ${staged}, scores AS ${reviewScores}
    SELECT r.id AS review_id, r.livestream_id, l.title, l.seller_id, sl.name AS seller_name, l.host, CAST(l.start_date AS VARCHAR) AS start_date,
      r.reviewer, CAST(list_filter(r.tags, t -> list_contains(CAST(${JSON.stringify(tags)} AS VARCHAR[]), t)) AS VARCHAR[]) AS tags,
      r.notes, sc.score100 AS rubric_score, rk.grp AS quartile
    FROM livestream_reviews r
    JOIN sessions x ON x.id = r.livestream_id
    JOIN livestreams l ON l.id = r.livestream_id
    JOIN sellers sl ON sl.id = l.seller_id
    LEFT JOIN scores sc ON sc.review_id = r.id
    LEFT JOIN ranked rk ON rk.id = r.livestream_id
    WHERE list_has_any(r.tags, CAST(${JSON.stringify(tags)} AS VARCHAR[]))
    ORDER BY r.updated_at DESC, r.id DESC
    LIMIT ${sql.raw(String(Math.trunc(limit)))}`;
}
