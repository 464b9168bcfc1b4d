/** The Overview dashboard's data: headline KPIs vs the previous period and a daily trend. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getOverview } from '../../core/kpis/overview.ts';
import type { AppContext } from '../app-context.ts';

const range = z.object({ from: z.string(), to: z.string() }).nullable();
const overviewSchema = z.object({
  asOf: z.string().nullable(),
  currency: z.string(),
  timezone: z.string(),
  days: z.number(),
  current: range,
  previous: range,
  kpis: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      description: z.string(),
      format: z.enum(['money', 'count', 'rate', 'duration', 'number']),
      value: z.number().nullable(),
      previous: z.number().nullable(),
      change: z.number().nullable(),
      changeRatio: z.number().nullable(),
    }),
  ),
  trend: z.array(z.object({ date: z.string(), gmv: z.number().nullable(), orders: z.number().nullable() })),
});

export function overviewRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/overview',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'Headline KPIs for the last N days with data, against the N days before',
          querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(7) }),
          response: { 200: overviewSchema },
        },
      },
      async (request) => getOverview(context.db, { days: request.query.days }),
    );
  };
}
