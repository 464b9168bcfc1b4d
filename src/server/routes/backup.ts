/**
 * `POST /api/admin/backup` (admins): a consistent backup of the running workspace, streamed as a
 * download — how `aisle backup` and Settings → Backup take one while the server holds the database.
 * The file is built in the data dir's `backups/` folder, sent, then deleted; the audit log records
 * who took it.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../../core/auth/audit-log.ts';
import { actorOf } from '../../core/auth/sign-in.ts';
import { createBackup } from '../../core/admin/backup.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

/** `aisle-backup-2026-11-25T0812Z.tar.gz` */
export function backupFileName(now: Date = new Date()): string {
  return `aisle-backup-${now.toISOString().slice(0, 16).replace(':', '')}Z.tar.gz`;
}

export function backupRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/backup',
      { config: { permission: 'admin' }, schema: { tags: ['admin'], summary: 'Take a consistent backup of the workspace and download it (.tar.gz)' } },
      async (request, reply) => {
        const user = requireUser(request);
        await mkdir(path.join(context.dataDir, 'backups'), { recursive: true });
        const folder = await mkdtemp(path.join(context.dataDir, 'backups', '.download-'));
        const name = backupFileName();
        const file = path.join(folder, name);
        try {
          const summary = await createBackup(context.db, file, { appVersion: context.version });
          await writeAudit(context.db, actorOf(user), { action: 'create', entity: 'backup', entityId: name, after: { tables: summary.tables, rows: summary.rows, bytes: summary.bytes } });
          const stream = createReadStream(file);
          stream.on('close', () => void rm(folder, { recursive: true, force: true }));
          return reply
            .header('content-type', 'application/gzip')
            .header('content-disposition', `attachment; filename="${name}"`)
            .header('content-length', String(summary.bytes))
            .send(stream);
        } catch (error) {
          await rm(folder, { recursive: true, force: true });
          throw error;
        }
      },
    );
  };
}
