/**
 * Communication records over HTTP: everyone reads the team log and a seller's timeline and
 * follow-up figures; analysts and up log, edit and delete contacts — every change audited by the
 * core. Dates are answered with the workspace's "today" so the page shows the same overdue states.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { listCommunications, sellerFollowUp } from '../../core/workspace/communication-query.ts';
import { deleteCommunication, logCommunication, updateCommunication } from '../../core/workspace/communications.ts';
import { workspaceToday } from '../../core/workspace/due-dates.ts';
import { CHANNELS, DIRECTIONS } from '../../core/workspace/workspace-fields.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const followUp = z.enum(['none', 'open', 'overdue', 'closed', 'tasked']);
export const communicationSchema = z.object({
  id: z.number(),
  sellerId: z.string(),
  sellerName: z.string().nullable(),
  at: z.string(),
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  participants: z.string().nullable(),
  subject: z.string(),
  summary: z.string().nullable(),
  outcome: z.string().nullable(),
  nextAction: z.string().nullable(),
  dueAt: z.string().nullable(),
  owner: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  followUp,
  followUpTaskId: z.number().nullable(),
});
const input = z.object({
  sellerId: z.string().min(1).max(200),
  at: z.string().max(40).optional(),
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS).optional(),
  participants: z.string().max(500).nullable().optional(),
  subject: z.string().max(200),
  summary: z.string().max(5000).nullable().optional(),
  outcome: z.string().max(500).nullable().optional(),
  nextAction: z.string().max(500).nullable().optional(),
  dueAt: z.union([date, z.literal('')]).nullable().optional(),
  owner: z.string().max(200).nullable().optional(),
});
const id = z.object({ id: z.coerce.number().int().positive() });

export function communicationRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/communications',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['workspace'],
          summary: 'Communications, newest first: the team log, or one seller’s timeline',
          querystring: z.object({
            sellerId: z.string().max(200).optional(),
            channel: z.enum(CHANNELS).optional(),
            direction: z.enum(DIRECTIONS).optional(),
            owner: z.string().max(200).optional(),
            from: date.optional(),
            to: date.optional(),
            followUp: followUp.optional(),
            q: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ communications: z.array(communicationSchema), total: z.number(), today: z.string() }) },
        },
      },
      async (request) => {
        const today = await workspaceToday(context.db);
        return { ...(await listCommunications(context.db, today, request.query)), today };
      },
    );
    app.get(
      '/api/communications/follow-up',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['workspace'],
          summary: 'A seller’s follow-up figures: last contact, overdue follow-ups (communications and tasks), open tasks',
          querystring: z.object({ sellerId: z.string().min(1).max(200) }),
          response: {
            200: z.object({
              lastContactAt: z.string().nullable(),
              lastContactDate: z.string().nullable(),
              daysSinceContact: z.number().nullable(),
              overdueFollowUps: z.number(),
              openTasks: z.number(),
              today: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const today = await workspaceToday(context.db);
        return { ...(await sellerFollowUp(context.db, request.query.sellerId, today)), today };
      },
    );
    app.post(
      '/api/communications',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Log a communication with a seller', body: input, response: { 201: z.object({ communication: communicationSchema }) } } },
      async (request, reply) => reply.status(201).send({ communication: await logCommunication(context.db, actorOf(requireUser(request)), request.body) }),
    );
    app.patch(
      '/api/communications/:id',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Edit a communication', params: id, body: input.partial(), response: { 200: z.object({ communication: communicationSchema }) } } },
      async (request) => ({ communication: await updateCommunication(context.db, actorOf(requireUser(request)), request.params.id, request.body) }),
    );
    app.delete(
      '/api/communications/:id',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Delete a communication', params: id } },
      async (request, reply) => {
        await deleteCommunication(context.db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
