/**
 * The tracker over HTTP: everyone reads tasks (with "my work": the caller's own), the options and
 * the reminders, and downloads the tracker sheet; analysts and up create, edit, move, bulk-edit,
 * delete and import tasks — every change audited by the core.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { actorOf } from '../../core/auth/sign-in.ts';
import { UserError } from '../../core/shared/errors.ts';
import { workspaceToday } from '../../core/workspace/due-dates.ts';
import { workspaceReminders } from '../../core/workspace/reminders.ts';
import { listTasks } from '../../core/workspace/task-query.ts';
import { bulkEditTasks, createTask, deleteTask, updateTask } from '../../core/workspace/tasks.ts';
import { exportTracker, importTracker } from '../../core/workspace/tracker-xlsx.ts';
import { ownerNamesOf, workspaceOptions } from '../../core/workspace/workspace-options.ts';
import { PRIORITIES, RECURRENCES, TASK_SOURCES, TASK_STATUSES } from '../../core/workspace/workspace-fields.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const MAX_TRACKER_BYTES = 10 * 1024 * 1024;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const status = z.enum(TASK_STATUSES);
const dueState = z.enum(['none', 'overdue', 'today', 'soon', 'later', 'done']);
export const taskSchema = z.object({
  id: z.number(),
  title: z.string(),
  sellerId: z.string().nullable(),
  sellerName: z.string().nullable(),
  status,
  owner: z.string().nullable(),
  dueAt: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  tags: z.array(z.string()),
  source: z.enum(TASK_SOURCES),
  sourceRef: z.string().nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
  description: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueState,
});
const input = z.object({
  title: z.string().max(200),
  sellerId: z.string().max(200).nullable().optional(),
  status: status.optional(),
  owner: z.string().max(200).nullable().optional(),
  dueAt: z.union([date, z.literal('')]).nullable().optional(),
  priority: z.enum(PRIORITIES).optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
  source: z.enum(TASK_SOURCES).optional(),
  sourceRef: z.string().max(300).nullable().optional(),
  recurrence: z.enum(RECURRENCES).nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
});
const change = z.object({ task: taskSchema, next: taskSchema.nullable() });
const id = z.object({ id: z.coerce.number().int().positive() });
const filter = z.object({
  status: z
    .string()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(status))
    .optional(),
  mine: z.enum(['true', 'false']).optional(),
  owner: z.string().max(200).optional(),
  sellerId: z.string().max(200).optional(),
  source: z.enum(TASK_SOURCES).optional(),
  sourceRef: z.string().max(300).optional(),
  tag: z.string().max(40).optional(),
  due: z.enum(['overdue', 'today', 'soon', 'none']).optional(),
  doneSince: date.optional(),
  q: z.string().max(200).optional(),
});
const reminderItem = z.object({
  kind: z.enum(['task', 'follow_up']),
  id: z.number(),
  title: z.string(),
  sellerId: z.string().nullable(),
  sellerName: z.string().nullable(),
  owner: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  priority: z.string().nullable(),
});

export function taskRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_TRACKER_BYTES, files: 1, fields: 2 } });
    const ownersOf = (request: Parameters<typeof requireUser>[0], q: { mine?: 'true' | 'false'; owner?: string }) =>
      q.mine === 'true' ? ownerNamesOf(requireUser(request)) : q.owner ? [q.owner] : undefined;

    app.get(
      '/api/tasks',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['workspace'],
          summary: 'Tasks: open first, soonest due first; ?mine=true for the caller’s own work',
          querystring: filter.extend({ limit: z.coerce.number().int().min(1).max(1000).default(200), offset: z.coerce.number().int().min(0).default(0) }),
          response: { 200: z.object({ tasks: z.array(taskSchema), total: z.number(), today: z.string() }) },
        },
      },
      async (request) => {
        const today = await workspaceToday(context.db);
        const { mine: _mine, owner: _owner, ...rest } = request.query;
        return { ...(await listTasks(context.db, today, { ...rest, owners: ownersOf(request, request.query) })), today };
      },
    );
    app.get(
      '/api/tasks/options',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['workspace'],
          summary: 'Owners, tags and the value lists the workspace forms offer, and who "my work" is',
          response: {
            200: z.object({
              owners: z.array(z.string()),
              tags: z.array(z.string()),
              statuses: z.array(z.object({ value: status, label: z.string() })),
              priorities: z.array(z.string()),
              sources: z.array(z.string()),
              recurrences: z.array(z.string()),
              channels: z.array(z.string()),
              directions: z.array(z.string()),
              me: z.object({ names: z.array(z.string()), displayName: z.string() }),
              today: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { ...(await workspaceOptions(context.db)), me: { names: ownerNamesOf(user), displayName: user.displayName }, today: await workspaceToday(context.db) };
      },
    );
    app.get(
      '/api/tasks/reminders',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['workspace'],
          summary: 'Overdue and soon-due tasks and follow-ups (the Overview card); ?mine=true for the caller’s own',
          querystring: z.object({ mine: z.enum(['true', 'false']).optional(), days: z.coerce.number().int().min(1).max(60).default(7), limit: z.coerce.number().int().min(1).max(100).default(8) }),
          response: {
            200: z.object({ today: z.string(), horizon: z.string(), overdue: z.array(reminderItem), dueSoon: z.array(reminderItem), counts: z.object({ overdue: z.number(), dueSoon: z.number() }) }),
          },
        },
      },
      async (request) =>
        workspaceReminders(context.db, await workspaceToday(context.db), { owners: ownersOf(request, request.query), days: request.query.days, limit: request.query.limit }),
    );
    app.get(
      '/api/tasks/export',
      { config: { permission: 'read' }, schema: { tags: ['workspace'], summary: 'The tracker as an .xlsx sheet (same filters as the list)', querystring: filter } },
      async (request, reply) => {
        const { mine: _mine, owner: _owner, ...rest } = request.query;
        const file = await exportTracker(context.db, { ...rest, owners: ownersOf(request, request.query) });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="aisle-tracker-${await workspaceToday(context.db)}.xlsx"`)
          .send(file);
      },
    );
    app.post(
      '/api/tasks/import',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Import a tracker sheet (multipart field "file"); all rows or none', consumes: ['multipart/form-data'] } },
      async (request) => {
        const part = await request.file();
        if (!part) throw new UserError('no file in the upload', { hint: 'send the tracker in the multipart field "file"' });
        const buffer = await part.toBuffer();
        return importTracker(context.db, actorOf(requireUser(request)), buffer, { fileName: part.filename });
      },
    );
    app.post(
      '/api/tasks',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Create a task', body: input, response: { 201: change } } },
      async (request, reply) => reply.status(201).send(await createTask(context.db, actorOf(requireUser(request)), request.body)),
    );
    app.post(
      '/api/tasks/bulk',
      {
        config: { permission: 'write' },
        schema: {
          tags: ['workspace'],
          summary: 'Apply one edit to many tasks',
          body: z.object({
            ids: z.array(z.number().int().positive()).min(1).max(1000),
            edit: z.object({
              status: status.optional(),
              owner: z.string().max(200).nullable().optional(),
              priority: z.enum(PRIORITIES).optional(),
              dueAt: z.union([date, z.literal('')]).nullable().optional(),
              addTags: z.array(z.string().max(40)).max(20).optional(),
              removeTags: z.array(z.string().max(40)).max(20).optional(),
            }),
          }),
          response: { 200: z.object({ updated: z.number(), nextOccurrences: z.array(z.number()) }) },
        },
      },
      async (request) => bulkEditTasks(context.db, actorOf(requireUser(request)), request.body.ids, request.body.edit),
    );
    app.patch(
      '/api/tasks/:id',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Edit or move a task', params: id, body: input.partial(), response: { 200: change } } },
      async (request) => updateTask(context.db, actorOf(requireUser(request)), request.params.id, request.body),
    );
    app.delete(
      '/api/tasks/:id',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Delete a task', params: id } },
      async (request, reply) => {
        await deleteTask(context.db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
