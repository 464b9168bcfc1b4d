/**
 * A session's observed figures, as the session page, the API and `aisle livestreams show` give
 * them: the recording it came from, the minute timeline, totals and the comment analytics
 * (comments per minute, share of questions, purchase intent and its phrases, sentiment, the
 * products mentioned most). Every figure is finished here; the page only formats it. Observed
 * figures are what the event stream showed — they differ from the platform's own numbers.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';

export interface ObservedMinute {
  minute: number;
  viewersOnline: number | null;
  enters: number;
  comments: number;
  questions: number;
  intentComments: number;
  likes: number;
  gifts: number;
  diamonds: number;
  follows: number;
  shares: number;
  productEvents: number;
}

export interface ObservedRecording {
  importId: string;
  file: string | null;
  importedAt: string;
  roomId: string | null;
  firstEventAt: string;
  lastEventAt: string;
  streamEndedAt: string | null;
  events: number;
  linesRejected: number;
  eventCounts: Record<string, number>;
}

export interface ObservedTotals {
  comments: number;
  questions: number;
  /** Questions among comments and questionNew events; null without any. */
  questionShare: number | null;
  intentComments: number;
  intentShare: number | null;
  commentsPerMinute: number | null;
  enters: number;
  peakViewers: number | null;
  likesInEvents: number;
  likesTotalReported: number | null;
  gifts: number;
  diamonds: number;
  follows: number;
  shares: number;
  productEvents: number;
}

export interface ObservedSession {
  livestreamId: string;
  /** null when no recording of the session was imported. */
  recording: ObservedRecording | null;
  minutes: ObservedMinute[];
  totals: ObservedTotals | null;
  sentiment: {
    positive: number;
    negative: number;
    neutral: number;
    positiveShare: number | null;
    negativeShare: number | null;
  } | null;
  intentTerms: { term: string; comments: number }[];
  products: {
    title: string;
    price: number | null;
    shop: string | null;
    source: 'stream' | 'catalog';
    shoppingEvents: number;
    firstMinute: number | null;
    mentions: number;
  }[];
  questions: { minute: number; comment: string }[];
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

async function readRecording(executor: Executor, livestreamId: string): Promise<ObservedRecording | null> {
  const [r] = await executor.query<{
    import_id: string;
    file: string | null;
    created_at: string;
    room_id: string | null;
    first_event_at: string;
    last_event_at: string;
    stream_ended_at: string | null;
    events: number;
    lines_rejected: number;
    event_counts: Record<string, number>;
  }>(
    sql`SELECT r.*, i.file FROM livestream_event_recordings r LEFT JOIN imports i ON i.id = r.import_id WHERE r.livestream_id = ${livestreamId}`,
  );
  if (!r) return null;
  return {
    importId: r.import_id,
    file: r.file,
    importedAt: r.created_at,
    roomId: r.room_id,
    firstEventAt: r.first_event_at,
    lastEventAt: r.last_event_at,
    streamEndedAt: r.stream_ended_at,
    events: r.events,
    linesRejected: r.lines_rejected,
    eventCounts: r.event_counts,
  };
}

export async function getObservedSession(executor: Executor, livestreamId: string): Promise<ObservedSession> {
  const [session] = await executor.query<{ id: string }>(
    sql`SELECT id FROM livestreams WHERE id = ${livestreamId}`,
  );
  if (!session)
    throw new UserError(`no livestream with id ${livestreamId}`, {
      code: 'not_found',
      hint: 'pick a session from the Livestreams list',
    });
  const recording = await readRecording(executor, livestreamId);
  const empty: ObservedSession = {
    livestreamId,
    recording,
    minutes: [],
    totals: null,
    sentiment: null,
    intentTerms: [],
    products: [],
    questions: [],
  };
  if (!recording) return empty;

  const minutes = await executor.query<ObservedMinute>(sql`
    SELECT minute, viewers_online AS "viewersOnline", enters, comments, questions, intent_comments AS "intentComments", likes, gifts, diamonds,
      follows, shares, product_events AS "productEvents"
    FROM livestream_event_minutes WHERE livestream_id = ${livestreamId} ORDER BY minute`);
  const [c] = await executor.query<{
    chat: number;
    all_comments: number;
    questions: number;
    intent: number;
    positive: number;
    negative: number;
    neutral: number;
  }>(sql`
    SELECT count(*) FILTER (WHERE source = 'chat') AS chat, count(*) AS all_comments, count(*) FILTER (WHERE is_question) AS questions,
      count(*) FILTER (WHERE len(intent_terms) > 0) AS intent,
      count(*) FILTER (WHERE sentiment = 'positive') AS positive, count(*) FILTER (WHERE sentiment = 'negative') AS negative,
      count(*) FILTER (WHERE sentiment = 'neutral') AS neutral
    FROM livestream_event_comments WHERE livestream_id = ${livestreamId}`);
  const [r] = await executor.query<{
    likes_in_events: number;
    likes_total_reported: number | null;
    peak_viewers: number | null;
  }>(
    sql`SELECT likes_in_events, likes_total_reported, peak_viewers FROM livestream_event_recordings WHERE livestream_id = ${livestreamId}`,
  );
  const intentTerms = await executor.query<{ term: string; comments: number }>(sql`
    SELECT term, count(*) AS comments FROM (SELECT unnest(intent_terms) AS term FROM livestream_event_comments WHERE livestream_id = ${livestreamId})
    GROUP BY term ORDER BY comments DESC, term LIMIT 8`);
  const products = await executor.query<ObservedSession['products'][number]>(sql`
    SELECT title, price, shop, source, shopping_events AS "shoppingEvents", first_minute AS "firstMinute", mentions
    FROM livestream_event_products WHERE livestream_id = ${livestreamId} AND (mentions > 0 OR source = 'stream')
    ORDER BY mentions DESC, shopping_events DESC, title LIMIT 10`);
  const questions = await executor.query<{ minute: number; comment: string }>(sql`
    SELECT minute, comment FROM livestream_event_comments WHERE livestream_id = ${livestreamId} AND is_question AND comment <> ''
    ORDER BY "at", line_no LIMIT 6`);

  const sum = (pick: (m: ObservedMinute) => number) => minutes.reduce((total, m) => total + pick(m), 0);
  const counts = c ?? {
    chat: 0,
    all_comments: 0,
    questions: 0,
    intent: 0,
    positive: 0,
    negative: 0,
    neutral: 0,
  };
  const totals: ObservedTotals = {
    comments: counts.chat,
    questions: counts.questions,
    questionShare: share(counts.questions, counts.all_comments),
    intentComments: counts.intent,
    intentShare: share(counts.intent, counts.all_comments),
    commentsPerMinute: minutes.length > 0 ? counts.chat / minutes.length : null,
    enters: sum((m) => m.enters),
    peakViewers: r?.peak_viewers ?? null,
    likesInEvents: r?.likes_in_events ?? 0,
    likesTotalReported: r?.likes_total_reported ?? null,
    gifts: sum((m) => m.gifts),
    diamonds: sum((m) => m.diamonds),
    follows: sum((m) => m.follows),
    shares: sum((m) => m.shares),
    productEvents: sum((m) => m.productEvents),
  };
  return {
    ...empty,
    minutes,
    totals,
    sentiment: {
      positive: counts.positive,
      negative: counts.negative,
      neutral: counts.neutral,
      positiveShare: share(counts.positive, counts.all_comments),
      negativeShare: share(counts.negative, counts.all_comments),
    },
    intentTerms,
    products,
    questions,
  };
}
