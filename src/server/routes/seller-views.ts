/**
 * Saved views of the Sellers grid: each signed-in user (any role — a view is their own page state,
 * not workspace data) lists, saves, renames and deletes only their own.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { createSellerView, deleteSellerView, listSellerViews, updateSellerView } from '../../core/sellers/seller-views.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';
import { sellerView } from './seller-schemas.ts';

const viewId = z.object({ id: z.coerce.number().int().positive() });
const input = z.object({ name: z.string().max(200), state: z.record(z.string(), z.unknown()) });

export function sellerViewRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/seller-views',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'Your saved views of the Sellers grid', response: { 200: z.object({ views: z.array(sellerView) }) } } },
      async (request) => ({ views: await listSellerViews(db, actorOf(requireUser(request))) }),
    );
    app.post(
      '/api/seller-views',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'Save a view', body: input, response: { 201: z.object({ view: sellerView }) } } },
      async (request, reply) => reply.status(201).send({ view: await createSellerView(db, actorOf(requireUser(request)), request.body) }),
    );
    app.patch(
      '/api/seller-views/:id',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'Rename a view or save its new state', params: viewId, body: input.partial(), response: { 200: z.object({ view: sellerView }) } } },
      async (request) => ({ view: await updateSellerView(db, actorOf(requireUser(request)), request.params.id, request.body) }),
    );
    app.delete(
      '/api/seller-views/:id',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'Delete a view', params: viewId } },
      async (request, reply) => {
        await deleteSellerView(db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
