import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Actor } from '../core/auth/actor.ts';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { DEFAULT_RUBRIC_CRITERIA } from '../core/livestreams/default-rubric.ts';
import { saveReview } from '../core/livestreams/reviews/reviews.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../test/support/hand-built-sessions.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');
const ANN: Actor = { userId: null, label: 'ann@example.com', role: 'analyst' };
const BO: Actor = { userId: null, label: 'bo@example.com', role: 'analyst' };

// Six kitchen sessions (tier A sellers) in the week of 2026-03-02, GMV 100..600; c5 has two reviews
// three points apart on host delivery, c4 one review.
describe('aisle reviews (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const reviews = async (...args: string[]) => {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--data-dir', tmp.dir, 'reviews', ...args], { timeout: 60_000 });
    return { stdout, stderr };
  };
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertSessionSellers(db);
    await insertSessions(db, Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, day: `2026-03-0${2 + i}`, gmv: 100 * (i + 1) })));
    const at = (level: number, host = level) => Object.fromEntries(DEFAULT_RUBRIC_CRITERIA.map((c) => [c.key, c.key === 'host_delivery' ? host : level]));
    await saveReview(db, ANN, 'c5', { scores: at(4, 5), tags: ['energetic_host'] });
    await saveReview(db, BO, 'c5', { scores: at(4, 2) });
    await saveReview(db, BO, 'c4', { scores: at(3) });
    await db.close();
  });
  afterAll(() => tmp.remove());

  it("lists a week's queue by GMV without the reviewed sessions", async () => {
    const { stdout, stderr } = await reviews('queue', '--from', '2026-03-02', '--to', '2026-03-08');
    expect(stderr).toContain('2026-03-02 – 2026-03-08, tiers S, A: 4 waiting, 2 reviewed');
    expect(stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['c3', 'c2', 'c1', 'c0']);
  });

  it('lists reviews and the calibration of the disagreeing reviewers', async () => {
    const list = JSON.parse((await reviews('list', '--session', 'c5', '--json')).stdout) as { total: number; rows: { reviewer: string; tags: string[] }[] };
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.reviewer).sort()).toEqual(['ann@example.com', 'bo@example.com']);
    const { stdout } = await reviews('calibration', '--flagged');
    expect(stdout).toMatch(/c5\s+2026-03-07 19:00\s+Kitchen King\s+ann@example.com, bo@example.com\s+3\s+Host delivery/);
    expect(stdout).toMatch(/ann@example.com\s+1\s+\+0\.43\s+1/);
  });
});
