import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../test/support/hand-built-sessions.ts';
import { CLI_ACTOR } from '../core/auth/actor.ts';
import { DEFAULT_RUBRIC_CRITERIA } from '../core/livestreams/default-rubric.ts';
import { saveReview } from '../core/livestreams/reviews/reviews.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Six kitchen sessions in the week of 2026-03-02 with CTR 1%..6%; c5 is reviewed (every criterion 4).
describe('aisle livestreams (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const livestreams = (...args: string[]) => aisle(['--data-dir', tmp.dir, 'livestreams', ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertSessionSellers(db);
    await insertSessions(db, Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, day: `2026-03-0${2 + i}`, clicks: 10 * (i + 1) })));
    const scores = Object.fromEntries(DEFAULT_RUBRIC_CRITERIA.map((c) => [c.key, 4]));
    await saveReview(db, CLI_ACTOR, 'c5', { scores, tags: ['strong_hook'], notes: 'Clear pins' });
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('lists the sessions of a period as a table and as the API JSON', async () => {
    const table = await livestreams('list', '--from', '2026-03-02', '--to', '2026-03-08', '--sort', 'ctr');
    expect(table.code).toBe(0);
    expect(table.stderr).toContain('2026-03-02 – 2026-03-08, sorted by ctr desc: 6 of 6 sessions');
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+started\s+seller\s+host\s+views\s+gmv\s+ctr\s+gpm\s+gmv\/h\s+peers\s+reviews\s+quality$/);
    expect(lines[1]).toMatch(/^c5\s+2026-03-07 19:00\s+Kitchen King\s+Ana\s+1,000\s+\$250\.00\s+6\.0%\s+\$250\.00\s+\$166\.67\s+\d+\.\d\s+1\s+\d+\.\d$/);
    expect(lines[2]).toMatch(/\s0\s+\d+\.\d$/);
    const reviewed = await livestreams('list', '--from', '2026-03-02', '--to', '2026-03-08', '--reviewed', 'yes', '--json');
    expect(JSON.parse(reviewed.stdout)).toMatchObject({ total: 1, rows: [{ id: 'c5', reviews: 1, rubric_score: 75 }] });
    const open = await livestreams('list', '--from', '2026-03-02', '--to', '2026-03-08', '--reviewed', 'no', '--json');
    expect(JSON.parse(open.stdout).total).toBe(5);
    const json = JSON.parse((await livestreams('list', '--from', '2026-03-02', '--to', '2026-03-08', '--sort', 'ctr', '--asc', '--limit', '2', '--json')).stdout);
    expect(json).toMatchObject({ total: 6, pageSize: 2, rows: [{ id: 'c0', ctr: 0.01 }, { id: 'c1', ctr: 0.02 }] });
  });

  it('shows a session with its benchmarks and the sentence of its weakest step', async () => {
    const shown = await livestreams('show', 'c0');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Peers: 5 sessions of Kitchen, 1–2 h, 2026-01-12 – 2026-03-07');
    expect(shown.stdout).toMatch(/LIVE CTR\s+1\.0%\s+3\.5%\s+p0\s+bad/);
    expect(shown.stdout).toContain('Same traffic as peers, but CTR in the bottom 10%: pinning products earlier');
    const json = JSON.parse((await livestreams('show', 'c0', '--json')).stdout);
    expect(json.benchmarks.find((b: { metric: string }) => b.metric === 'ctr')).toMatchObject({ percentile: 0, peerMedian: 0.035, peers: 5 });
  });

  it('shows the quality score with both parts and the reviews', async () => {
    const shown = await livestreams('show', 'c5');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Quality score: \d+\.\d \(50\/50: rubric 75\.0, peers \d+\.\d\)/);
    expect(shown.stdout).toContain('Reviews: 1, rubric score 4.00 / 5');
    expect(shown.stdout).toContain('cli (rubric v1): 4.00 / 5 = 75.0 · strong_hook — Clear pins');
    const unreviewed = await livestreams('show', 'c0');
    expect(unreviewed.stdout).toContain('rubric — (not reviewed)');
    const bad = await livestreams('list', '--score-band', '10-20');
    expect(bad.code).toBe(2);
  });

  it('refuses an unknown session (exit 1) and a bad option (exit 2)', async () => {
    const missing = await livestreams('show', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no livestream with id nope');
    const sort = await livestreams('list', '--sort', 'password');
    expect(sort.code).toBe(2);
    expect(sort.stderr).toContain('peer_score');
  });
});
