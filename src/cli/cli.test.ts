import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../test/support/tiny-dataset.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { buildApp } from '../server/app.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
  child.child.stdin?.end(input ?? '');
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aisle CLI (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await db.exec(TINY_DATASET);
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('prints help with exit code 0 and usage errors with exit code 2', async () => {
    const help = await aisle(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: aisle/);
    for (const command of ['init', 'demo', 'query', 'serve', 'db']) expect(help.stdout).toContain(command);
    const unknown = await aisle(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
    const badOption = await aisle(['demo', '--sellers', 'many', '--data-dir', tmp.dir]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/--sellers must be a whole number/);
  });

  it('init sets the workspace settings and refuses bad ones with exit code 1', async () => {
    const ok = await aisle(['--data-dir', tmp.dir, 'init', '--timezone', 'Asia/Jakarta', '--currency', 'idr']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Time zone Asia\/Jakarta, currency IDR/);
    const bad = await aisle(['--data-dir', tmp.dir, 'init', '--timezone', 'Mars/Olympus']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown time zone "Mars\/Olympus"/);
    expect(bad.stderr).toMatch(/IANA/);
  });

  it('refuses a data dir that is a file with exit code 1 and says what to do', async () => {
    const file = path.join(tmp.dir, 'aisle.duckdb');
    const res = await aisle(['--data-dir', file, 'db', 'info']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cannot use .* as the data dir/);
    expect(res.stderr).toMatch(/pass --data-dir with a directory/);
  });

  it('finds the data dir through AISLE_DATA_DIR', async () => {
    const info = await aisle(['db', 'info', '--json'], { AISLE_DATA_DIR: tmp.dir });
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as { schemaVersion: number; tables: { table: string; rows: number }[] };
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(parsed.tables).toContainEqual({ table: 'sellers', rows: 2 });
    expect(parsed.tables).toContainEqual({ table: 'seller_days', rows: 4 });
  });

  it('query --format json prints exactly the contract shape on stdout', async () => {
    const res = await aisle(['--data-dir', tmp.dir, 'query', 'gmv', 'orders', '--by', 'category', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      metrics: ['gmv', 'orders'],
      by: ['category'],
      grain: null,
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        { category: 'home_living', gmv: 400, orders: 10 },
        { category: 'personal_care', gmv: 1050.5, orders: 11 },
      ],
    });
  });

  it('query prints csv and aligned tables, defaulting to the 30 days up to the latest data', async () => {
    const csv = await aisle(['--data-dir', tmp.dir, 'query', 'gmv', '--by', 'seller', '--format', 'csv']);
    expect(csv.stdout).toBe('seller,seller_name,gmv\ns1,Casa Rapi,400\ns2,Glow Lab,1050.5\n');
    const table = await aisle(['--data-dir', tmp.dir, 'query', 'gmv', '--by', 'seller_tier', '--where', 'seller_tier=B']);
    expect(table.stdout.split('\n')[0]).toMatch(/^seller_tier\s+gmv$/);
    expect(table.stdout).toMatch(/B\s+1,050\.5/);
  });

  it('query --compare and /api/metrics?compare= give the same answer', async () => {
    const args = ['gmv', 'buyers', 'seller_adoption_rate', '--by', 'subcategory', '--grain', 'week', '--from', '2026-11-09', '--to', '2026-11-22'];
    const own = await makeTempDir();
    const seeded = await openDataDir(own.dir);
    await seeded.db.exec(TINY_DATASET);
    await seeded.db.exec(`INSERT INTO kpi_targets (metric, scope, period, value) VALUES ('gmv', 'subcategory:skin_care', '2026-11', 900)`);
    await seeded.db.close();
    const cli = await aisle(['--data-dir', own.dir, 'query', ...args, '--compare', 'previous,target', '--format', 'json']);
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { rows: Record<string, unknown>[]; compare: string[] };
    expect(fromCli.compare).toEqual(['previous', 'target']);
    expect(fromCli.rows).toContainEqual(expect.objectContaining({ period: '2026-11-16', subcategory: 'skin_care', gmv: 1000, gmv_previous: 50.5, gmv_target: 210 }));

    const { db } = await openDataDir(own.dir);
    const app = await buildApp({ db, dataDir: own.dir, webDir: '/nonexistent', closeDatabaseOnClose: true });
    try {
      const headers = await sessionHeaders(db, (await createRoleUsers(db)).viewer);
      const url = '/api/metrics?metrics=gmv,buyers,seller_adoption_rate&by=subcategory&grain=week&from=2026-11-09&to=2026-11-22&compare=previous,target';
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(fromCli);
    } finally {
      await app.close();
      await own.remove();
    }
  });

  it('query refuses unknown metrics with exit code 1 and lists the valid ones', async () => {
    const res = await aisle(['--data-dir', tmp.dir, 'query', 'revenue']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/unknown metric "revenue"/);
    expect(res.stderr).toMatch(/valid metrics: .*gmv/);
    expect(res.stdout).toBe('');
  });

  it('user add, list, passwd and disable manage sign-ins on the data dir', async () => {
    const added = await aisle(['--data-dir', tmp.dir, 'user', 'add', 'Rina@Shop.test', '--role', 'analyst', '--name', 'Rina', '--password-stdin'], {}, 'lantern orbit cashew tide\n');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('Added rina@shop.test (analyst).\n');
    const generated = await aisle(['--data-dir', tmp.dir, 'user', 'add', 'budi@shop.test', '--role', 'viewer']);
    expect(generated.stdout).toMatch(/Password \(shown once\): [a-z2-9]{5}(-[a-z2-9]{5}){3}/);
    const duplicate = await aisle(['--data-dir', tmp.dir, 'user', 'add', 'rina@shop.test', '--password-stdin'], {}, 'another long passphrase');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const weak = await aisle(['--data-dir', tmp.dir, 'user', 'add', 'eko@shop.test', '--password-stdin'], {}, 'password');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too short/);
    const badRole = await aisle(['--data-dir', tmp.dir, 'user', 'add', 'eko@shop.test', '--role', 'owner']);
    expect(badRole.code).toBe(2);

    const { users } = JSON.parse((await aisle(['--data-dir', tmp.dir, 'user', 'list', '--json'])).stdout) as { users: { email: string; role: string; disabled: boolean }[] };
    expect(users.map((u) => [u.email, u.role, u.disabled])).toEqual([
      ['budi@shop.test', 'viewer', false],
      ['rina@shop.test', 'analyst', false],
    ]);
    expect((await aisle(['--data-dir', tmp.dir, 'user', 'passwd', 'rina@shop.test', '--password-stdin'], {}, 'a brand new passphrase')).code).toBe(0);
    expect((await aisle(['--data-dir', tmp.dir, 'user', 'disable', 'budi@shop.test'])).stdout).toMatch(/Disabled budi@shop.test/);
    expect((await aisle(['--data-dir', tmp.dir, 'user', 'disable', 'nobody@shop.test'])).code).toBe(1);

    const { db } = await openDataDir(tmp.dir);
    try {
      const { signIn } = await import('../core/auth/sign-in.ts');
      await expect(signIn(db, 'rina@shop.test', 'a brand new passphrase')).resolves.toMatchObject({ user: { role: 'analyst' } });
      await expect(signIn(db, 'rina@shop.test', 'lantern orbit cashew tide')).rejects.toThrow(/wrong e-mail or password/);
      const { listAudit } = await import('../core/auth/audit-log.ts');
      const { entries } = await listAudit(db, { actor: 'cli', entity: 'user' });
      expect(entries.map((e) => e.action)).toEqual(['update', 'update', 'create', 'create']);
      expect(JSON.stringify(entries)).not.toContain('brand new passphrase');
    } finally {
      await db.close();
    }
  });
});
