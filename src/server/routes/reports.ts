/**
 * Reports: preview a weekly or monthly report as HTML (read), generate it in chosen formats into
 * the archive (write), list the archive and download a file (read), and the managers' settings —
 * section layout with commentary, and schedules (manage). Generation runs in the request: a
 * weekly report in all formats takes a few seconds.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { writeAudit } from '../../core/auth/audit-log.ts';
import { UserError } from '../../core/shared/errors.ts';
import { buildReport } from '../../core/reports/build-report.ts';
import { FINDING_RULES } from '../../core/reports/finding-rules.ts';
import { renderHtml } from '../../core/reports/render-html.ts';
import { archivedFile, CONTENT_TYPES, generateReport, getArchivedReport, listReports, parseFormats, REPORT_FORMATS } from '../../core/reports/report-files.ts';
import { REPORT_KINDS } from '../../core/reports/report-period.ts';
import { getReportLayout, MAX_COMMENTARY, SECTION_IDS, SECTION_TITLES, setReportLayout } from '../../core/reports/report-sections.ts';
import { getReportSchedules, setReportSchedule } from '../../core/reports/report-schedules.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';
import { archiveDir, type ReportScheduler } from '../report-scheduler.ts';

const kind = z.enum(REPORT_KINDS);
const format = z.enum(REPORT_FORMATS);
const section = z.enum(SECTION_IDS);
const period = z.string().max(10).optional();
const archived = z.object({
  id: z.number(),
  kind,
  period: z.string(),
  formats: z.array(format),
  path: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  error: z.string().nullable(),
  createdAt: z.string(),
  by: z.string(),
});
const layout = z.object({ kind, order: z.array(section), hidden: z.array(section), commentary: z.string(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() });
const schedule = z.object({ kind, enabled: z.boolean(), cron: z.string(), formats: z.array(format), enabledAt: z.string().nullable(), nextRun: z.string().nullable() });

export function reportRoutes(context: AppContext & { reports: ReportScheduler }): FastifyPluginAsyncZod {
  const withNext = (s: Omit<z.infer<typeof schedule>, 'nextRun'>) => ({ ...s, nextRun: context.reports.nextRun(s.kind) });
  return async (app) => {
    app.get(
      '/api/reports/options',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['reports'],
          summary: 'Report kinds, formats, sections and the finding rules',
          response: {
            200: z.object({
              kinds: z.array(kind),
              formats: z.array(format),
              sections: z.array(z.object({ id: section, title: z.string() })),
              findingRules: z.array(z.object({ id: z.string(), title: z.string(), when: z.string(), template: z.string() })),
              maxCommentary: z.number(),
            }),
          },
        },
      },
      async () => ({
        kinds: [...REPORT_KINDS],
        formats: [...REPORT_FORMATS],
        sections: SECTION_IDS.map((id) => ({ id, title: SECTION_TITLES[id] })),
        findingRules: FINDING_RULES.map(({ id, title, when, template }) => ({ id, title, when, template })),
        maxCommentary: MAX_COMMENTARY,
      }),
    );
    app.get(
      '/api/reports/preview',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['reports'],
          summary: 'Build a report and answer its HTML (the preview) with its findings',
          querystring: z.object({ kind, period }),
          response: {
            200: z.object({
              kind,
              period: z.string(),
              title: z.string(),
              range: z.object({ from: z.string(), to: z.string() }),
              asOf: z.string().nullable(),
              findings: z.array(z.object({ rule: z.string(), tone: z.string(), sentence: z.string() })),
              html: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const model = await buildReport(context.db, { kind: request.query.kind, period: request.query.period || undefined });
        return {
          kind: model.kind,
          period: model.period,
          title: model.title,
          range: model.range,
          asOf: model.asOf,
          findings: model.findings.map(({ rule, tone, sentence }) => ({ rule, tone, sentence })),
          html: renderHtml(model),
        };
      },
    );
    app.post(
      '/api/reports',
      {
        config: { permission: 'write' },
        schema: {
          tags: ['reports'],
          summary: 'Generate a report in the given formats into the archive',
          body: z.object({ kind, period, formats: z.array(z.string().max(10)).max(4).default([...REPORT_FORMATS]) }),
          response: { 201: z.object({ report: archived }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(requireUser(request));
        const formats = parseFormats(request.body.formats);
        const result = await generateReport(context.db, {
          kind: request.body.kind,
          period: request.body.period || undefined,
          formats,
          outDir: archiveDir(context.dataDir),
          by: actor.label,
        });
        await writeAudit(context.db, actor, { action: 'create', entity: 'report', entityId: result.id, after: { kind: result.kind, period: result.period, formats } });
        return reply.status(201).send({ report: await getArchivedReport(context.db, result.id) });
      },
    );
    app.get(
      '/api/reports',
      {
        config: { permission: 'read' },
        schema: { tags: ['reports'], summary: 'The archive of generated reports, newest first', querystring: z.object({ kind: kind.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }), response: { 200: z.object({ reports: z.array(archived) }) } },
      },
      async (request) => ({ reports: await listReports(context.db, request.query) }),
    );
    app.get(
      '/api/reports/:id/:format',
      {
        config: { permission: 'read' },
        schema: { tags: ['reports'], summary: 'Download one format of an archived report', params: z.object({ id: z.coerce.number().int().positive(), format }) },
      },
      async (request, reply) => {
        const report = await getArchivedReport(context.db, request.params.id);
        const file = archivedFile(report, request.params.format);
        const content = await readFile(file).catch(() => {
          throw new UserError(`the ${request.params.format} file of report ${report.id} is missing from ${report.path}`, { code: 'not_found', hint: 'generate the report again' });
        });
        const name = file.split(/[\\/]/).pop() ?? `report.${request.params.format}`;
        return reply
          .header('content-type', CONTENT_TYPES[request.params.format])
          .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"`)
          .send(content);
      },
    );
    app.get(
      '/api/reports/layout/:kind',
      { config: { permission: 'read' }, schema: { tags: ['reports'], summary: "A report kind's sections, order and commentary", params: z.object({ kind }), response: { 200: z.object({ layout }) } } },
      async (request) => ({ layout: await getReportLayout(context.db, request.params.kind) }),
    );
    app.put(
      '/api/reports/layout/:kind',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['reports'],
          summary: 'Switch sections on or off, reorder them and write the commentary (managers)',
          params: z.object({ kind }),
          body: z.object({ order: z.array(z.string().max(40)).max(40).optional(), hidden: z.array(z.string().max(40)).max(40).optional(), commentary: z.string().max(MAX_COMMENTARY * 2).optional() }),
          response: { 200: z.object({ layout }) },
        },
      },
      async (request) => ({ layout: await setReportLayout(context.db, actorOf(requireUser(request)), request.params.kind, request.body) }),
    );
    app.get(
      '/api/reports/schedules',
      { config: { permission: 'read' }, schema: { tags: ['reports'], summary: 'Report schedules with their next run', response: { 200: z.object({ schedules: z.array(schedule) }) } } },
      async () => ({ schedules: (await getReportSchedules(context.db)).map(withNext) }),
    );
    app.put(
      '/api/reports/schedules/:kind',
      {
        config: { permission: 'manage' },
        schema: {
          tags: ['reports'],
          summary: 'Switch a schedule on or off, set its cron (workspace time zone) and formats (managers)',
          params: z.object({ kind }),
          body: z.object({ enabled: z.boolean().optional(), cron: z.string().max(100).optional(), formats: z.array(z.string().max(10)).max(4).optional() }),
          response: { 200: z.object({ schedule }) },
        },
      },
      async (request) => {
        const saved = await setReportSchedule(context.db, actorOf(requireUser(request)), request.params.kind, request.body);
        await context.reports.reload();
        return { schedule: withNext(saved) };
      },
    );
  };
}
