/** Settings → Audit log (admins): who changed what, when, with before and after. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from '../../core/auth/audit-log.ts';
import type { AppContext } from '../app-context.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { permission: 'admin' },
        schema: {
          tags: ['users'],
          summary: 'Audit log entries, newest first',
          querystring: z.object({
            user: z.string().optional(),
            entity: z.string().optional(),
            from: date.optional(),
            to: date.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
        },
      },
      async (request) => {
        const q = request.query;
        return listAudit(context.db, { actor: q.user, entity: q.entity, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
      },
    );
  };
}
