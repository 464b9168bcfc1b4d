// `/api/targets*`: a period's targets with their progress, the form's options, and changes
// (set, delete, import a sheet). A refused batch or sheet comes back as a `TargetsRefusedError`
// carrying every bad row, so the page can list them instead of one summary line.
import { ApiError, apiDelete, apiGet, readErrorBody, withQuery } from '../../ui/api';
import type { ValueFormat } from '../../ui/format';

export type TargetStatus = 'ahead' | 'on_track' | 'behind';

export interface TargetProgressItem {
  metric: string;
  metricLabel: string;
  format: ValueFormat;
  scope: string;
  scopeLabel: string;
  period: string;
  from: string;
  to: string;
  target: number;
  actual: number | null;
  progress: number | null;
  projection: number | null;
  projectionBasis: 'run_rate' | 'current';
  status: TargetStatus | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface TargetProgressReport {
  period: string;
  from: string;
  to: string;
  asOf: string | null;
  elapsedDays: number;
  totalDays: number;
  currency: string;
  items: TargetProgressItem[];
}

export interface TargetMetricOption {
  name: string;
  label: string;
  description: string;
  format: ValueFormat;
  additive: boolean;
  /** A share of a whole: never above 100%. */
  bounded: boolean;
}

export interface TargetOptions {
  metrics: TargetMetricOption[];
  subcategories: { id: string; name: string; parentName: string | null }[];
  tiers: string[];
  latestDay: string | null;
  defaultMonth: string;
  defaultWeek: string;
}

export interface TargetRowInput {
  metric: string;
  scope: string;
  period: string;
  value: number;
}

export interface TargetRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TargetImportResult {
  file: string;
  sheet: string | null;
  headerRow: number;
  rowsRead: number;
  rowsSkipped: number;
  created: number;
  updated: number;
  ignoredColumns: string[];
}

/** The server refused the whole batch; `errors` names every bad row (empty when it is not about rows). */
export class TargetsRefusedError extends ApiError {
  constructor(
    message: string,
    status: number,
    hint: string | null,
    path: string,
    code: string | null,
    readonly errors: TargetRowError[],
  ) {
    super(message, status, hint, path, code);
  }
}

function rowErrorsOf(body: unknown): TargetRowError[] {
  if (typeof body !== 'object' || body === null || !('error' in body)) return [];
  const error = body.error as { details?: { errors?: unknown } } | null;
  const errors = error?.details?.errors;
  return Array.isArray(errors) ? (errors as TargetRowError[]) : [];
}

/** PUT with JSON or POST with a form, keeping the server's row errors (the shared client drops details). */
async function send<T>(method: 'PUT' | 'POST', path: string, body: BodyInit, json: boolean): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      body,
      credentials: 'same-origin',
      headers: json ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError('Cannot reach the Aisle server.', 0, 'Check that `aisle serve` is running, then try again.', path);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const { message, hint, code } = readErrorBody(parsed);
    throw new TargetsRefusedError(message ?? `The server answered ${response.status}`, response.status, hint, path, code, rowErrorsOf(parsed));
  }
  return parsed as T;
}

export function fetchTargetOptions(signal?: AbortSignal): Promise<TargetOptions> {
  return apiGet<TargetOptions>('/api/targets/options', signal);
}

export function fetchTargetProgress(period: string, signal?: AbortSignal): Promise<TargetProgressReport> {
  return apiGet<TargetProgressReport>(withQuery('/api/targets/progress', { period }), signal);
}

export function saveTargets(rows: TargetRowInput[]): Promise<{ created: number; updated: number }> {
  return send('PUT', '/api/targets', JSON.stringify({ rows }), true);
}

export function deleteTarget(key: { metric: string; scope: string; period: string }): Promise<void> {
  return apiDelete(withQuery('/api/targets', key));
}

export function importTargetSheet(file: File): Promise<TargetImportResult> {
  const form = new FormData();
  form.append('file', file);
  return send('POST', '/api/targets/import', form, false);
}
