/**
 * Generating a report: build the model once, render each asked format from it, write the files
 * into a directory and record the run in `reports` (status running → done or failed, with the
 * error), so the archive shows every run — manual, CLI or scheduled — with its outcome.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { buildReport } from './build-report.ts';
import type { ReportModel } from './report-model.ts';
import type { ReportKind } from './report-period.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';
import { renderPptx } from './render-pptx.ts';
import { renderXlsx } from './render-xlsx.ts';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'pptx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  html: 'text/html; charset=utf-8',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** `pdf,xlsx` → ['pdf', 'xlsx']; unknown names are an error naming them. */
export function parseFormats(text: string | readonly string[]): ReportFormat[] {
  const names = [...new Set((typeof text === 'string' ? [text] : text).flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  const unknown = names.filter((n) => !isReportFormat(n));
  if (unknown.length) throw new UserError(`unknown report format ${unknown.map((u) => `"${u}"`).join(', ')}`, { hint: `formats: ${REPORT_FORMATS.join(', ')}` });
  if (names.length === 0) throw new UserError('no report format given', { hint: `formats: ${REPORT_FORMATS.join(', ')}` });
  return names as ReportFormat[];
}

export function renderFormat(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Promise.resolve(Buffer.from(renderHtml(model), 'utf8'));
    case 'pdf':
      return renderPdf(model);
    case 'xlsx':
      return renderXlsx(model);
    case 'pptx':
      return renderPptx(model);
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}

export function reportFileName(kind: ReportKind, period: string, format: ReportFormat): string {
  return `aisle-${kind}-${period}.${format}`;
}

export interface GenerateOptions {
  kind: ReportKind;
  period?: string;
  formats: ReportFormat[];
  /** Directory the files go to; `{id}` is replaced by the run's id (the server's archive). */
  outDir: string;
  by: string;
  /** The clock: the run's `created_at` and the report's "generated at". */
  now?: Date;
}

export interface GeneratedReport {
  id: number;
  kind: ReportKind;
  period: string;
  dir: string;
  files: { format: ReportFormat; file: string; bytes: number }[];
  findings: number;
}

async function finish(db: Database, id: number, status: 'done' | 'failed', fields: { period?: string; path?: string; error?: string }) {
  await db.run(sql`UPDATE reports SET status = ${status}, period = coalesce(${fields.period ?? null}, period),
    path = coalesce(${fields.path ?? null}, path), error = ${fields.error ?? null} WHERE id = ${id}`);
}

export async function generateReport(db: Database, options: GenerateOptions): Promise<GeneratedReport> {
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO reports (kind, period, formats, path, status, "by", created_at)
    VALUES (${options.kind}, ${options.period ?? 'latest'}, string_split(${options.formats.join(',')}, ','), '', 'running', ${options.by},
      CAST(${(options.now ?? new Date()).toISOString()} AS TIMESTAMPTZ))
    RETURNING id`);
  const id = Number(row?.id);
  try {
    const model = await buildReport(db, { kind: options.kind, period: options.period, now: options.now });
    const dir = path.resolve(options.outDir.replace('{id}', String(id)));
    await mkdir(dir, { recursive: true });
    const files: GeneratedReport['files'] = [];
    for (const format of options.formats) {
      const content = await renderFormat(model, format);
      const file = path.join(dir, reportFileName(options.kind, model.period, format));
      // Written aside and renamed: a stop mid-write never leaves a half file under the real name.
      await writeFile(`${file}.partial`, content);
      await rename(`${file}.partial`, file);
      files.push({ format, file, bytes: content.length });
    }
    await finish(db, id, 'done', { period: model.period, path: dir });
    return { id, kind: options.kind, period: model.period, dir, files, findings: model.findings.length };
  } catch (error) {
    await finish(db, id, 'failed', { error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  }
}

/**
 * Runs left `running` by a process that stopped mid-way (DuckDB lets one process open the file, so
 * at server start nothing else can still be writing them) are marked failed, not left spinning.
 */
export async function markInterruptedRuns(db: Database): Promise<number> {
  return db.run(sql`UPDATE reports SET status = 'failed', error = 'interrupted: Aisle stopped while the report was being written' WHERE status = 'running'`);
}

export interface ArchivedReport {
  id: number;
  kind: ReportKind;
  period: string;
  formats: ReportFormat[];
  path: string;
  status: 'running' | 'done' | 'failed';
  error: string | null;
  createdAt: string;
  by: string;
}

const ARCHIVE_COLUMNS = sql`id, kind, period, formats, path, status, error, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS "createdAt", "by"`;

export async function listReports(db: Database, filter: { kind?: ReportKind; limit?: number } = {}): Promise<ArchivedReport[]> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const kind = filter.kind ? sql`WHERE kind = ${filter.kind}` : sql.empty;
  return db.query<ArchivedReport>(sql`SELECT ${ARCHIVE_COLUMNS} FROM reports ${kind} ORDER BY created_at DESC, id DESC LIMIT ${limit}`);
}

export async function getArchivedReport(db: Database, id: number): Promise<ArchivedReport> {
  const [row] = await db.query<ArchivedReport>(sql`SELECT ${ARCHIVE_COLUMNS} FROM reports WHERE id = ${id}`);
  if (!row) throw new UserError(`no report with id ${id}`, { code: 'not_found', hint: 'pick a report from the archive on the Reports page' });
  return row;
}

/** The file of one format of an archived report, or a clear error when it was not generated. */
export function archivedFile(report: ArchivedReport, format: ReportFormat): string {
  if (report.status !== 'done') throw new UserError(`report ${report.id} is ${report.status}`, { code: 'not_found', hint: report.error ?? 'generate the report again' });
  if (!report.formats.includes(format)) {
    throw new UserError(`report ${report.id} was generated without ${format}`, { code: 'not_found', hint: `it has ${report.formats.join(', ')}; generate it again with ${format}` });
  }
  return path.join(report.path, reportFileName(report.kind, report.period, format));
}
