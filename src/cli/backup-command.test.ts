import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { sql } from '../core/db/sql.ts';
import { createApiToken } from '../core/auth/api-tokens.ts';
import { buildApp } from '../server/app.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { createRoleUsers } from '../../test/support/sign-in.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 120_000, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aisle backup and restore (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const ws = () => path.join(tmp.dir, 'ws');
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(ws());
    await db.run(sql`INSERT INTO notes (title, created_by) VALUES ('Kept across the round trip', 'test')`);
    await db.close();
  });
  afterAll(() => tmp.remove());

  it('backs up a closed data dir and restores it into an empty one (JSON on stdout)', async () => {
    const file = path.join(tmp.dir, 'b', 'ws.tar.gz');
    const backup = await aisle(['--data-dir', ws(), 'backup', file, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, tables: expect.any(Number) });
    const restore = await aisle(['--data-dir', path.join(tmp.dir, 'copy'), 'restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^Restored \d+ tables, \d+ rows \(backup of .+\) into .+copy\.\n$/);
    const { db } = await openDataDir(path.join(tmp.dir, 'copy'));
    expect(await db.query(sql`SELECT title FROM notes`)).toEqual([{ title: 'Kept across the round trip' }]);
    await db.close();
    // Never over an existing workspace.
    const again = await aisle(['--data-dir', path.join(tmp.dir, 'copy'), 'restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a workspace');
  });

  it('while the server holds the database: refuses with the way out, and backs up through --server', async () => {
    const { db } = await openDataDir(ws());
    const users = await createRoleUsers(db);
    const app: FastifyInstance = await buildApp({ db, dataDir: ws(), webDir: '/nonexistent' });
    try {
      const locked = await aisle(['--data-dir', ws(), 'backup', path.join(tmp.dir, 'locked.tar.gz')]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('in use by another Aisle process');
      expect(locked.stderr).toContain('--server http://127.0.0.1:4173 --token');

      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const file = path.join(tmp.dir, 'served.tar.gz');
      const noToken = await aisle(['backup', file, '--server', address], { AISLE_TOKEN: '' });
      expect(noToken.code).toBe(1);
      expect(noToken.stderr).toContain('needs an admin API token');

      const analyst = await createApiToken(db, { userId: users.analyst, label: 'analyst', role: 'analyst' }, { name: 'script', role: 'analyst' });
      const refused = await aisle(['backup', file, '--server', address, '--token', analyst.token]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('the server refused the backup (403)');
      expect(existsSync(file)).toBe(false);

      const admin = await createApiToken(db, { userId: users.admin, label: 'admin', role: 'admin' }, { name: 'backups', role: 'admin' });
      const served = await aisle(['backup', file, '--server', address], { AISLE_TOKEN: admin.token });
      expect(served.code, served.stderr).toBe(0);
      expect(served.stdout).toContain(`Backup written to ${file}`);
      const restore = await aisle(['--data-dir', path.join(tmp.dir, 'from-server'), 'restore', file, '--json']);
      expect(restore.code, restore.stderr).toBe(0);
      expect(JSON.parse(restore.stdout)).toMatchObject({ migrationsApplied: [] });
    } finally {
      await app.close();
      await db.close();
    }
  }, 120_000);
});
