/** Search across notes, communications and tasks: read for everyone. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SEARCH_KINDS, searchWorkspace } from '../../core/workspace/workspace-search.ts';
import type { AppContext } from '../app-context.ts';

const kind = z.enum(['note', 'communication', 'task']);

export function workspaceSearchRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/workspace/search',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['workspace'],
          summary: 'Notes, communications and tasks containing every word, newest first',
          querystring: z.object({
            q: z.string().max(200),
            kinds: z
              .string()
              .max(60)
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(kind))
              .optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              hits: z.array(
                z.object({ kind, id: z.number(), title: z.string(), snippet: z.string(), sellerId: z.string().nullable(), sellerName: z.string().nullable(), at: z.string(), detail: z.string().nullable() }),
              ),
              kinds: z.array(kind),
            }),
          },
        },
      },
      async (request) => ({ hits: await searchWorkspace(context.db, request.query.q, { kinds: request.query.kinds, limit: request.query.limit }), kinds: SEARCH_KINDS }),
    );
  };
}
