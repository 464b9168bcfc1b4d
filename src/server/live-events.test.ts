import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertSessionSellers, insertSessions } from '../../test/support/hand-built-sessions.ts';
import {
  writeLiveEventRecording,
  type RecordingExpectation,
} from '../../test/support/live-event-recording.ts';

function multipart(fileName: string, content: Buffer) {
  const boundary = '----aisle-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/x-ndjson\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// A recording through the Imports page's API (upload → preview → confirm), then the session's
// observed figures as the session page reads them.
describe('live event recordings over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  let expected: RecordingExpectation;
  let recording: Buffer;
  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    const users = await createRoleUsers(db);
    analyst = await sessionHeaders(db, users.analyst);
    viewer = await sessionHeaders(db, users.viewer);
    await insertSessionSellers(db);
    await insertSessions(db, [
      { id: 'room-1', seller: 'k1', day: '2026-11-20', hour: 19, title: 'Kitchen night' },
    ]);
    const file = path.join(tmp.dir, 'recording.jsonl');
    expected = await writeLiveEventRecording(file, {
      roomId: 'room-1',
      start: new Date('2026-11-20T19:00:00Z'),
    });
    recording = await readFile(file);
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('uploads a .jsonl, previews events and malformed lines, refuses then loads with skipInvalid, and serves the observed figures', async () => {
    const body = multipart('room 1.jsonl', recording);
    const upload = await app.inject({
      method: 'POST',
      url: '/api/imports/uploads',
      headers: { ...analyst, ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(201);
    const { uploadId } = upload.json<{ uploadId: string }>();

    const preview = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: analyst,
      payload: { uploadId, kind: 'live_events' },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      kind: 'live_events',
      rowsRead: expected.lines,
      rowsRejected: 5,
      events: expected.events,
      session: { id: 'room-1', title: 'Kitchen night', seller: 'Kitchen King', hasRecording: false },
      sessionProblem: null,
      rooms: [{ room: 'room-1', lines: expected.events }],
    });
    expect(preview.json<{ eventCounts: { event: string; count: number }[] }>().eventCounts[0]).toEqual({
      event: 'chat',
      count: expected.chatComments,
    });
    expect(preview.json<{ errors: { row: number }[] }>().errors.map((e) => e.row)).toEqual(
      expected.broken.map((b) => b.line),
    );

    const unknown = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: analyst,
      payload: { uploadId, kind: 'live_events', livestream: 'nope' },
    });
    expect(unknown.json()).toMatchObject({
      session: null,
      sessionProblem: { message: 'no livestream session with id "nope"' },
    });

    const refused = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: analyst,
      payload: { uploadId, kind: 'live_events' },
    });
    expect(refused.json()).toMatchObject({ status: 'rejected', rowsLoaded: 0, rowsRejected: 5 });
    const loaded = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: analyst,
      payload: { uploadId, kind: 'live_events', livestream: 'room-1', skipInvalid: true },
    });
    expect(loaded.json()).toMatchObject({
      status: 'loaded',
      rowsLoaded: expected.events,
      livestreamId: 'room-1',
    });

    const observed = await app.inject({ url: '/api/livestreams/room-1/observed', headers: viewer });
    expect(observed.statusCode).toBe(200);
    const o = observed.json<{
      recording: { file: string; events: number };
      minutes: unknown[];
      totals: { gifts: number; diamonds: number; comments: number };
    }>();
    expect(o.recording).toMatchObject({ file: 'room_1.jsonl', events: expected.events });
    expect(o.minutes).toHaveLength(expected.lastMinute + 1);
    expect(o.totals).toMatchObject({
      gifts: expected.gifts,
      diamonds: expected.diamonds,
      comments: expected.chatComments,
    });
  });

  it('answers a session without a recording with recording null and an unknown session with 404', async () => {
    await insertSessions(db, [{ id: 'quiet', seller: 'k1', day: '2026-11-21' }]);
    const quiet = await app.inject({ url: '/api/livestreams/quiet/observed', headers: viewer });
    expect(quiet.json()).toMatchObject({ livestreamId: 'quiet', recording: null, minutes: [], totals: null });
    const missing = await app.inject({ url: '/api/livestreams/nope/observed', headers: viewer });
    expect(missing.statusCode).toBe(404);
    const anonymous = await app.inject({ url: '/api/livestreams/quiet/observed' });
    expect(anonymous.statusCode).toBe(401);
  });
});
