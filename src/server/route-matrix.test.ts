import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { can, ROLES, type Role } from '../core/auth/roles.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

// Every registered /api route, discovered from the app itself, against every role: a route added
// tomorrow is covered without touching this file.
describe('role × route matrix', () => {
  let db: Database;
  let app: FastifyInstance;
  let users: Record<Role, number>;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    users = await createRoleUsers(db);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const apiRoutes = () =>
    app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

  const request = (route: { method: string; url: string }, headers: Record<string, string>) =>
    app.inject({
      method: route.method as 'GET',
      url: route.url.replace(/:(\w+)/g, '999'),
      headers: { ...headers, 'content-type': 'application/json' },
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: '{}' }),
    });

  it('finds the routes and every one declares a permission', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const route of routes) expect(route.permission, `${route.method} ${route.url}`).toBeDefined();
  });

  it('lets everyone read targets and only managers and admins change them', () => {
    const targets = apiRoutes().filter((r) => r.url.startsWith('/api/targets'));
    expect(Object.fromEntries(targets.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/targets': 'read',
      'PUT /api/targets': 'manage',
      'DELETE /api/targets': 'manage',
      'POST /api/targets/import': 'manage',
      'GET /api/targets/options': 'read',
      'GET /api/targets/progress': 'read',
    });
  });

  it('declares the alert routes with the permissions of CONTRACTS.md §5', () => {
    const expected: Record<string, string> = {
      'GET /api/alerts': 'read',
      'GET /api/alerts/:id': 'read',
      'POST /api/alerts/:id/acknowledge': 'write',
      'POST /api/alerts/:id/resolve': 'write',
      'POST /api/alerts/scan': 'manage',
      'GET /api/alert-rules': 'read',
      'GET /api/alert-rules/options': 'read',
      'POST /api/alert-rules': 'manage',
      'PATCH /api/alert-rules/:id': 'manage',
      'DELETE /api/alert-rules/:id': 'manage',
      'GET /api/campaign-days': 'read',
      'PUT /api/campaign-days': 'manage',
    };
    const declared = Object.fromEntries(
      apiRoutes()
        .filter((r) => r.url.startsWith('/api/alert') || r.url.startsWith('/api/campaign-days'))
        .map((r) => [`${r.method} ${r.url}`, r.permission]),
    );
    expect(declared).toEqual(expected);
  });

  it('lets everyone read sellers and keep their own views, analysts edit profiles, managers assign owners and merge', () => {
    const sellers = apiRoutes().filter((r) => r.url.startsWith('/api/sellers') || r.url.startsWith('/api/seller-views'));
    expect(Object.fromEntries(sellers.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/sellers': 'read',
      'GET /api/sellers/options': 'read',
      'GET /api/sellers/export.xlsx': 'read',
      'POST /api/sellers/merge': 'manage',
      'POST /api/sellers/owner': 'manage',
      'GET /api/sellers/:id': 'read',
      'PATCH /api/sellers/:id': 'write',
      'GET /api/sellers/:id/history': 'read',
      'GET /api/sellers/:id/performance': 'read',
      'GET /api/sellers/:id/improvement-areas': 'read',
      'GET /api/seller-views': 'read',
      'POST /api/seller-views': 'read',
      'PATCH /api/seller-views/:id': 'read',
      'DELETE /api/seller-views/:id': 'read',
    });
  });

  it('lets everyone read opportunities and segments, analysts act on opportunities, managers change tiers', () => {
    const routes = apiRoutes().filter((r) => r.url.startsWith('/api/opportunities') || r.url.startsWith('/api/segments'));
    expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/opportunities': 'read',
      'GET /api/opportunities/options': 'read',
      'POST /api/opportunities/:rule/:subject/dismiss': 'write',
      'POST /api/opportunities/:rule/:subject/snooze': 'write',
      'POST /api/opportunities/:rule/:subject/restore': 'write',
      'POST /api/opportunities/:rule/:subject/task': 'write',
      'POST /api/opportunities/:rule/:subject/contact': 'write',
      'GET /api/segments': 'read',
      'PUT /api/segments/thresholds': 'manage',
      'POST /api/segments/recompute': 'manage',
    });
  });

  it('lets everyone read the workspace and analysts write communications, tasks and notes', () => {
    const prefixes = ['/api/communications', '/api/tasks', '/api/notes', '/api/workspace'];
    const routes = apiRoutes().filter((r) => prefixes.some((p) => r.url.startsWith(p)));
    expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/notes': 'read',
      'POST /api/notes': 'write',
      'PATCH /api/notes/:id': 'write',
      'DELETE /api/notes/:id': 'write',
      'GET /api/communications': 'read',
      'GET /api/communications/follow-up': 'read',
      'POST /api/communications': 'write',
      'PATCH /api/communications/:id': 'write',
      'DELETE /api/communications/:id': 'write',
      'GET /api/tasks': 'read',
      'GET /api/tasks/options': 'read',
      'GET /api/tasks/reminders': 'read',
      'GET /api/tasks/export': 'read',
      'POST /api/tasks/import': 'write',
      'POST /api/tasks': 'write',
      'POST /api/tasks/bulk': 'write',
      'PATCH /api/tasks/:id': 'write',
      'DELETE /api/tasks/:id': 'write',
      'GET /api/workspace/search': 'read',
    });
  });

  it('lets everyone read livestreams and analysts pin notes to a minute', () => {
    const routes = apiRoutes().filter((r) => r.url.startsWith('/api/livestreams'));
    expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/livestreams': 'read',
      'GET /api/livestreams/leaderboard': 'read',
      'GET /api/livestreams/options': 'read',
      'GET /api/livestreams/best-practices': 'read',
      'GET /api/livestreams/:id': 'read',
      'GET /api/livestreams/:id/timeline': 'read',
      'GET /api/livestreams/:id/observed': 'read',
      'POST /api/livestreams/:id/notes': 'write',
      'DELETE /api/livestreams/:id/notes/:noteId': 'write',
    });
  });

  it('lets everyone read reviews and the rubric, analysts write reviews and managers save rubric versions', () => {
    const routes = apiRoutes().filter((r) => r.url.startsWith('/api/reviews') || r.url.startsWith('/api/rubrics'));
    expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/reviews': 'read',
      'GET /api/reviews/options': 'read',
      'GET /api/reviews/queue': 'read',
      'GET /api/reviews/calibration': 'read',
      'GET /api/reviews/host-trend': 'read',
      'GET /api/reviews/sessions/:id': 'read',
      'PUT /api/reviews/sessions/:id': 'write',
      'DELETE /api/reviews/:id': 'write',
      'GET /api/rubrics': 'read',
      'GET /api/rubrics/active': 'read',
      'POST /api/rubrics': 'manage',
    });
  });

  it('lets everyone read and download reports, analysts generate them and managers set sections and schedules', () => {
    const routes = apiRoutes().filter((r) => r.url.startsWith('/api/reports'));
    expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({
      'GET /api/reports/options': 'read',
      'GET /api/reports/preview': 'read',
      'POST /api/reports': 'write',
      'GET /api/reports': 'read',
      'GET /api/reports/:id/:format': 'read',
      'GET /api/reports/layout/:kind': 'read',
      'PUT /api/reports/layout/:kind': 'manage',
      'GET /api/reports/schedules': 'read',
      'PUT /api/reports/schedules/:kind': 'manage',
    });
  });

  it('lets only admins take a backup', () => {
    const routes = apiRoutes().filter((r) => r.url.startsWith('/api/admin'));
    expect(Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.permission]))).toEqual({ 'POST /api/admin/backup': 'admin' });
  });

  it('refuses every non-public route to a caller who is not signed in (401)', async () => {
    for (const route of apiRoutes().filter((r) => r.permission !== 'public')) {
      const res = await request(route, { origin: 'http://localhost:80', host: 'localhost:80' });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('unauthenticated');
    }
  });

  for (const role of ROLES) {
    it(`lets ${role} through exactly the routes its permissions allow`, async () => {
      for (const route of apiRoutes()) {
        const allowed = route.permission === 'public' || (route.permission !== undefined && can(role, route.permission));
        // A fresh session per request: logout or a password change must not end the next check.
        const res = await request(route, await sessionHeaders(db, users[role]));
        const label = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
        else expect(res.statusCode, label).toBe(403);
      }
    });
  }
});
