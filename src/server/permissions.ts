/**
 * Every `/api` route declares the permission it needs in its route config: `public` (no sign-in)
 * or one of the role permissions of CONTRACTS.md §5. The app refuses to register an `/api` route
 * without one, so no future route can forget it; `auth-guard.ts` enforces it on every request.
 */
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { RolePermission } from '../core/auth/roles.ts';

export type Permission = 'public' | RolePermission;

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
