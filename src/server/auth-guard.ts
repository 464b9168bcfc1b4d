/**
 * Identifies the caller on every request (session cookie, or `Authorization: Bearer aisle_…` for
 * scripts), refuses cross-site state changes, and enforces the route's declared permission — all in
 * `onRequest`, before the body is even parsed, so a refused caller learns nothing from validation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type { Database } from '../core/db/database.ts';
import { resolveApiToken } from '../core/auth/api-tokens.ts';
import { can } from '../core/auth/roles.ts';
import { resolveSession, SESSION_MAX_DAYS, type SessionUser } from '../core/auth/sessions.ts';

export const SESSION_COOKIE = 'aisle_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    /** How the caller was identified; bearer tokens are not ambient credentials, so no CSRF check. */
    authKind: 'session' | 'token' | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function deny(reply: FastifyReply, status: 401 | 403, code: string, message: string, hint?: string) {
  return reply.status(status).send({ error: { code, message, ...(hint ? { hint } : {}) } });
}

/** A state-changing request must come from this app's own pages. */
function isSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (!origin || !host) return false;
  try {
    // Compare as URLs so default ports (`:80`, `:443`) are normalised on both sides.
    return new URL(origin).host === new URL(`${request.protocol}://${host}`).host;
  } catch {
    return false;
  }
}

export function sessionCookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    maxAge: SESSION_MAX_DAYS * 86_400,
  };
}

export async function registerAuthGuard(app: FastifyInstance, db: Database): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('authKind', null);

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    if (!request.url.startsWith('/api/') || permission === undefined) return;

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.user = await resolveApiToken(db, authorization.slice(7).trim());
      request.authKind = request.user ? 'token' : null;
      if (!request.user) return deny(reply, 401, 'unauthenticated', 'the API token is unknown or revoked');
    } else {
      const token = request.cookies[SESSION_COOKIE];
      request.user = token ? await resolveSession(db, token) : null;
      request.authKind = request.user ? 'session' : null;
    }

    if (!SAFE_METHODS.has(request.method) && request.authKind !== 'token' && !isSameOrigin(request)) {
      return deny(reply, 403, 'cross_site', 'cross-site request refused', 'send requests from the Aisle web app, or use an API token');
    }
    if (permission === 'public') return;
    if (!request.user) return deny(reply, 401, 'unauthenticated', 'sign in to continue');
    if (!can(request.user.role, permission)) {
      return deny(reply, 403, 'forbidden', `this needs the ${permission} permission, which the ${request.user.role} role does not have`);
    }
  });
}

/** The signed-in user of a route that is not public (the guard has already checked). */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error('route without a signed-in user: is its permission public?');
  return request.user;
}
