/**
 * The Imports page's preview of a recording: instead of a column mapping, what the lines hold
 * (events by name, time span, rooms), the session they will be stored under — or why none
 * matches — and the malformed lines with their line numbers. Same reader as the import.
 */
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { isUserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import type { ImportError, ImportOptions } from '../../ingest/import-types.ts';
import { checkInputFile } from '../../ingest/read/check-input-file.ts';
import { checkRecordingName, MAX_RECORDING_BYTES } from './import-live-events.ts';
import { LIVE_EVENTS_KIND } from './live-event-names.ts';
import { matchSession, recordingRooms } from './match-session.ts';
import { dropRecording, listLineProblems, readRecording } from './read-recording.sql.ts';

export interface LiveEventsPreview {
  kind: typeof LIVE_EVENTS_KIND;
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
  events: number;
  eventCounts: { event: string; count: number }[];
  rooms: { room: string; lines: number }[];
  firstEventAt: string | null;
  lastEventAt: string | null;
  session: {
    id: string;
    title: string | null;
    startedAt: string;
    seller: string;
    hasRecording: boolean;
  } | null;
  sessionProblem: { message: string; hint: string | null } | null;
  errors: ImportError[];
}

const PREVIEW_ERRORS = 200;

export async function previewLiveEvents(
  db: Database,
  filePath: string,
  options: ImportOptions,
): Promise<LiveEventsPreview> {
  checkRecordingName(options.fileName ?? filePath);
  await checkInputFile(filePath, MAX_RECORDING_BYTES);
  const { timezone } = await getSettings(db);
  return db.withConnection(async (executor) => {
    try {
      const counts = await readRecording(executor, filePath, options.timezone ?? timezone);
      const eventCounts = await executor.query<{ event: string; count: number }>(
        sql`SELECT event, count(*) AS count FROM event_lines WHERE problem IS NULL GROUP BY event ORDER BY count DESC, event`,
      );
      const [span] = await executor.query<{ first: string | null; last: string | null }>(
        sql`SELECT min("at") AS first, max("at") AS last FROM event_lines WHERE problem IS NULL`,
      );
      const rooms = await recordingRooms(executor);
      let session: LiveEventsPreview['session'] = null;
      let sessionProblem: LiveEventsPreview['sessionProblem'] = null;
      try {
        const matched = await matchSession(executor, options.livestream);
        if (matched) {
          const [row] = await executor.query<{
            title: string | null;
            started_at: string;
            seller: string;
            has_recording: boolean;
          }>(sql`
            SELECT l.title, l.started_at, coalesce(s.name, l.seller_id) AS seller,
              EXISTS (SELECT 1 FROM livestream_event_recordings r WHERE r.livestream_id = l.id) AS has_recording
            FROM livestreams l LEFT JOIN sellers s ON s.id = l.seller_id WHERE l.id = ${matched.id}`);
          if (row)
            session = {
              id: matched.id,
              title: row.title,
              startedAt: row.started_at,
              seller: row.seller,
              hasRecording: row.has_recording,
            };
        } else if (counts.valid > 0) {
          sessionProblem = {
            message: 'the recording names no roomId',
            hint: 'type the session it belongs to',
          };
        }
      } catch (error) {
        if (!isUserError(error)) throw error;
        sessionProblem = { message: error.message, hint: error.hint ?? null };
      }
      return {
        kind: LIVE_EVENTS_KIND,
        rowsRead: counts.lines,
        rowsSkipped: counts.blank,
        rowsRejected: counts.rejected,
        events: counts.valid,
        eventCounts,
        rooms,
        firstEventAt: span?.first ?? null,
        lastEventAt: span?.last ?? null,
        session,
        sessionProblem,
        errors: await listLineProblems(executor, PREVIEW_ERRORS),
      };
    } finally {
      await dropRecording(executor);
    }
  });
}
