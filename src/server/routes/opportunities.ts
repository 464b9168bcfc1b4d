/**
 * Gaps & opportunities over HTTP: everyone reads the ranked list, the rule catalog and the filter
 * options; analysts and up dismiss, snooze or restore an opportunity (with a reason) and create a
 * task or log a contact from it — every change audited by the core. An opportunity is addressed by
 * its rule and subject (`/api/opportunities/never_live_big_seller/seller:123/dismiss`).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { sql } from '../../core/db/sql.ts';
import {
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  createTaskFromOpportunity,
  dismissOpportunity,
  listOpportunities,
  logContactFromOpportunity,
  OPPORTUNITY_STATUSES,
  restoreOpportunity,
  RULE_IDS,
  RULES,
  SEVERITIES,
  snoozeOpportunity,
  TASK_PRIORITIES,
} from '../../core/sellers/opportunities/index.ts';
import { getLastRecompute, TIERS } from '../../core/sellers/segments/index.ts';
import { todayIn } from '../../core/shared/dates.ts';
import { getSettings } from '../../core/shared/settings.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const ruleId = z.enum(RULE_IDS);
const status = z.enum(OPPORTUNITY_STATUSES);
const decision = z.object({ status: z.enum(['snoozed', 'dismissed']), until: z.string().nullable(), reason: z.string(), by: z.string(), at: z.string() });
const opportunity = z.object({
  key: z.string(),
  rule: ruleId,
  title: z.string(),
  subject: z.string(),
  subjectKind: z.enum(['seller', 'subcategory']),
  sellerId: z.string().nullable(),
  sellerName: z.string().nullable(),
  subcategoryId: z.string().nullable(),
  subcategoryName: z.string().nullable(),
  tier: z.string().nullable(),
  lifecycle: z.string().nullable(),
  liveStatus: z.string().nullable(),
  ownerUserId: z.number().nullable(),
  ownerName: z.string().nullable(),
  reason: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  upside: z.number().nullable(),
  severity: z.enum(SEVERITIES),
  score: z.number(),
  status,
  decision: decision.nullable(),
  openTaskId: z.number().nullable(),
  computedAt: z.string(),
});
const ruleInfo = z.object({
  id: ruleId,
  title: z.string(),
  subject: z.enum(['seller', 'subcategory']),
  severity: z.enum(SEVERITIES),
  reason: z.string(),
  upside: z.string().nullable(),
  tiers: z.array(z.string()).nullable(),
  thresholds: z.array(z.object({ name: z.string(), label: z.string(), default: z.number(), unit: z.string() })),
  evidence: z.array(z.object({ name: z.string(), label: z.string(), format: z.string() })),
});
const lastRecompute = z
  .object({ at: z.string(), reason: z.string(), asOf: z.string().nullable(), sellers: z.number(), opportunities: z.record(z.string(), z.number()), seconds: z.number() })
  .nullable();
const ref = z.object({ rule: ruleId, subject: z.string().min(3).max(300) });
const reason = z.string().max(500);

export const RULE_INFO = RULES.map((r) => ({
  id: r.id,
  title: r.title,
  subject: r.subject,
  severity: r.severity,
  reason: r.reason,
  upside: r.upside,
  tiers: r.tiers ? [...r.tiers] : null,
  thresholds: r.thresholds.map((t) => ({ ...t })),
  evidence: r.evidence.map((e) => ({ ...e })),
}));

export function opportunityRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/opportunities',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['sellers'],
          summary: 'Gaps & opportunities, largest money upside first, then severity',
          querystring: z.object({
            rule: ruleId.optional(),
            subcategory: z.string().max(200).optional(),
            tier: z.string().max(20).optional(),
            owner: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(),
            minUpside: z.coerce.number().min(0).optional(),
            sellerId: z.string().max(200).optional(),
            status: status.default('open'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({
              opportunities: z.array(opportunity),
              total: z.number(),
              totalUpside: z.number(),
              counts: z.object({ open: z.number(), snoozed: z.number(), dismissed: z.number() }),
              today: z.string(),
              currency: z.string(),
              lastRecompute,
            }),
          },
        },
      },
      async (request) => {
        const [page, last, settings] = await Promise.all([listOpportunities(context.db, request.query), getLastRecompute(context.db), getSettings(context.db)]);
        return { opportunities: page.items, total: page.total, totalUpside: page.totalUpside, counts: page.counts, today: page.today, currency: settings.currency, lastRecompute: last };
      },
    );

    app.get(
      '/api/opportunities/options',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['sellers'],
          summary: 'The rule catalog and the values the list can be filtered by',
          response: {
            200: z.object({
              rules: z.array(ruleInfo),
              tiers: z.array(z.string()),
              subcategories: z.array(z.object({ id: z.string(), name: z.string(), category: z.string().nullable() })),
              owners: z.array(z.object({ id: z.number(), name: z.string() })),
              channels: z.array(z.string()),
              priorities: z.array(z.string()),
            }),
          },
        },
      },
      async () => {
        const [subcategories, owners] = await Promise.all([
          context.db.query<{ id: string; name: string; category: string | null }>(sql`
            SELECT c.id, c.name, p.name AS category FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
            WHERE c.parent_id IS NOT NULL ORDER BY p.name, c.name`),
          context.db.query<{ id: number; name: string }>(sql`SELECT id, display_name AS name FROM users WHERE disabled_at IS NULL ORDER BY display_name`),
        ]);
        return { rules: RULE_INFO, tiers: [...TIERS], subcategories, owners, channels: [...CONTACT_CHANNELS], priorities: [...TASK_PRIORITIES] };
      },
    );

    app.post(
      '/api/opportunities/:rule/:subject/dismiss',
      { config: { permission: 'write' }, schema: { tags: ['sellers'], summary: 'Dismiss an opportunity, saying why', params: ref, body: z.object({ reason }), response: { 200: z.object({ opportunity }) } } },
      async (request) => ({ opportunity: await dismissOpportunity(context.db, actorOf(requireUser(request)), request.params, request.body.reason) }),
    );

    app.post(
      '/api/opportunities/:rule/:subject/snooze',
      {
        config: { permission: 'write' },
        schema: { tags: ['sellers'], summary: 'Hide an opportunity until a date, saying why', params: ref, body: z.object({ until: date, reason }), response: { 200: z.object({ opportunity }) } },
      },
      async (request) => {
        const today = todayIn((await getSettings(context.db)).timezone);
        return { opportunity: await snoozeOpportunity(context.db, actorOf(requireUser(request)), request.params, request.body.until, request.body.reason, today) };
      },
    );

    app.post(
      '/api/opportunities/:rule/:subject/restore',
      { config: { permission: 'write' }, schema: { tags: ['sellers'], summary: 'Bring back a dismissed or snoozed opportunity', params: ref, response: { 200: z.object({ opportunity }) } } },
      async (request) => ({ opportunity: await restoreOpportunity(context.db, actorOf(requireUser(request)), request.params) }),
    );

    app.post(
      '/api/opportunities/:rule/:subject/task',
      {
        config: { permission: 'write' },
        schema: {
          tags: ['sellers'],
          summary: 'Create a task from an opportunity (source "opportunity")',
          params: ref,
          body: z
            .object({
              title: z.string().max(200).optional(),
              description: z.string().max(5000).optional(),
              dueAt: date.nullable().optional(),
              priority: z.enum(TASK_PRIORITIES).optional(),
              owner: z.string().max(200).nullable().optional(),
            })
            .default({}),
          response: {
            201: z.object({
              task: z.object({ id: z.number(), title: z.string(), sellerId: z.string().nullable(), owner: z.string().nullable(), dueAt: z.string().nullable(), priority: z.string(), sourceRef: z.string() }),
            }),
          },
        },
      },
      async (request, reply) => reply.status(201).send({ task: await createTaskFromOpportunity(context.db, actorOf(requireUser(request)), request.params, request.body) }),
    );

    app.post(
      '/api/opportunities/:rule/:subject/contact',
      {
        config: { permission: 'write' },
        schema: {
          tags: ['sellers'],
          summary: 'Log a contact with the seller of an opportunity',
          params: ref,
          body: z.object({
            channel: z.enum(CONTACT_CHANNELS),
            direction: z.enum(CONTACT_DIRECTIONS).optional(),
            subject: z.string().max(200),
            summary: z.string().max(5000).optional(),
            outcome: z.string().max(500).optional(),
            nextAction: z.string().max(500).optional(),
            dueAt: date.nullable().optional(),
            at: z.string().max(40).optional(),
          }),
          response: { 201: z.object({ contact: z.object({ id: z.number(), sellerId: z.string(), at: z.string(), channel: z.string(), subject: z.string() }) }) },
        },
      },
      async (request, reply) => reply.status(201).send({ contact: await logContactFromOpportunity(context.db, actorOf(requireUser(request)), request.params, request.body) }),
    );
  };
}
