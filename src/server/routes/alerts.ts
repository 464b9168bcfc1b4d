/**
 * Alerts over HTTP: everyone reads alerts, their explanations and the rules; analysts and up
 * acknowledge and resolve (audited); managers and admins edit the rules and the extra campaign days
 * and may start a scan by hand.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import {
  acknowledgeAlert,
  ALERT_STATUSES,
  alertRuleOptions,
  campaignCalendar,
  COMPARATORS,
  createAlertRule,
  deleteAlertRule,
  getAlert,
  getLastScan,
  listAlertRules,
  listAlerts,
  resolveAlert,
  RULE_GRAINS,
  scanAlerts,
  setExtraCampaignDays,
  SEVERITIES,
  updateAlertRule,
} from '../../core/kpis/alerts/index.ts';
import { addDays, todayIn } from '../../core/shared/dates.ts';
import { getSettings } from '../../core/shared/settings.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';

const format = z.enum(['money', 'count', 'rate', 'duration', 'number']);
const severity = z.enum(SEVERITIES as [string, ...string[]]);
const grain = z.enum(RULE_GRAINS as [string, ...string[]]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const contribution = z.object({
  key: z.string(),
  name: z.string(),
  subcategory: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  observed: z.number(),
  baseline: z.number(),
  contribution: z.number(),
  shareOfChange: z.number().nullable(),
});
const explanation = z.object({
  sentence: z.string(),
  basis: z.string(),
  observedDays: z.object({ from: z.string(), to: z.string(), count: z.number() }),
  baselineDays: z.object({ from: z.string(), to: z.string(), count: z.number() }).nullable(),
  change: z.number(),
  changeRatio: z.number().nullable(),
  subcategories: z.array(contribution),
  sellers: z.array(contribution),
  otherSellers: z.number().nullable(),
  movements: z.array(z.object({ metric: z.string(), label: z.string(), format, observed: z.number(), baseline: z.number(), changeRatio: z.number().nullable() })),
  campaignDaysLeftOut: z.array(z.object({ date: z.string(), label: z.string() })),
  note: z.string().optional(),
});
const alert = z.object({
  id: z.number(),
  rule: z.string(),
  kind: z.enum(['anomaly', 'threshold']),
  ruleName: z.string().nullable(),
  metric: z.string(),
  metricLabel: z.string(),
  format,
  scope: z.string(),
  scopeLabel: z.string(),
  grain,
  period: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  z: z.number().nullable(),
  direction: z.enum(['up', 'down']).nullable(),
  severity,
  status: z.enum(ALERT_STATUSES as [string, ...string[]]),
  explanation: explanation.nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  lastSeenAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const lastScan = z.object({ at: z.string(), asOf: z.string().nullable(), reason: z.string() }).nullable();
const scanSummary = z.object({
  at: z.string(),
  reason: z.string(),
  asOf: z.string().nullable(),
  judged: z.object({ from: z.string(), to: z.string() }).nullable(),
  skippedCampaignDays: z.array(z.object({ date: z.string(), label: z.string() })),
  found: z.number(),
  created: z.number(),
  updated: z.number(),
  reopened: z.number(),
  cleared: z.number(),
  seconds: z.number(),
});
const rule = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['anomaly', 'threshold']),
  metric: z.string(),
  scope: z.string(),
  scopeLabel: z.string(),
  comparator: z.enum(COMPARATORS as [string, ...string[]]).nullable(),
  threshold: z.number().nullable(),
  grain,
  severity,
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const ruleInput = z.object({
  name: z.string().max(120).optional(),
  kind: z.enum(['anomaly', 'threshold']).optional(),
  metric: z.string().max(100).optional(),
  scope: z.string().max(300).optional(),
  comparator: z.enum(['<', '<=', '>', '>=']).optional(),
  threshold: z.number().optional(),
  grain: z.enum(['day', 'week', 'month']).optional(),
  severity: z.enum(['info', 'warning', 'critical']).optional(),
  enabled: z.boolean().optional(),
});
const id = z.object({ id: z.coerce.number().int().positive() });

export function alertRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/alerts',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['alerts'],
          summary: 'Alerts, most severe and newest first, with their explanation',
          querystring: z.object({
            status: z.enum(['new', 'acknowledged', 'resolved', 'open', 'all']).default('open'),
            severity: z.enum(['info', 'warning', 'critical']).optional(),
            metric: z.string().max(100).optional(),
            scope: z.string().max(300).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: {
            200: z.object({
              alerts: z.array(alert),
              total: z.number(),
              counts: z.object({ total: z.number(), open: z.number(), bySeverity: z.object({ info: z.number(), warning: z.number(), critical: z.number() }) }),
              lastScan,
              currency: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const { status, ...filter } = request.query;
        const [result, last, settings] = await Promise.all([
          listAlerts(context.db, { ...filter, ...(status === 'all' ? {} : { status: status as 'open' }) }),
          getLastScan(context.db),
          getSettings(context.db),
        ]);
        return { ...result, lastScan: last, currency: settings.currency };
      },
    );

    app.get(
      '/api/alerts/:id',
      { config: { permission: 'read' }, schema: { tags: ['alerts'], summary: 'One alert with its explanation', params: id, response: { 200: z.object({ alert }) } } },
      async (request) => ({ alert: await getAlert(context.db, request.params.id) }),
    );

    app.post(
      '/api/alerts/:id/acknowledge',
      { config: { permission: 'write' }, schema: { tags: ['alerts'], summary: 'Acknowledge an alert (someone is on it)', params: id, response: { 200: z.object({ alert }) } } },
      async (request) => ({ alert: await acknowledgeAlert(context.db, actorOf(requireUser(request)), request.params.id) }),
    );

    app.post(
      '/api/alerts/:id/resolve',
      { config: { permission: 'write' }, schema: { tags: ['alerts'], summary: 'Resolve an alert', params: id, response: { 200: z.object({ alert }) } } },
      async (request) => ({ alert: await resolveAlert(context.db, actorOf(requireUser(request)), request.params.id) }),
    );

    app.post(
      '/api/alerts/scan',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['alerts'],
          summary: 'Scan for alerts now (the server also scans after imports and daily at 06:00)',
          body: z.object({ asOf: date.optional(), days: z.number().int().min(1).max(7).optional() }).default({}),
          response: { 200: z.object({ scan: scanSummary }) },
        },
      },
      async (request) => ({ scan: await scanAlerts(context.db, { ...request.body, reason: 'manual' }) }),
    );

    app.get(
      '/api/alert-rules',
      { config: { permission: 'read' }, schema: { tags: ['alerts'], summary: 'Alert rules: the anomaly detector per metric, and threshold rules', response: { 200: z.object({ rules: z.array(rule) }) } } },
      async () => ({ rules: await listAlertRules(context.db) }),
    );

    app.get(
      '/api/alert-rules/options',
      { config: { permission: 'read' }, schema: { tags: ['alerts'], summary: 'Metrics, scopes and choices an alert rule may use' } },
      async () => alertRuleOptions(context.db),
    );

    app.post(
      '/api/alert-rules',
      { config: { permission: 'manage' }, schema: { tags: ['alerts'], summary: 'Create a threshold rule (or watch another metric for anomalies)', body: ruleInput, response: { 201: z.object({ rule }) } } },
      async (request, reply) => reply.status(201).send({ rule: await createAlertRule(context.db, actorOf(requireUser(request)), request.body) }),
    );

    app.patch(
      '/api/alert-rules/:id',
      { config: { permission: 'manage' }, schema: { tags: ['alerts'], summary: 'Edit, enable or disable a rule', params: id, body: ruleInput, response: { 200: z.object({ rule }) } } },
      async (request) => ({ rule: await updateAlertRule(context.db, actorOf(requireUser(request)), request.params.id, request.body) }),
    );

    app.delete(
      '/api/alert-rules/:id',
      { config: { permission: 'manage' }, schema: { tags: ['alerts'], summary: 'Delete a threshold rule; its open alerts are resolved', params: id } },
      async (request, reply) => {
        await deleteAlertRule(context.db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/campaign-days',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['alerts'],
          summary: 'Planned peak days the anomaly detector leaves out (built in and extra)',
          querystring: z.object({ from: date.optional(), to: date.optional() }),
        },
      },
      async (request) => {
        const { timezone } = await getSettings(context.db);
        const today = todayIn(timezone);
        return campaignCalendar(context.db, request.query.from ?? addDays(today, -90), request.query.to ?? addDays(today, 365));
      },
    );

    app.put(
      '/api/campaign-days',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['alerts'],
          summary: 'Replace the extra campaign days (brand days, regional sales)',
          body: z.object({ days: z.array(z.object({ date, label: z.string().max(60).optional() })).max(500) }),
        },
      },
      async (request) => ({ extra: await setExtraCampaignDays(context.db, actorOf(requireUser(request)), request.body.days) }),
    );
  };
}
