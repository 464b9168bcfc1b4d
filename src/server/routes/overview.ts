/**
 * The Overview dashboard: KPI tiles, trend, subcategory breakdown and top movers for a period
 * preset against a comparison; the breakdown also as a styled workbook.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataVersion } from '../../core/kpis/data-version.ts';
import { breakdownTable, getOverview, type Overview, type OverviewRequest } from '../../core/kpis/overview.ts';
import { COMPARISONS, PERIOD_PRESETS } from '../../core/kpis/periods.ts';
import { writeTableWorkbook } from '../../core/shared/xlsx-table.ts';
import type { AppContext } from '../app-context.ts';
import { VersionedCache } from '../versioned-cache.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const query = z.object({
  period: z.enum(PERIOD_PRESETS).default('last_7_days'),
  from: date.optional(),
  to: date.optional(),
  compare: z.enum(COMPARISONS).default('previous'),
});
const range = z.object({ from: z.string(), to: z.string() }).nullable();
const format = z.enum(['money', 'count', 'rate', 'duration', 'number']);
const numbers = z.record(z.string(), z.number().nullable());
const mover = z.object({
  seller: z.string(),
  name: z.string(),
  subcategory: z.string().nullable(),
  value: z.number(),
  previous: z.number(),
  change: z.number(),
  changeRatio: z.number().nullable(),
});
const overviewSchema = z.object({
  /** The previous figures, while the ones after the latest data change are computed: ask again shortly. */
  refreshing: z.boolean(),
  asOf: z.string().nullable(),
  currency: z.string(),
  timezone: z.string(),
  period: z.enum(PERIOD_PRESETS),
  compare: z.enum(COMPARISONS),
  current: range,
  comparisonRange: range,
  kpis: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      description: z.string(),
      format,
      direction: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
      value: z.number().nullable(),
      comparison: z.number().nullable(),
      change: z.number().nullable(),
      changeRatio: z.number().nullable(),
      approximate: z.boolean(),
      target: z.number().nullable(),
      targetProgress: z.number().nullable(),
      targetStatus: z.enum(['ahead', 'on_track', 'behind']).nullable(),
      sparkline: z.array(z.number().nullable()),
    }),
  ),
  trend: z.array(
    z.object({
      date: z.string(),
      gmv: z.number().nullable(),
      liveGmv: z.number().nullable(),
      liveGmvShare: z.number().nullable(),
      comparisonGmv: z.number().nullable(),
    }),
  ),
  breakdown: z.array(
    z.object({ subcategory: z.string().nullable(), name: z.string(), values: numbers, comparison: numbers, changeRatio: numbers }),
  ),
  movers: z.object({ up: z.array(mover), down: z.array(mover) }),
});

export function overviewRoutes(context: AppContext): FastifyPluginAsyncZod {
  // The Overview is what everybody opens first: answers are reused until the data changes.
  const cache = new VersionedCache<Overview>();
  const key = (request: OverviewRequest) => JSON.stringify([request.period, request.from, request.to, request.compare]);
  const overviewOf = async (request: OverviewRequest): Promise<Overview> =>
    cache.get(key(request), await dataVersion(context.db), () => getOverview(context.db, request));
  return async (app) => {
    app.get(
      '/api/overview',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['kpis'],
          summary: 'KPI tiles, trend, subcategory breakdown and top movers for a period against a comparison',
          querystring: query,
          response: { 200: overviewSchema },
        },
      },
      async (request) => {
        const { value, stale } = await cache.answer(key(request.query), dataVersion(context.db), () => getOverview(context.db, request.query), context.staleAfterMs);
        return { ...value, refreshing: stale };
      },
    );
    app.get(
      '/api/overview/breakdown.xlsx',
      {
        config: { permission: 'read' },
        schema: { tags: ['kpis'], summary: 'The subcategory breakdown as a styled Excel workbook', querystring: query },
      },
      async (request, reply) => {
        const overview = await overviewOf(request.query);
        const body = await writeTableWorkbook(breakdownTable(overview));
        const name = `aisle-subcategories-${overview.current?.from ?? 'empty'}-${overview.current?.to ?? ''}.xlsx`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(body);
      },
    );
  };
}
