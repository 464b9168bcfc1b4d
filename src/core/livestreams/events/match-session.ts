/**
 * Which livestream session a recording belongs to. The rule, in order:
 * 1. `--livestream ID` (the Imports page's "Session"), which must name an existing session;
 * 2. else the recording's roomId, when a session has that id (import sessions with
 *    livestream_id = the room id and recordings match by themselves).
 * A recording holds one room: lines of several rooms are refused rather than split by guess.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';

export interface MatchedSession {
  id: string;
  sellerId: string;
  roomId: string | null;
}

export async function recordingRooms(executor: Executor): Promise<{ room: string; lines: number }[]> {
  return executor.query<{ room: string; lines: number }>(
    sql`SELECT room_id AS room, count(*) AS lines FROM event_lines WHERE problem IS NULL AND room_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
}

export async function matchSession(
  executor: Executor,
  given: string | undefined,
): Promise<MatchedSession | null> {
  const rooms = await recordingRooms(executor);
  if (rooms.length > 1) {
    throw new UserError(
      `the recording holds events of ${rooms.length} rooms (${rooms
        .slice(0, 5)
        .map((r) => `${r.room}: ${r.lines} lines`)
        .join(', ')})`,
      {
        hint: 'record one LIVE per file, or split the file by roomId and import each part',
      },
    );
  }
  const roomId = rooms[0]?.room ?? null;
  const id = given?.trim() || roomId;
  if (!id) return null;
  const [session] = await executor.query<{ id: string; seller_id: string }>(
    sql`SELECT id, seller_id FROM livestreams WHERE id = ${id}`,
  );
  if (session) return { id: session.id, sellerId: session.seller_id, roomId };
  if (given?.trim()) {
    throw new UserError(`no livestream session with id ${JSON.stringify(id)}`, {
      code: 'not_found',
      hint: 'check the id with `aisle livestreams list`, or import the session first (--kind livestreams)',
    });
  }
  throw new UserError(`no livestream session matches the recording's room ${JSON.stringify(id)}`, {
    hint: 'pass --livestream ID (the session this recording belongs to), or import the session with livestream_id = the room id first',
  });
}
