/**
 * The seller registry over HTTP: the grid's list (filters, sort and paging done by the server), its
 * workbook export, the filter options, one seller's profile, figures and history, profile edits
 * (analysts and up), owner assignment and merges (managers and up), and each user's saved views.
 * Query parameters are the page's own URL parameters (`subcategory`, `from`, `to`, `sort`…), so a
 * link from the Overview is also an API request.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { dataVersion } from '../../core/kpis/data-version.ts';
import { PERIOD_PRESETS } from '../../core/kpis/periods.ts';
import { writeTableWorkbook } from '../../core/shared/xlsx-table.ts';
import { assignOwner, getSeller, sellerHistory, updateSeller, type SellerProfile } from '../../core/sellers/registry.ts';
import { sellerProfileVersion } from '../../core/sellers/seller-grid-table.ts';
import { listSellers, MAX_PAGE_SIZE, type SellerFilters, type SellerListRequest } from '../../core/sellers/seller-list.ts';
import { sellerListOptions } from '../../core/sellers/seller-list-options.ts';
import { sellersTable } from '../../core/sellers/seller-export.ts';
import { mergeSellers } from '../../core/sellers/seller-merge.ts';
import { sellerPerformance, type SellerPerformance } from '../../core/sellers/seller-360.ts';
import { SELLER_COMPARISONS } from '../../core/sellers/seller-period.ts';
import type { SessionUser } from '../../core/auth/sessions.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';
import { RefreshLimiter, VersionedCache } from '../versioned-cache.ts';
import { historyEntry, listRow, options, performance, profile } from './seller-schemas.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** `a,b,c` → ['a', 'b', 'c'] (blank parts dropped). */
const list = z
  .string()
  .max(4000)
  .transform((value) => value.split(',').map((v) => v.trim()).filter(Boolean));
