/** API tokens for scripts: list (own; admins all), create (shown once), revoke. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../core/auth/api-tokens.ts';
import { actorOf } from '../../core/auth/sign-in.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const token = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(['admin', 'manager', 'analyst', 'viewer']),
  owner: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function tokenRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tokens',
      { config: { permission: 'read' }, schema: { tags: ['users'], summary: 'API tokens', response: { 200: z.object({ tokens: z.array(token) }) } } },
      async (request) => ({ tokens: await listApiTokens(context.db, actorOf(requireUser(request))) }),
    );
    app.post(
      '/api/tokens',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['users'],
          summary: 'Create an API token (the secret is shown once)',
          body: z.object({ name: z.string().max(100), role: z.enum(['admin', 'manager', 'analyst', 'viewer']) }),
          response: { 201: z.object({ token: z.string(), apiToken: token }) },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiToken(context.db, actorOf(requireUser(request)), request.body)),
    );
    app.delete(
      '/api/tokens/:id',
      {
        config: { permission: 'read' },
        schema: { tags: ['users'], summary: 'Revoke an API token', params: z.object({ id: z.coerce.number().int().positive() }) },
      },
      async (request, reply) => {
        await revokeApiToken(context.db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
