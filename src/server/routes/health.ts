/** Liveness and version: used by the e2e harness, load balancers and `aisle serve` itself. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from '../../core/db/sql.ts';
import type { AppContext } from '../app-context.ts';

export function healthRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Server and database status',
          response: { 200: z.object({ status: z.literal('ok'), version: z.string(), schemaVersion: z.number() }) },
        },
      },
      async () => {
        const [row] = await context.db.query<{ v: number | null }>(sql`SELECT max(version) AS v FROM schema_migrations`);
        return { status: 'ok' as const, version: context.version, schemaVersion: row?.v ?? 0 };
      },
    );
  };
}