const periodQuery = z.object({
  period: z.enum(PERIOD_PRESETS).optional(),
  from: date.optional(),
  to: date.optional(),
  compare: z.enum(SELLER_COMPARISONS).optional(),
});
export const listQuery = periodQuery.extend({
  q: z.string().max(200).optional(),
  category: list.optional(),
  subcategory: list.optional(),
  tier: list.optional(),
  platform_tier: list.optional(),
  lifecycle: list.optional(),
  live_status: list.optional(),
  region: list.optional(),
  status: list.optional(),
  /** User ids, `me` or `none`, comma-separated. */
  owner: list.optional(),
  completeness_below: z.coerce.number().int().min(1).max(101).optional(),
  not_contacted_days: z.coerce.number().int().min(1).max(3650).optional(),
  sort: z.string().max(40).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
type ListQuery = z.infer<typeof listQuery>;

function ownerFilter(values: string[] | undefined, user: SessionUser): SellerFilters['owner'] {
  if (!values) return undefined;
  return values.map((value) => {
    if (value === 'none') return 'none' as const;
    if (value === 'me') return user.id;
    const id = Number(value);
    return Number.isInteger(id) && id > 0 ? id : -1; // an unknown owner matches nobody
  });
}

export function toListRequest(query: ListQuery, user: SessionUser): SellerListRequest {
  const { period, from, to, compare, sort, dir, page, pageSize, owner, ...filters } = query;
  return {
    period,
    from,
    to,
    compare,
    page,
    pageSize,
    sort: sort ? { column: sort, direction: dir ?? 'desc' } : undefined,
    filters: { ...filters, owner: ownerFilter(owner, user) },
  };
}

const id = z.object({ id: z.string().min(1).max(200) });
const fieldValue = z.union([z.string().max(500), z.number(), z.null()]);

export function sellerRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  // A seller page's figures are read far more often than the facts change: reused per data version.
  const figures = new VersionedCache<SellerPerformance>(500);
  // A profile is one light query: its recomputation does not queue behind the server's heavy
  // refreshes (Overview, figures), which under imports left profile requests waiting past 10 s.
  const profiles = new VersionedCache<SellerProfile>(1000, new RefreshLimiter(Number.POSITIVE_INFINITY));
  return async (app) => {
    app.get(
      '/api/sellers',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['sellers'],
          summary: 'Sellers with their period figures, filtered, sorted and paged by the server',
          querystring: listQuery,
          response: {
            200: z.object({
              period: z.object({ period: z.string(), compare: z.string(), asOf: z.string().nullable(), current: z.object({ from: z.string(), to: z.string() }), previous: z.object({ from: z.string(), to: z.string() }) }),
              sort: z.object({ column: z.string(), direction: z.enum(['asc', 'desc']) }),
              page: z.number(),
              pageSize: z.number(),
              total: z.number(),
              rows: z.array(listRow),
              /** Rows from the figures before the latest data change, while the new ones are built: ask again shortly. */
              refreshing: z.boolean(),
            }),
          },
        },
      },
      async (request) => listSellers(db, { ...toListRequest(request.query, requireUser(request)), staleAfterMs: context.staleAfterMs }),
    );
    app.get(
      '/api/sellers/options',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'What the seller filters can choose from', response: { 200: options } } },
      async () => sellerListOptions(db),
    );
    app.get(
      '/api/sellers/export.xlsx',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: 'The current view (same filters and sort, every page) as a styled workbook', querystring: listQuery } },
      async (request, reply) => {
        const table = await sellersTable(db, toListRequest(request.query, requireUser(request)));
        const body = await writeTableWorkbook(table);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${table.fileName}"`)
          .header('x-aisle-truncated', String(table.truncated))
          .send(body);
      },
    );
    app.post(
      '/api/sellers/merge',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['sellers'],
          summary: 'Merge a seller into another: every fact moves, the merged seller stays closed',
          body: z.object({ keep: z.string().min(1).max(200), merge: z.string().min(1).max(200) }),
          response: { 200: z.object({ keep: profile, merged: z.string(), moved: z.record(z.string(), z.number()), filled: z.array(z.string()) }) },
        },
      },
      async (request) => mergeSellers(db, actorOf(requireUser(request)), request.body),
    );
    app.post(
      '/api/sellers/owner',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['sellers'],
          summary: 'Give sellers an owner (account manager), or none',
          body: z.object({ sellerIds: z.array(z.string().min(1).max(200)).min(1).max(10_000), userId: z.number().int().positive().nullable() }),
          response: { 200: z.object({ owner: z.object({ id: z.number(), name: z.string(), email: z.string() }).nullable(), changed: z.number() }) },
        },
      },
      async (request) => assignOwner(db, actorOf(requireUser(request)), request.body.sellerIds, request.body.userId),
    );
    app.get(
      '/api/sellers/:id',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: "A seller's profile, segments, owner and completeness", params: id, response: { 200: z.object({ seller: profile }) } } },
      // Profiles are reused while nothing they are read from changed (a seller page opens them often).
      async (request) => ({ seller: await profiles.get(request.params.id, await sellerProfileVersion(db), () => getSeller(db, request.params.id)) }),
    );
    app.patch(
      '/api/sellers/:id',
      {
        config: { permission: 'write' },
        schema: {
          tags: ['sellers'],
          summary: 'Edit profile fields (validated; each change kept in the history)',
          params: id,
          body: z.record(z.string().max(40), fieldValue),
          response: { 200: z.object({ seller: profile, changed: z.array(z.string()) }) },
        },
      },
      async (request) => updateSeller(db, actorOf(requireUser(request)), request.params.id, request.body),
    );
    app.get(
      '/api/sellers/:id/history',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: "Every change of a seller's profile, newest first", params: id, response: { 200: z.object({ history: z.array(historyEntry) }) } } },
      async (request) => ({ history: await sellerHistory(db, request.params.id) }),
    );
    app.get(
      '/api/sellers/:id/performance',
      { config: { permission: 'read' }, schema: { tags: ['sellers'], summary: "A seller's KPIs against the subcategory median, trend, live calendar, sessions and category mix", params: id, querystring: periodQuery, response: { 200: performance } } },
      async (request) => {
        const key = JSON.stringify([request.params.id, request.query]);
        const { value, stale } = await figures.answer(key, dataVersion(db), () => sellerPerformance(db, request.params.id, request.query), context.staleAfterMs);
        return { ...value, refreshing: stale };
      },
    );
  };
}
