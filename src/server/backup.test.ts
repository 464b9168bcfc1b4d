import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/auth/roles.ts';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { sql } from '../core/db/sql.ts';
import { restoreBackup } from '../core/admin/backup.ts';
import { buildApp } from './app.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { backupFileName } from './routes/backup.ts';

describe('backup over HTTP', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let db: Database;
  let app: FastifyInstance;
  let users: Record<Role, number>;
  const post = async (role: Role) => app.inject({ method: 'POST', url: '/api/admin/backup', headers: await sessionHeaders(db, users[role]) });

  beforeAll(async () => {
    tmp = await makeTempDir();
    const dataDir = path.join(tmp.dir, 'ws');
    ({ db } = await openDataDir(dataDir));
    users = await createRoleUsers(db);
    await db.run(sql`INSERT INTO notes (title, body_md, created_by) VALUES ('Playbook', 'Call top sellers on Mondays', 'test')`);
    app = await buildApp({ db, dataDir, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('streams a backup of the running workspace to an admin, which restores, and audits it', async () => {
    const res = await post('admin');
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="aisle-backup-\d{4}-\d{2}-\d{2}T\d{4}Z\.tar\.gz"$/);
    const file = path.join(tmp.dir, 'download.tar.gz');
    await writeFile(file, res.rawPayload);
    await restoreBackup(file, path.join(tmp.dir, 'restored'));
    const { db: copy } = await openDataDir(path.join(tmp.dir, 'restored'));
    expect(await copy.query(sql`SELECT title, body_md FROM notes`)).toEqual([{ title: 'Playbook', body_md: 'Call top sellers on Mondays' }]);
    await copy.close();
    const [audit] = await db.query<{ action: string; entity_id: string }>(sql`SELECT action, entity_id FROM audit_log WHERE entity = 'backup'`);
    expect(audit).toMatchObject({ action: 'create', entity_id: res.headers['content-disposition']?.toString().match(/filename="(.+)"/)?.[1] });
    // The file was built in the data dir and removed once sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(path.join(tmp.dir, 'ws', 'backups'))).toEqual([]);
  });

  it('refuses everyone but admins', async () => {
    for (const role of ['manager', 'analyst', 'viewer'] as const) expect((await post(role)).statusCode, role).toBe(403);
  });

  it('names the file by the UTC minute', () => {
    expect(backupFileName(new Date('2026-11-25T08:12:59Z'))).toBe('aisle-backup-2026-11-25T0812Z.tar.gz');
  });
});
