import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../test/support/hand-built-sessions.ts';

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

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];

// Twelve kitchen sessions in the week of 2026-03-02: the three with the most GMV per view run 150 minutes, the rest 60.
describe('aisle livestreams best-practices (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const cli = (...args: string[]) => aisle(['--data-dir', tmp.dir, 'livestreams', 'best-practices', ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertSessionSellers(db);
    await insertSessions(
      db,
      Array.from({ length: 12 }, (_, i) => ({ id: `k${i}`, seller: i % 2 ? 'k2' : 'k1', day: DAYS[i % 7] ?? '2026-03-02', gmv: 1000 - 60 * i, durationMin: i < 3 ? 150 : 60 })),
    );
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('prints the comparison as tables, and the API shape with --json', async () => {
    const shown = await cli('--from', '2026-03-02', '--to', '2026-03-08');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('2026-03-02 – 2026-03-08: top quartile of each subcategory by GPM, 3 top vs 9 other sessions (0 reviewed)');
    expect(shown.stdout).toMatch(/Session length\s+2\.5 h\s+1\.0 h\s+100%\s+3 vs 9\s+large \(moderate evidence\)/);
    const json = JSON.parse((await cli('--from', '2026-03-02', '--to', '2026-03-08', '--rank-by', 'gmv_per_live_hour', '--json')).stdout);
    expect(json).toMatchObject({ outcome: 'gmv_per_live_hour', sessions: { top: 3, rest: 9 } });
  });

  it("prints a seller's improvement areas", async () => {
    const shown = await cli('--seller', 'k2', '--from', '2026-03-02', '--to', '2026-03-08');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Pan Palace: 6 sessions from 2026-03-02 to 2026-03-08');
    expect(shown.stdout).toContain('Session length: 1.0 h vs 2.5 h in the top quartile');
  });

  it('refuses an unknown seller (exit 1) and a bad option (exit 2)', async () => {
    const missing = await cli('--seller', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no seller with id nobody');
    const bad = await cli('--rank-by', 'likes');
    expect(bad.code).toBe(2);
  });
});
