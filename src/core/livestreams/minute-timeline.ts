/**
 * A session's minute timeline: viewers online, enters, likes, comments, shares, product clicks,
 * orders and GMV per minute as imported (`livestream_minutes`), the peaks and drop-offs found on
 * the viewers curve, and the reviewers' notes pinned to minutes. Sessions without per-minute data
 * answer with an empty series (platforms keep minute data only for recent sessions).
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { listMinuteNotes, type MinuteNote } from './minute-notes.ts';
import { detectTimelineEvents, type TimelineEvent } from './timeline-events.ts';

export interface TimelineMinute {
  minute: number;
  viewers_online: number | null;
  enters: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  product_clicks: number | null;
  orders: number | null;
  gmv: number | null;
}

export interface MinuteTimeline {
  livestreamId: string;
  startedAt: string;
  durationS: number | null;
  minutes: TimelineMinute[];
  events: TimelineEvent[];
  notes: MinuteNote[];
}

export async function getMinuteTimeline(executor: Executor, livestreamId: string): Promise<MinuteTimeline> {
  const [session] = await executor.query<{ started_at: string; duration_s: number | null }>(sql`
    SELECT started_at, duration_s FROM livestreams WHERE id = ${livestreamId}`);
  if (!session) {
    throw new UserError(`no livestream with id ${livestreamId}`, { code: 'not_found', hint: 'pick a session from the Livestreams list' });
  }
  // One session's rows out of tens of millions: found through livestream_minutes_session_idx (migration 008).
  const minutes = await executor.query<TimelineMinute>(sql`
    SELECT minute, viewers_online, enters, likes, comments, shares, product_clicks, orders, CAST(gmv AS DOUBLE) AS gmv
    FROM livestream_minutes WHERE livestream_id = ${livestreamId} ORDER BY minute`);
  return {
    livestreamId,
    startedAt: session.started_at,
    durationS: session.duration_s,
    minutes,
    events: detectTimelineEvents(minutes),
    notes: await listMinuteNotes(executor, livestreamId),
  };
}
