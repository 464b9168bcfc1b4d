/**
 * KPI targets over HTTP: everyone reads targets and their progress; managers and admins set,
 * delete and import them (a sheet upload, streamed and size-limited like imports, removed after).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { actorOf } from '../../core/auth/sign-in.ts';
import { formatBytes } from '../../core/ingest/read/check-input-file.ts';
import { removeUpload, saveUpload, uploadPath } from '../../core/ingest/uploads.ts';
import { deleteTarget, importTargets, listTargets, setTargets, targetOptions, targetProgress } from '../../core/kpis/targets.ts';
import { UserError } from '../../core/shared/errors.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

export const MAX_TARGET_SHEET_BYTES = 20 * 1024 * 1024;

const format = z.enum(['money', 'count', 'rate', 'duration', 'number']);
const target = z.object({
  metric: z.string(),
  metricLabel: z.string(),
  format,
  scope: z.string(),
  scopeLabel: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  value: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
const progressItem = target.extend({
  target: z.number(),
  actual: z.number().nullable(),
  progress: z.number().nullable(),
  projection: z.number().nullable(),
  projectionBasis: z.enum(['run_rate', 'current']),
  status: z.enum(['ahead', 'on_track', 'behind']).nullable(),
});
const progressReport = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string().nullable(),
  elapsedDays: z.number(),
  totalDays: z.number(),
  currency: z.string(),
  items: z.array(progressItem),
});
const key = z.object({ metric: z.string().min(1).max(100), scope: z.string().min(1).max(300).default('category'), period: z.string().min(1).max(20) });
const row = z.object({ metric: z.string().max(100), scope: z.string().max(300).optional(), period: z.string().max(20), value: z.number() });
const written = z.object({ created: z.number(), updated: z.number() });

/** `maxUploadBytes` (the app's upload limit) can only lower the sheet limit, never raise it. */
export function targetRoutes(context: AppContext, maxUploadBytes?: number): FastifyPluginAsyncZod {
  const maxSheetBytes = Math.min(maxUploadBytes ?? MAX_TARGET_SHEET_BYTES, MAX_TARGET_SHEET_BYTES);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: maxSheetBytes, files: 1, fields: 2 } });

    app.get(
      '/api/targets',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'KPI targets, newest period first',
          querystring: z.object({ period: z.string().max(20).optional(), metric: z.string().max(100).optional(), scope: z.string().max(300).optional() }),
          response: { 200: z.object({ targets: z.array(target) }) },
        },
      },
      async (request) => ({ targets: await listTargets(context.db, request.query) }),
    );

    app.put(
      '/api/targets',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['kpis'],
          summary: 'Set targets (insert or update by metric × scope × period); all rows or none',
          body: z.object({ rows: z.array(row).min(1).max(10_000) }),
          response: { 200: written },
        },
      },
      async (request) => {
        const { created, updated } = await setTargets(context.db, actorOf(requireUser(request)), request.body.rows);
        return { created, updated };
      },
    );

    app.delete(
      '/api/targets',
      {
        config: { permission: 'manage' },
        schema: { tags: ['kpis'], summary: 'Delete one target (key in the query or the body)', querystring: key.partial(), body: key.partial().nullish() },
      },
      async (request, reply) => {
        const given = { ...request.query, ...(request.body ?? {}) };
        const parsed = key.safeParse(given);
        if (!parsed.success) throw new UserError('which target? give metric, period and scope (default category)', { hint: 'e.g. DELETE /api/targets?metric=gmv&period=2026-11&scope=category' });
        await deleteTarget(context.db, actorOf(requireUser(request)), parsed.data);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/targets/import',
      {
        config: { permission: 'manage' },
        schema: { tags: ['kpis'], summary: 'Import targets from an .xlsx or .csv sheet (multipart field "file"); all rows or none', consumes: ['multipart/form-data'] },
      },
      async (request, reply) => {
        const part = await request.file();
        if (!part) throw new UserError('no file in the upload', { hint: 'send the sheet in the multipart field "file"' });
        const saved = await saveUpload(context.dataDir, part.filename, part.file);
        if (part.file.truncated) {
          await removeUpload(context.dataDir, saved.uploadId);
          return reply.status(413).send({ error: { code: 'too_large', message: `the sheet is larger than ${formatBytes(maxSheetBytes)}`, hint: 'a targets sheet needs one row per metric, scope and period; remove other data' } });
        }
        try {
          return await importTargets(context.db, actorOf(requireUser(request)), await uploadPath(context.dataDir, saved.uploadId));
        } finally {
          await removeUpload(context.dataDir, saved.uploadId);
        }
      },
    );

    app.get(
      '/api/targets/options',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'What a targets form offers: metrics, subcategories, tiers and the period to open on',
          response: {
            200: z.object({
              metrics: z.array(z.object({ name: z.string(), label: z.string(), description: z.string(), format, additive: z.boolean(), bounded: z.boolean() })),
              subcategories: z.array(z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() })),
              tiers: z.array(z.string()),
              latestDay: z.string().nullable(),
              defaultMonth: z.string(),
              defaultWeek: z.string(),
            }),
          },
        },
      },
      async () => targetOptions(context.db),
    );

    app.get(
      '/api/targets/progress',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'Progress of a period’s targets: actual to date, run-rate projection and status',
          querystring: z.object({ period: z.string().min(1).max(20), scope: z.string().max(300).optional(), metrics: z.string().max(2000).optional() }),
          response: { 200: progressReport },
        },
      },
      async (request) => {
        const metrics = request.query.metrics?.split(',').map((m) => m.trim()).filter(Boolean);
        return targetProgress(context.db, { period: request.query.period, ...(request.query.scope ? { scope: request.query.scope } : {}), ...(metrics ? { metrics } : {}) });
      },
    );
  };
}
