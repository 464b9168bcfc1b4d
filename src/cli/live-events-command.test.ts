import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../test/support/hand-built-sessions.ts';
import {
  writeLiveEventRecording,
  type RecordingExpectation,
} from '../../test/support/live-event-recording.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// `aisle import … --kind live_events` and the observed block of `aisle livestreams show`, on the real binary.
describe('aisle import --kind live_events (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let recording: string;
  let expected: RecordingExpectation;
  const cli = (...args: string[]) => aisle(['--data-dir', tmp.dir, ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertSessionSellers(db);
    await insertSessions(db, [
      { id: 'room-1', day: '2026-11-20', hour: 19 },
      { id: 'quiet', day: '2026-11-21' },
    ]);
    await db.close();
    recording = path.join(tmp.dir, 'room-1.jsonl');
    expected = await writeLiveEventRecording(recording, {
      roomId: 'room-1',
      start: new Date('2026-11-20T19:00:00Z'),
    });
  });
  afterAll(() => tmp.remove());

  it('refuses the recording with its malformed lines listed, then loads it with --skip-invalid as one JSON object', async () => {
    const refused = await cli('import', recording, '--kind', 'live_events');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `room-1.jsonl: refused: nothing loaded. Lines ${expected.lines}, events loaded 0 into session room-1 (observed figures), malformed lines 5`,
    );
    expect(refused.stdout).toContain(
      `line ${expected.broken[2]?.line}, field "event", value "envelope": unknown event`,
    );
    expect(refused.stdout).toContain('pass --skip-invalid');

    const loaded = await cli('import', recording, '--kind', 'live_events', '--skip-invalid', '--json');
    expect(loaded.code).toBe(0);
    const lines = loaded.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      kind: 'live_events',
      status: 'loaded',
      rowsLoaded: expected.events,
      rowsRejected: 5,
      livestreamId: 'room-1',
      duplicateOf: null,
    });
  });

  it('prints the observed block in `livestreams show`, and how to import one when there is none', async () => {
    const shown = await cli('livestreams', 'show', 'room-1');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(
      `Observed from the event stream (room-1.jsonl, ${expected.events} events, 5 malformed lines skipped) — counts can differ from the platform's figures`,
    );
    expect(shown.stdout).toContain(
      `gifts ${expected.gifts} (${expected.diamonds} diamonds, streaks counted once)`,
    );
    const quiet = await cli('livestreams', 'show', 'quiet');
    expect(quiet.stdout).toContain(
      'Observed (live event stream): no recording — aisle import recording.jsonl --kind live_events --livestream quiet',
    );
  });

  it('refuses --livestream with another kind', async () => {
    const res = await cli('import', recording, '--kind', 'orders', '--livestream', 'room-1');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('--livestream applies to --kind live_events only');
  });
});
