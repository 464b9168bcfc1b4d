// `/api/imports*`: upload a file, preview how it reads (sheet, header row, column mapping, parsed
// values and errors), load it, and list past imports. The server matches, parses and validates;
// the page shows its answers and sends back only the user's choices.
import { ApiError, apiGet, apiSend, readErrorBody } from '../../ui/api';

export type ImportKind =
  'sellers' | 'products' | 'orders' | 'seller_daily' | 'livestreams' | 'livestream_minutes' | 'live_events';

export type MatchHow = 'user' | 'profile' | 'exact' | 'synonym' | 'fuzzy' | 'none';

export type ImportStatus = 'loaded' | 'rejected' | 'failed' | 'dry_run';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface UploadedFile {
  uploadId: string;
  file: string;
  size: number;
}

/** What the user chose; everything but `uploadId` and `kind` is optional (the server detects it). */
export interface ImportRequest {
  uploadId: string;
  kind: ImportKind;
  sheet?: string;
  headerRow?: number;
  /** Source header → field, or `""` to ignore the column. Only the user's own choices. */
  map?: Record<string, string>;
  dateOrder?: DateOrder;
  year?: number;
  /** The seller of every row (id or name), for an export of one shop without a seller column. */
  seller?: string;
  /** live_events: the session the recording belongs to (else the session whose id is its roomId). */
  livestream?: string;
}

export interface ColumnMatch {
  column: number;
  header: string;
  field: string | null;
  confidence: number;
  how: MatchHow;
  reason?: string;
  samples: string[];
}

export interface ImportField {
  name: string;
  label: string;
  type: string;
  required: boolean;
}

export interface RowError {
  row: number;
  /** null when the problem is the row as a whole (e.g. a duplicate key). */
  column: string | null;
  value: string | null;
  message: string;
}

export interface PreviewRow {
  row: number;
  /** Raw text per mapped field (null for an empty cell). */
  values: Record<string, string | null>;
  /** Field → why its value cannot be read. */
  errors: Record<string, string>;
}

export interface ImportPreview {
  kind: ImportKind;
  sheet: string | null;
  sheets: string[] | null;
  headerRow: number;
  headers: string[];
  columns: ColumnMatch[];
  fields: ImportField[];
  missingRequired: string[];
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
  rows: PreviewRow[];
  errors: RowError[];
}

export interface ImportResult {
  importId: string;
  file: string;
  kind: ImportKind;
  sheet: string | null;
  /** null when nothing was read (the same file was imported before). */
  headerRow: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsSkipped: number;
  rowsRejected: number;
  mapping: Record<string, string>;
  ignoredColumns: string[];
  duplicateOf: string | null;
  status: ImportStatus;
  errors: RowError[];
  /** live_events: the session whose observed figures the recording holds. */
  livestreamId?: string | null;
}

/** The preview of a live event recording: what its lines hold instead of a column mapping. */
export interface RecordingPreview {
  kind: 'live_events';
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
  events: number;
  eventCounts: { event: string; count: number }[];
  rooms: { room: string; lines: number }[];
  firstEventAt: string | null;
  lastEventAt: string | null;
  session: {
    id: string;
    title: string | null;
    startedAt: string;
    seller: string;
    hasRecording: boolean;
  } | null;
  sessionProblem: { message: string; hint: string | null } | null;
  errors: RowError[];
}

export interface ImportRecord {
  id: string;
  file: string;
  kind: string;
  status: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsSkipped: number;
  rowsRejected: number;
  duplicateOf: string | null;
  by: string;
  startedAt: string;
  finishedAt: string | null;
}

export function rejectsCsvUrl(importId: string): string {
  return `/api/imports/${encodeURIComponent(importId)}/rejects.csv`;
}

export async function fetchImports(signal?: AbortSignal): Promise<ImportRecord[]> {
  return (await apiGet<{ imports: ImportRecord[] }>('/api/imports', signal)).imports;
}

export function previewImport(request: ImportRequest): Promise<ImportPreview> {
  return apiSend<ImportPreview>('POST', '/api/imports/preview', request);
}

export function previewRecording(request: ImportRequest): Promise<RecordingPreview> {
  return apiSend<RecordingPreview>('POST', '/api/imports/preview', request);
}

export function runImport(request: ImportRequest & { skipInvalid: boolean }): Promise<ImportResult> {
  return apiSend<ImportResult>('POST', '/api/imports', request);
}

function errorOf(xhr: XMLHttpRequest, path: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText) as unknown;
  } catch {
    // Not JSON (a proxy's error page): the status line below says what happened.
  }
  const { message, hint, code } = readErrorBody(body);
  const status = `The server answered ${xhr.status} ${xhr.statusText}`.trim();
  return new ApiError(message ?? status, xhr.status, hint, path, code);
}

/**
 * `POST /api/imports/uploads` (multipart, field `file`). XMLHttpRequest rather than fetch because
 * only it reports upload progress; the browser sets the multipart boundary itself.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  const path = '/api/imports/uploads';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(new ApiError('The server sent an unreadable answer.', xhr.status, null, path));
        }
      } else reject(errorOf(xhr, path));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          'Cannot reach the Aisle server.',
          0,
          'Check that `aisle serve` is running, then try again.',
          path,
        ),
      );
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
