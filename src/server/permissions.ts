/**
 * Every `/api` route declares the permission it needs in its route config. Sign-in and roles
 * enforce it; until then the declaration is still required, and a test fails on any route without one.
 */
export type Permission = 'public' | 'read' | 'write' | 'manage' | 'admin';

import type { FastifyInstance, HTTPMethods } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyInstance {
    /** Every route registered on this app with its declared permission (read by tests). */
    registeredRoutes: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: Permission | undefined;
}

/**
 * Records every route and refuses to register an `/api` route that declares no permission, so the
 * app cannot even start with an unguarded endpoint.
 */
export function requirePermissionOnApiRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods: HTTPMethods[] = Array.isArray(route.method) ? route.method : [route.method];
    const permission = route.config?.permission;
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && permission === undefined) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no permission (config.permission)`);
    }
    for (const method of methods) routes.push({ method, url: route.url, permission });
  });
}
