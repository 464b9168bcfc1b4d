/**
 * From the valid lines of `event_lines` to one session's observed figures: the minute timeline,
 * the comments with their classification, the products seen or mentioned, and the recording's
 * summary. Runs in the import's transaction and first deletes the session's previous recording,
 * so a re-import replaces its figures whole or not at all.
 *
 * Counting rules (each surprising on purpose):
 * - A gift streak sends many events with a growing repeatCount and `repeatEnd: false`; only the
 *   `repeatEnd: true` event is final. A streak is counted once, at that event, as repeatCount gifts
 *   and diamondCount × repeatCount diamonds. A gift without repeatEnd (not streakable) counts as it
 *   arrives. A streak cut off by the recording's end counts at its last event.
 * - Likes are Σ likeCount of the like events, which the platform samples on big streams; the room's
 *   own running total (max totalLikeCount) is kept beside it.
 * - Viewers online is the minute's last roomUser viewerCount; enters are member events.
 * - Minutes count from the session's start; events before it fall in minute 0.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { QUESTION_MARKS, termNeedle, termsOf, type LexiconList, type LexiconTerm } from './event-lexicon.ts';

export interface ObservedTarget {
  livestreamId: string;
  sellerId: string;
  importId: string;
  roomId: string | null;
}

/** A JSON path of this module as an SQL literal: DuckDB parses a bound path again for every row. */
const jsonPath = (path: string): Sql => sql.raw(`'${path.replaceAll("'", "''")}'`);
const str = (path: string): Sql => sql`json_extract_string(payload, ${jsonPath(path)})`;
const num = (path: string): Sql => sql`TRY_CAST(json_extract_string(payload, ${jsonPath(path)}) AS DOUBLE)`;
/** Lower-cased, NFC, every run of non-letters/marks/digits one space, padded (`normaliseText` in SQL). */
const normalised = (text: Sql): Sql =>
  sql`' ' || trim(regexp_replace(lower(nfc_normalize(${text})), '[^\\p{L}\\p{N}\\p{M}]+', ' ', 'g')) || ' '`;

/** Whether a text (columns `low` and `norm`) holds a term. */
const holds = (term: LexiconTerm): Sql => {
  const { in: where, needle } = termNeedle(term);
  return sql`contains(${sql.raw(where === 'words' ? 'norm' : 'low')}, ${needle})`;
};
const holdsAny = (list: LexiconList): Sql => sql`(${sql.join(termsOf(list).map(holds), ' OR ')})`;

async function stageRows(executor: Executor, target: ObservedTarget): Promise<void> {
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE observed_rows AS
    SELECT e.line_no, e.event, e."at", e.user_id, e.payload,
      CAST(greatest(0, floor((epoch(e."at") - epoch(s.started_at)) / 60)) AS INTEGER) AS minute
    FROM event_lines e CROSS JOIN (SELECT started_at FROM livestreams WHERE id = ${target.livestreamId}) s
    WHERE e.problem IS NULL`);
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE observed_gifts AS
    SELECT minute, repeat_count, diamonds_each * repeat_count AS diamonds
    FROM (
      SELECT minute, line_no,
        CAST(coalesce(${num('$.repeatCount')}, 1) AS BIGINT) AS repeat_count,
        CAST(${num('$.diamondCount')} AS BIGINT) AS diamonds_each,
        CASE lower(${str('$.repeatEnd')}) WHEN 'true' THEN true WHEN '1' THEN true WHEN 'false' THEN false WHEN '0' THEN false END AS repeat_end,
        lead(line_no) OVER (PARTITION BY user_id, ${str('$.giftId')} ORDER BY "at", line_no) AS next_line
      FROM observed_rows WHERE event = 'gift'
    )
    WHERE repeat_end IS NULL OR repeat_end OR next_line IS NULL`);
}

