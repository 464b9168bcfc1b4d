/** Settings → Users (admins): list, invite with a one-time temporary password, change role, disable. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { temporaryPassword } from '../../core/auth/secret-tokens.ts';
import { actorOf } from '../../core/auth/sign-in.ts';
import { createUser, listUsers, updateUser } from '../../core/auth/users.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const role = z.enum(['admin', 'manager', 'analyst', 'viewer']);
const user = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export function userRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      { config: { permission: 'admin' }, schema: { tags: ['users'], summary: 'All users', response: { 200: z.object({ users: z.array(user) }) } } },
      async () => ({ users: await listUsers(context.db) }),
    );

    app.post(
      '/api/users',
      {
        config: { permission: 'admin' },
        schema: {
          tags: ['users'],
          summary: 'Invite a user; the temporary password is shown once',
          body: z.object({ email: z.string(), displayName: z.string().default(''), role }),
          response: { 201: z.object({ user, temporaryPassword: z.string() }) },
        },
      },
      async (request, reply) => {
        const password = temporaryPassword();
        const created = await createUser(context.db, actorOf(requireUser(request)), { ...request.body, password });
        return reply.status(201).send({ user: created, temporaryPassword: password });
      },
    );

    app.patch(
      '/api/users/:id',
      {
        config: { permission: 'admin' },
        schema: {
          tags: ['users'],
          summary: 'Change a user’s role or name, or disable them (ends their sessions)',
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: z.object({ role: role.optional(), displayName: z.string().max(120).optional(), disabled: z.boolean().optional() }),
          response: { 200: z.object({ user }) },
        },
      },
      async (request) => ({ user: await updateUser(context.db, actorOf(requireUser(request)), request.params.id, request.body) }),
    );
  };
}
