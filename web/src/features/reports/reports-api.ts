// `/api/reports`: weekly and monthly reports. Everyone previews, reads the archive and downloads;
// analysts and up generate; managers set each kind's sections, commentary and schedule. The
// preview is the server's own report HTML (the same document the PDF prints).
import { apiGet, apiSend, withQuery } from '../../ui/api';

export type ReportKind = 'weekly' | 'monthly';
export type ReportFormat = 'pdf' | 'xlsx' | 'pptx' | 'html';
export type SectionId = string;

export interface ReportOptions {
  kinds: ReportKind[];
  formats: ReportFormat[];
  sections: { id: SectionId; title: string }[];
  findingRules: { id: string; title: string; when: string; template: string }[];
  maxCommentary: number;
}

export interface ReportPreview {
  kind: ReportKind;
  period: string;
  title: string;
  range: { from: string; to: string };
  /** The latest day with data; null when the workspace has none. */
  asOf: string | null;
  findings: { rule: string; tone: string; sentence: string }[];
  html: string;
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

export interface ReportLayout {
  kind: ReportKind;
  order: SectionId[];
  hidden: SectionId[];
  commentary: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface ReportSchedule {
  kind: ReportKind;
  enabled: boolean;
  cron: string;
  formats: ReportFormat[];
  enabledAt: string | null;
  nextRun: string | null;
}

export const FORMAT_LABELS: Record<ReportFormat, string> = { pdf: 'PDF', xlsx: 'Excel', pptx: 'PowerPoint', html: 'HTML' };

export function fetchReportOptions(signal?: AbortSignal): Promise<ReportOptions> {
  return apiGet<ReportOptions>('/api/reports/options', signal);
}

export function fetchPreview(kind: ReportKind, period: string, signal?: AbortSignal): Promise<ReportPreview> {
  return apiGet<ReportPreview>(withQuery('/api/reports/preview', { kind, period: period || undefined }), signal);
}

export async function fetchArchive(signal?: AbortSignal): Promise<ArchivedReport[]> {
  return (await apiGet<{ reports: ArchivedReport[] }>('/api/reports?limit=100', signal)).reports;
}

export async function generateReport(input: { kind: ReportKind; period: string; formats: ReportFormat[] }): Promise<ArchivedReport> {
  return (await apiSend<{ report: ArchivedReport }>('POST', '/api/reports', { ...input, period: input.period || undefined })).report;
}

export function downloadUrl(id: number, format: ReportFormat): string {
  return `/api/reports/${id}/${format}`;
}

export async function fetchLayout(kind: ReportKind, signal?: AbortSignal): Promise<ReportLayout> {
  return (await apiGet<{ layout: ReportLayout }>(`/api/reports/layout/${kind}`, signal)).layout;
}

export async function saveLayout(kind: ReportKind, layout: Pick<ReportLayout, 'order' | 'hidden' | 'commentary'>): Promise<ReportLayout> {
  return (await apiSend<{ layout: ReportLayout }>('PUT', `/api/reports/layout/${kind}`, layout)).layout;
}

export async function fetchSchedules(signal?: AbortSignal): Promise<ReportSchedule[]> {
  return (await apiGet<{ schedules: ReportSchedule[] }>('/api/reports/schedules', signal)).schedules;
}

export async function saveSchedule(kind: ReportKind, input: Pick<ReportSchedule, 'enabled' | 'cron' | 'formats'>): Promise<ReportSchedule> {
  return (await apiSend<{ schedule: ReportSchedule }>('PUT', `/api/reports/schedules/${kind}`, input)).schedule;
}
