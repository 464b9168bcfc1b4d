/** Sign-in, sign-out, first-run setup and password change. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginThrottle } from '../../core/auth/login-throttle.ts';
import { permissionsOf } from '../../core/auth/roles.ts';
import { createSession } from '../../core/auth/sessions.ts';
import { changeOwnPassword, setupFirstAdmin, signIn, signOut } from '../../core/auth/sign-in.ts';
import { countUsers } from '../../core/auth/users.ts';
import { UserError } from '../../core/shared/errors.ts';
import { requireUser, SESSION_COOKIE, sessionCookieOptions } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';
import { errorResponse } from '../error-schema.ts';

const userSchema = z.object({ id: z.number(), email: z.string(), displayName: z.string(), role: z.enum(['admin', 'manager', 'analyst', 'viewer']) });

export interface AuthRouteOptions {
  /** Per-account and per-address throttles; tests pass fast ones. */
  accountThrottle?: LoginThrottle;
  addressThrottle?: LoginThrottle;
}

export function authRoutes(context: AppContext, options: AuthRouteOptions = {}): FastifyPluginAsyncZod {
  const accounts = options.accountThrottle ?? new LoginThrottle({ freeAttempts: 5 });
  const addresses = options.addressThrottle ?? new LoginThrottle({ freeAttempts: 30 });

  return async (app) => {
    app.get(
      '/api/auth/state',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Whether setup is needed, and who is signed in',
          response: { 200: z.object({ setupRequired: z.boolean(), user: userSchema.nullable(), permissions: z.array(z.string()) }) },
        },
      },
      async (request) => ({
        setupRequired: (await countUsers(context.db)) === 0,
        user: request.user,
        permissions: request.user ? [...permissionsOf(request.user.role)] : [],
      }),
    );

    app.post(
      '/api/auth/setup',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Create the first admin (only while no user exists)',
          body: z.object({ email: z.string(), displayName: z.string(), password: z.string() }),
          response: { 201: z.object({ user: userSchema }) },
        },
      },
      async (request, reply) => {
        const created = await setupFirstAdmin(context.db, request.body);
        const token = await createSession(context.db, created.id);
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request));
        const user = { id: created.id, email: created.email, displayName: created.displayName, role: created.role };
        return reply.status(201).send({ user });
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password',
          body: z.object({ email: z.string().max(254), password: z.string().max(1024) }),
          response: { 200: z.object({ user: userSchema }), 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const keys = { account: [`account:${request.body.email.trim().toLowerCase()}`], address: [`ip:${request.ip}`] };
        const wait = Math.max(accounts.waitMs(keys.account), addresses.waitMs(keys.address));
        if (wait > 0) {
          const seconds = Math.ceil(wait / 1000);
          return reply
            .status(429)
            .header('retry-after', String(seconds))
            .send({ error: { code: 'rate_limited', message: `too many failed sign-ins: wait ${seconds} s and try again` } });
        }
        try {
          const { user, token } = await signIn(context.db, request.body.email, request.body.password);
          accounts.recordSuccess(keys.account);
          reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request));
          return { user };
        } catch (error) {
          if (error instanceof UserError) {
            accounts.recordFailure(keys.account);
            addresses.recordFailure(keys.address);
            return reply.status(401).send({ error: { code: 'bad_credentials', message: error.message } });
          }
          throw error;
        }
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { permission: 'read' }, schema: { tags: ['auth'], summary: 'Sign out (ends this session)' } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token && request.authKind === 'session') await signOut(context.db, requireUser(request), token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password (ends your other sessions)',
          body: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }),
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await changeOwnPassword(context.db, user, request.body.currentPassword, request.body.newPassword);
        if (request.authKind === 'session') {
          reply.setCookie(SESSION_COOKIE, await createSession(context.db, user.id), sessionCookieOptions(request));
        }
        return reply.status(204).send();
      },
    );
  };
}
