/**
 * Seller segments over HTTP: everyone reads the tier thresholds and how many sellers each tier,
 * lifecycle and live status holds; managers and admins change the thresholds (validated, audited,
 * then every seller is re-tiered) and may recompute segments and opportunities by hand.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { sql } from '../../core/db/sql.ts';
import {
  DEFAULT_TIER_THRESHOLDS,
  getLastRecompute,
  getTierThresholds,
  recomputeSellerMap,
  setTierThresholds,
  WINDOW_DAYS_RANGE,
} from '../../core/sellers/segments/index.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const thresholds = z.object({ windowDays: z.number(), s: z.number(), a: z.number(), b: z.number() });
const recompute = z.object({ at: z.string(), reason: z.string(), asOf: z.string().nullable(), sellers: z.number(), opportunities: z.record(z.string(), z.number()), seconds: z.number() });
const count = z.object({ value: z.string(), sellers: z.number(), gmv: z.number() });
const segmentsAnswer = z.object({
  thresholds,
  defaults: thresholds,
  windowDaysRange: z.object({ min: z.number(), max: z.number() }),
  counts: z.object({ tier: z.array(count), lifecycle: z.array(count), liveStatus: z.array(count) }),
  lastRecompute: recompute.nullable(),
});

async function segmentsOverview(context: AppContext): Promise<z.infer<typeof segmentsAnswer>> {
  const rows = await context.db.query<{ kind: 'tier' | 'lifecycle' | 'liveStatus'; value: string; sellers: number; gmv: number }>(sql`
    SELECT 'tier' AS kind, tier AS value, count(*) AS sellers, sum(gmv_window) AS gmv FROM seller_segments GROUP BY tier
    UNION ALL SELECT 'lifecycle', lifecycle, count(*), sum(gmv_window) FROM seller_segments GROUP BY lifecycle
    UNION ALL SELECT 'liveStatus', live_status, count(*), sum(gmv_window) FROM seller_segments GROUP BY live_status
    ORDER BY kind, value`);
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ value: r.value, sellers: r.sellers, gmv: Number(r.gmv ?? 0) }));
  return {
    thresholds: await getTierThresholds(context.db),
    defaults: DEFAULT_TIER_THRESHOLDS,
    windowDaysRange: { ...WINDOW_DAYS_RANGE },
    counts: { tier: of('tier'), lifecycle: of('lifecycle'), liveStatus: of('liveStatus') },
    lastRecompute: await getLastRecompute(context.db),
  };
}

export function segmentRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/segments',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'Tier thresholds and the sellers in each tier, lifecycle and live status', response: { 200: segmentsAnswer } } },
      async () => segmentsOverview(context),
    );

    app.put(
      '/api/segments/thresholds',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['sellers'],
          summary: 'Change the tier thresholds (cumulative top shares in %) and the GMV window; re-tiers every seller',
          body: thresholds,
          response: { 200: segmentsAnswer },
        },
      },
      async (request) => {
        const actor = actorOf(requireUser(request));
        await context.db.transaction((tx) => setTierThresholds(tx, actor, request.body));
        await recomputeSellerMap(context.db, { reason: 'thresholds' });
        return segmentsOverview(context);
      },
    );

    app.post(
      '/api/segments/recompute',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['sellers'],
          summary: 'Recompute segments and opportunities now (the server also does after imports and daily at 05:30)',
          response: { 200: z.object({ recompute }) },
        },
      },
      async () => ({ recompute: await recomputeSellerMap(context.db, { reason: 'manual' }) }),
    );
  };
}
