/**
 * Imports over HTTP: upload (multipart, streamed to disk, size-limited) → preview (mapping, parsed
 * rows, errors) → confirm (the same import as `aisle import`), plus history and rejected rows as CSV.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { IMPORT_KINDS } from '../../core/ingest/kinds/index.ts';
import { listImports, rejectsCsv } from '../../core/ingest/import-history.sql.ts';
import { previewImport } from '../../core/ingest/preview-import.ts';
import { LIVE_EVENTS_KIND } from '../../core/livestreams/events/live-event-names.ts';
import { previewLiveEvents } from '../../core/livestreams/events/preview-live-events.ts';
import { importFile } from '../../core/ingest/run-import.ts';
import { importChangedData } from '../../core/kpis/alerts/index.ts';
import { removeUpload, saveUpload, uploadPath } from '../../core/ingest/uploads.ts';
import type { ImportOptions } from '../../core/ingest/import-types.ts';
import { UserError } from '../../core/shared/errors.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

const choice = z.object({
  uploadId: z.string().uuid(),
  kind: z.enum([LIVE_EVENTS_KIND, ...IMPORT_KINDS]),
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(1).max(10_000).optional(),
  map: z.record(z.string().max(500), z.string().max(100)).optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  /** The seller of every row (id or name) for an export without a seller column. */
  seller: z.string().max(200).optional(),
  /** live_events: the session the recording belongs to (else matched by its roomId). */
  livestream: z.string().max(200).optional(),
});

function optionsFrom(body: z.infer<typeof choice>, by: string, file: string): ImportOptions {
  return {
    kind: body.kind,
    by,
    fileName: file,
    ...(body.sheet ? { sheet: body.sheet } : {}),
    ...(body.headerRow ? { headerRow: body.headerRow } : {}),
    ...(body.map ? { map: body.map } : {}),
    ...(body.dateOrder ? { dateOrder: body.dateOrder } : {}),
    ...(body.year ? { year: body.year } : {}),
    ...(body.seller?.trim() ? { seller: body.seller } : {}),
    ...(body.livestream?.trim() ? { livestream: body.livestream.trim() } : {}),
  };
}

export function importRoutes(context: AppContext, maxUploadBytes = MAX_UPLOAD_BYTES): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 5 } });

    app.post(
      '/api/imports/uploads',
      { config: { permission: 'write' }, schema: { tags: ['imports'], summary: 'Upload an export (multipart field "file")', consumes: ['multipart/form-data'] } },
      async (request, reply) => {
        const part = await request.file();
        if (!part) throw new UserError('no file in the upload', { hint: 'send the file in the multipart field "file"' });
        const saved = await saveUpload(context.dataDir, part.filename, part.file);
        if (part.file.truncated) {
          await removeUpload(context.dataDir, saved.uploadId);
          return reply.status(413).send({ error: { code: 'too_large', message: `the file is larger than ${Math.round(maxUploadBytes / 1024 / 1024)} MB`, hint: 'split the export into smaller date ranges' } });
        }
        return reply.status(201).send(saved);
      },
    );

    app.post(
      '/api/imports/preview',
      { config: { permission: 'write' }, schema: { tags: ['imports'], summary: 'What importing the upload would do, without loading', body: choice } },
      async (request) => {
        const file = await uploadPath(context.dataDir, request.body.uploadId);
        if (request.body.kind === LIVE_EVENTS_KIND) {
          return previewLiveEvents(context.db, file, optionsFrom(request.body, requireUser(request).email, file.split('/').pop() ?? 'upload'));
        }
        return previewImport(context.db, file, optionsFrom(request.body, requireUser(request).email, file.split('/').pop() ?? 'upload'));
      },
    );

    app.post(
      '/api/imports',
      { config: { permission: 'write' }, schema: { tags: ['imports'], summary: 'Import the upload', body: choice.extend({ skipInvalid: z.boolean().optional() }) } },
      async (request) => {
        const file = await uploadPath(context.dataDir, request.body.uploadId);
        const options = { ...optionsFrom(request.body, requireUser(request).email, file.split('/').pop() ?? 'upload'), skipInvalid: request.body.skipInvalid ?? false };
        const result = await importFile(context.db, file, options);
        // The import has committed; segments and alerts are recomputed in the background and never fail it.
        if (importChangedData(result) && result.kind !== LIVE_EVENTS_KIND) {
          context.sellerMap.request('import');
          context.alerts.request('import');
          context.benchmarks.request('import');
        }
        return result;
      },
    );

    app.get(
      '/api/imports',
      { config: { permission: 'read' }, schema: { tags: ['imports'], summary: 'Past imports, newest first' } },
      async () => ({ imports: await listImports(context.db) }),
    );

    app.get(
      '/api/imports/:id/rejects.csv',
      { config: { permission: 'read' }, schema: { tags: ['imports'], summary: 'Rejected rows of an import as CSV', params: z.object({ id: z.string().uuid() }) } },
      async (request, reply) => {
        const { file, csv } = await rejectsCsv(context.db, request.params.id);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.replace(/[^\w.-]+/g, '_')}"`)
          .send(csv);
      },
    );
  };
}
