/**
 * `/api/metrics`: the same request and answer as `aisle query --format json` (CONTRACTS.md §4).
 * `where` is repeatable `DIM=VALUE`; several values for one dimension are OR-ed. `compare`
 * (previous, last_year, target) adds comparison columns per metric.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GRAINS } from '../../core/db/dialect/index.ts';
import { parseComparisons, queryMetricsWithComparisons } from '../../core/kpis/query-with-comparisons.ts';
import { parseWhere } from '../../core/metrics/parse-where.ts';
import { metricCatalog } from '../../core/metrics/catalog-reference.ts';
import type { AppContext } from '../app-context.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean));

export function metricRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/metrics/catalog',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'Every metric (definition, format, type, additivity, direction, sources, dimensions) and dimension',
          response: {
            200: z.object({
              metrics: z.array(
                z.object({
                  name: z.string(),
                  label: z.string(),
                  description: z.string(),
                  format: z.string(),
                  type: z.string(),
                  additive: z.boolean(),
                  direction: z.string(),
                  from: z.array(z.string()),
                  sources: z.array(z.string()),
                  dimensions: z.array(z.string()),
                  internal: z.boolean(),
                }),
              ),
              dimensions: z.array(z.object({ name: z.string(), label: z.string() })),
            }),
          },
        },
      },
      async () => metricCatalog(),
    );
    app.get(
      '/api/metrics',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'Query metrics by dimensions, grain and date range',
          querystring: z.object({
            metrics: list,
            by: list.optional(),
            grain: z.enum(GRAINS as [string, ...string[]]).optional(),
            from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
            to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
            where: z.union([z.string(), z.array(z.string())]).optional(),
            compare: list.optional(),
          }),
        },
      },
      async (request) => {
        const q = request.query;
        const where = q.where === undefined ? [] : Array.isArray(q.where) ? q.where : [q.where];
        return queryMetricsWithComparisons(context.db, {
          metrics: q.metrics,
          by: q.by ?? [],
          grain: (q.grain as (typeof GRAINS)[number] | undefined) ?? null,
          from: q.from,
          to: q.to,
          where: parseWhere(where),
          compare: parseComparisons(q.compare ?? []),
        });
      },
    );
  };
}