async function stageProducts(executor: Executor, target: ObservedTarget): Promise<void> {
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE observed_products AS
    WITH stream AS (
      SELECT lower(trim(coalesce(${str('$.title')}, ${str('$.productTitle')}))) AS product_key,
        arg_min(trim(coalesce(${str('$.title')}, ${str('$.productTitle')})), line_no) AS title,
        arg_max(${num('$.price')}, line_no) AS price,
        arg_max(trim(coalesce(${str('$.shop')}, ${str('$.shopName')})), line_no) AS shop,
        count(*) AS shopping_events, min(minute) AS first_minute
      FROM observed_rows WHERE event = 'oecLiveShopping' GROUP BY 1
    ),
    catalog AS (
      SELECT lower(trim(name)) AS product_key, min(trim(name)) AS title, CAST(min(price) AS DOUBLE) AS price
      FROM products WHERE seller_id = ${target.sellerId} AND nullif(trim(name), '') IS NOT NULL GROUP BY 1
    ),
    products AS (
      SELECT product_key, title, price, shop, 'stream' AS source, shopping_events, first_minute FROM stream
      UNION ALL
      SELECT product_key, title, price, NULL, 'catalog', 0, NULL FROM catalog WHERE product_key NOT IN (SELECT product_key FROM stream)
    )
    SELECT *, ${normalised(sql`title`)} AS norm FROM products`);
  // A product is mentioned by a comment holding its whole title or two consecutive words of it
  // (one of them at least 4 characters long, so "for the" names nothing).
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE observed_product_terms AS
    WITH w AS (SELECT product_key, norm, string_split(trim(norm), ' ') AS words FROM observed_products)
    SELECT product_key, norm AS term FROM w
    UNION
    SELECT product_key, ' ' || words[i] || ' ' || words[i + 1] || ' '
    FROM w, range(1, len(words)) AS r(i)
    WHERE greatest(length(words[i]), length(words[i + 1])) >= 4`);
}

