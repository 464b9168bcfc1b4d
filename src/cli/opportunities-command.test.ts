import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertSellers, type SellerSpec } from '../../test/support/seller-map-data.ts';

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

describe('aisle opportunities and aisle segments (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const inDir = (...args: string[]) => aisle(['--data-dir', tmp.dir, ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertSellers(db, [
      { id: 'big', name: 'Big Home', gmv: [{ back: [89, 0], gmv: 10_000 }] },
      { id: 'live', name: 'Live Home', gmv: [{ back: [89, 0], gmv: 8_000 }], sessions: [{ back: [89, 0], gmv: 2_000 }] },
      { id: 'falling', name: 'Falling', gmv: [{ back: [48, 21], gmv: 1000 }, { back: [20, 0], gmv: 100 }] },
      ...Array.from({ length: 15 }, (_, i): SellerSpec => ({ id: `f${i}`, gmv: [{ back: [89, 0], gmv: 10 }] })),
    ]);
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('asks for a recompute first, recomputes, then lists the top opportunity with its reason', async () => {
    expect((await inDir('opportunities')).stdout).toBe('Segments and opportunities have not been computed yet: run `aisle segments recompute`.\nNo opportunities match.\n');
    const recompute = await inDir('segments', 'recompute');
    expect(recompute.code).toBe(0);
    expect(recompute.stdout).toMatch(/^Segments: 18 sellers tiered on data to 2026-03-31; \d+ opportunities found \(\d+\.\d s\)\.\n$/);
    const list = await inDir('opportunities', '--limit', '2');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ {2}1\. Big Home \(big\) — Big seller that never goes live · upside ≈ \$\d+(\.\d)?K per 4 weeks · high\n {5}Sold \$280K in the last 4 weeks and has never gone live\./);
    expect(list.stdout).toMatch(/showing 1–2; total upside ≈ \$[\d.]+K per 4 weeks\.\n$/);
  });

  it('prints JSON on stdout only and filters by rule', async () => {
    const res = await inDir('opportunities', '--rule', 'gmv_declining', '--json');
    expect(res.code).toBe(0);
    const body = JSON.parse(res.stdout) as { opportunities: { key: string; upside: number; evidence: Record<string, unknown> }[]; total: number };
    expect(body.total).toBe(1);
    expect(body.opportunities[0]).toMatchObject({ key: 'gmv_declining:seller:falling', upside: 25_200, evidence: { weeks: 3, baseline: 7000, recent: 700 } });
  });

  it('shows and changes tier thresholds, refusing bad ones with exit codes 1 and 2', async () => {
    expect((await inDir('segments', 'thresholds')).stdout).toBe('Tiers by GMV over the last 90 days: S = top 5%, A = top 15%, B = top 40%, C = the rest.\n');
    const changed = await inDir('segments', 'thresholds', '--s', '10', '--a', '20');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/Segments: 18 sellers tiered[\s\S]*S = top 10%, A = top 20%, B = top 40%/);
    const refused = await inDir('segments', 'thresholds', '--a', '5');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/tier A \(top 5%\) must include more sellers than tier S \(top 10%\)/);
    expect((await inDir('segments', 'thresholds', '--s', '150')).code).toBe(2);
    expect((await inDir('opportunities', '--rule', 'nope')).code).toBe(2);
  });
});
