/** Notes: read for everyone (bodies also as safe HTML), written by analysts and up; every change audited. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { createNote, deleteNote, listNotes, updateNote } from '../../core/workspace/notes.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const note = z.object({
  id: z.number(),
  title: z.string(),
  bodyMd: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  sellerId: z.string().nullable(),
  sellerName: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const input = z.object({
  title: z.string().max(200),
  bodyMd: z.string().max(100_000).default(''),
  tags: z.array(z.string().max(40)).max(20).default([]),
  sellerId: z.string().max(200).nullable().optional(),
});
const id = z.object({ id: z.coerce.number().int().positive() });

export function noteRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notes',
      {
        config: { permission: 'read' },
        schema: { tags: ['workspace'], summary: 'Notes, newest first, with the body rendered to safe HTML',
          querystring: z.object({ sellerId: z.string().max(200).optional(), tag: z.string().max(40).optional(), q: z.string().max(200).optional() }), response: { 200: z.object({ notes: z.array(note) }) } },
      },
      async (request) => ({ notes: await listNotes(context.db, request.query) }),
    );
    app.post(
      '/api/notes',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Create a note', body: input, response: { 201: z.object({ note }) } } },
      async (request, reply) => reply.status(201).send({ note: await createNote(context.db, actorOf(requireUser(request)), request.body) }),
    );
    app.patch(
      '/api/notes/:id',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Edit a note', params: id, body: input.partial(), response: { 200: z.object({ note }) } } },
      async (request) => ({ note: await updateNote(context.db, actorOf(requireUser(request)), request.params.id, request.body) }),
    );
    app.delete(
      '/api/notes/:id',
      { config: { permission: 'write' }, schema: { tags: ['workspace'], summary: 'Delete a note', params: id } },
      async (request, reply) => {
        await deleteNote(context.db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