async function storeComments(executor: Executor, target: ObservedTarget): Promise<void> {
  const marks = sql.join(
    QUESTION_MARKS.map((m) => sql`contains(low, ${m})`),
    ' OR ',
  );
  const intentTerms = sql.join(
    termsOf('intent').map((t) => sql`CASE WHEN ${holds(t)} THEN ${t.term} END`),
    ', ',
  );
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE observed_comments AS
    SELECT line_no, minute, "at", user_id, event AS source,
      trim(coalesce(${str('$.comment')}, ${str('$.questionText')}, ${str('$.text')}, ${str('$.question')}, ${str('$.content')}, '')) AS comment
    FROM observed_rows WHERE event IN ('chat', 'questionNew')`);
  // Each distinct text is read once (viewers repeat themselves): whether it asks, the intent phrases
  // it holds, its sentiment, then the products it names (a join on the products' terms).
  await executor.run(sql`
    CREATE OR REPLACE TEMP TABLE observed_texts AS
    SELECT comment, norm,
      ${marks} OR ${holdsAny('question')} AS asks,
      CASE WHEN ${holdsAny('intent')} THEN list_sort(list_distinct(list_filter([${intentTerms}], t -> t IS NOT NULL))) ELSE [] END AS intent_terms,
      ${holdsAny('positive')} AS pos,
      ${holdsAny('negative')} AS neg
    FROM (SELECT comment, lower(nfc_normalize(comment)) AS low, ${normalised(sql`comment`)} AS norm FROM (SELECT DISTINCT comment FROM observed_comments))`);
  await executor.run(sql`
    INSERT INTO livestream_event_comments (livestream_id, line_no, minute, "at", user_id, source, comment, is_question, intent_terms, sentiment, product_keys)
    WITH mentions AS (
      SELECT x.comment, list(DISTINCT t.product_key ORDER BY t.product_key) AS keys
      FROM observed_texts x JOIN observed_product_terms t ON contains(x.norm, t.term) GROUP BY x.comment
    )
    SELECT ${target.livestreamId}, c.line_no, c.minute, c."at", c.user_id, c.source, c.comment,
      c.source = 'questionNew' OR x.asks,
      x.intent_terms,
      CASE WHEN x.pos AND NOT x.neg THEN 'positive' WHEN x.neg AND NOT x.pos THEN 'negative' ELSE 'neutral' END,
      coalesce(m.keys, [])
    FROM observed_comments c JOIN observed_texts x USING (comment) LEFT JOIN mentions m USING (comment)`);
}

async function storeMinutes(executor: Executor, target: ObservedTarget): Promise<void> {
  await executor.run(sql`
    INSERT INTO livestream_event_minutes (livestream_id, minute, viewers_online, enters, comments, questions, intent_comments,
      likes, gifts, diamonds, follows, shares, product_events)
    WITH social AS (SELECT lower(coalesce(${str('$.action')}, ${str('$.displayType')}, ${str('$.label')}, '')) AS kind, minute, event FROM observed_rows WHERE event = 'social'),
    e AS (
      SELECT minute,
        CAST(arg_max(${num('$.viewerCount')}, "at") FILTER (WHERE event = 'roomUser') AS INTEGER) AS viewers_online,
        count(*) FILTER (WHERE event = 'member') AS enters,
        CAST(coalesce(sum(${num('$.likeCount')}) FILTER (WHERE event = 'like'), 0) AS BIGINT) AS likes,
        count(*) FILTER (WHERE event = 'follow') AS follows,
        count(*) FILTER (WHERE event = 'share') AS shares,
        count(*) FILTER (WHERE event IN ('oecLiveShopping', 'roomPin')) AS product_events
      FROM observed_rows GROUP BY minute
    ),
    s AS (
      SELECT minute, count(*) FILTER (WHERE contains(kind, 'follow')) AS follows, count(*) FILTER (WHERE contains(kind, 'share')) AS shares
      FROM social GROUP BY minute
    ),
    g AS (SELECT minute, sum(repeat_count) AS gifts, sum(diamonds) AS diamonds FROM observed_gifts GROUP BY minute),
    c AS (
      SELECT minute, count(*) FILTER (WHERE source = 'chat') AS comments, count(*) FILTER (WHERE is_question) AS questions,
        count(*) FILTER (WHERE len(intent_terms) > 0) AS intent_comments
      FROM livestream_event_comments WHERE livestream_id = ${target.livestreamId} GROUP BY minute
    ),
    m AS (SELECT range AS minute FROM range(0, (SELECT max(minute) + 1 FROM observed_rows)))
    SELECT ${target.livestreamId}, m.minute, e.viewers_online, coalesce(e.enters, 0), coalesce(c.comments, 0), coalesce(c.questions, 0),
      coalesce(c.intent_comments, 0), coalesce(e.likes, 0), coalesce(g.gifts, 0), coalesce(g.diamonds, 0),
      coalesce(e.follows, 0) + coalesce(s.follows, 0), coalesce(e.shares, 0) + coalesce(s.shares, 0), coalesce(e.product_events, 0)
    FROM m LEFT JOIN e USING (minute) LEFT JOIN s USING (minute) LEFT JOIN g USING (minute) LEFT JOIN c USING (minute)
    ORDER BY m.minute`);
}

async function storeProductsAndRecording(executor: Executor, target: ObservedTarget): Promise<void> {
  await executor.run(sql`
    INSERT INTO livestream_event_products (livestream_id, product_key, title, price, shop, source, shopping_events, first_minute, mentions)
    SELECT ${target.livestreamId}, p.product_key, p.title, p.price, p.shop, p.source, p.shopping_events, p.first_minute,
      (SELECT count(*) FROM livestream_event_comments c WHERE c.livestream_id = ${target.livestreamId} AND list_contains(c.product_keys, p.product_key))
    FROM observed_products p`);
  await executor.run(sql`
    INSERT INTO livestream_event_recordings (livestream_id, import_id, room_id, first_event_at, last_event_at, stream_ended_at, events,
      lines_rejected, event_counts, likes_in_events, likes_total_reported, peak_viewers)
    SELECT ${target.livestreamId}, ${target.importId}, ${target.roomId}, min("at"), max("at"), min("at") FILTER (WHERE event = 'streamEnd'), count(*),
      (SELECT count(*) FROM event_lines WHERE problem IS NOT NULL),
      (SELECT json_group_object(event, n) FROM (SELECT event, count(*) AS n FROM observed_rows GROUP BY event ORDER BY event)),
      CAST(coalesce(sum(${num('$.likeCount')}) FILTER (WHERE event = 'like'), 0) AS BIGINT),
      CAST(max(${num('$.totalLikeCount')}) FILTER (WHERE event = 'like') AS BIGINT),
      CAST(max(${num('$.viewerCount')}) FILTER (WHERE event = 'roomUser') AS INTEGER)
    FROM observed_rows`);
}

/** Replaces the session's observed figures with those of the staged recording; returns the events stored. */
export async function storeObserved(executor: Executor, target: ObservedTarget): Promise<number> {
  for (const table of [
    'livestream_event_recordings',
    'livestream_event_minutes',
    'livestream_event_comments',
    'livestream_event_products',
  ]) {
    await executor.run(sql`DELETE FROM ${sql.ident(table)} WHERE livestream_id = ${target.livestreamId}`);
  }
  try {
    await stageRows(executor, target);
    await stageProducts(executor, target);
    await storeComments(executor, target);
    await storeMinutes(executor, target);
    await storeProductsAndRecording(executor, target);
    const [row] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM observed_rows`);
    return row?.n ?? 0;
  } finally {
    await executor.exec(
      'DROP TABLE IF EXISTS observed_rows; DROP TABLE IF EXISTS observed_gifts; DROP TABLE IF EXISTS observed_products; DROP TABLE IF EXISTS observed_product_terms; DROP TABLE IF EXISTS observed_comments; DROP TABLE IF EXISTS observed_texts',
    );
  }
}
