// The import page's vocabulary and the few decisions it makes from the server's answers: which
// kinds exist and how they read, how a match is described, which matches deserve a second look,
// and how many rows a load would write. Kept out of the components so they only lay things out.
import type { ColumnMatch, DateOrder, ImportField, ImportKind, ImportPreview, MatchHow } from './imports-api';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'sellers',
  'products',
  'orders',
  'seller_daily',
  'livestreams',
  'livestream_minutes',
  'live_events',
];

export const kindLabels: Record<ImportKind, string> = {
  sellers: 'Sellers',
  products: 'Products',
  orders: 'Order lines',
  seller_daily: 'Seller daily performance',
  livestreams: 'Livestream sessions',
  livestream_minutes: 'Livestream minutes',
  live_events: 'Live event recording (.jsonl)',
};

/** JSON-lines recordings of a LIVE: their own reader, preview and file types. */
export function isRecordingKind(kind: ImportKind): boolean {
  return kind === 'live_events';
}

/** What the file picker offers for a kind. */
export function acceptedFiles(kind: ImportKind): string {
  return isRecordingKind(kind) ? '.jsonl,.ndjson' : '.xlsx,.csv';
}

export function isImportKind(value: string | null): value is ImportKind {
  return IMPORT_KINDS.some((kind) => kind === value);
}

/** History rows may name a kind this build does not know; show its name then. */
export function kindLabel(kind: string): string {
  return isImportKind(kind) ? kindLabels[kind] : kind;
}

export const kindOptions = IMPORT_KINDS.map((kind) => ({ value: kind, label: kindLabels[kind] }));

export const dateOrderOptions: { value: DateOrder | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'dmy', label: 'Day/month/year' },
  { value: 'mdy', label: 'Month/day/year' },
  { value: 'ymd', label: 'Year/month/day' },
];

export function isDateOrder(value: string | null): value is DateOrder {
  return value === 'dmy' || value === 'mdy' || value === 'ymd';
}

/** Every kind but livestream minutes and recordings names a seller (their session names it). */
export function kindHasSeller(kind: ImportKind): boolean {
  return kind !== 'livestream_minutes' && kind !== 'live_events';
}

/** The one-of group the server lists in `missingRequired` when no column names the seller. */
export const SELLER_MISSING = 'seller_id or seller_name';

/** The column the file names its sellers in, if any (then a seller for every row would conflict). */
export function sellerColumn(preview: ImportPreview): string | null {
  return preview.columns.find((c) => c.field === 'seller_id' || c.field === 'seller_name')?.header ?? null;
}

export const matchLabels: Record<MatchHow, string> = {
  user: 'Your choice',
  profile: 'Saved mapping',
  exact: 'Exact',
  synonym: 'Synonym',
  fuzzy: 'Guess',
  none: 'Not matched',
};

/** Fuzzy guesses under this confidence are marked for the user to check. */
export const REVIEW_BELOW = 0.9;

export function needsReview(match: ColumnMatch): boolean {
  return match.how === 'fuzzy' && match.confidence < REVIEW_BELOW;
}

export const IGNORE = '';

/** The choices of one mapping row: "Ignore" first, then the kind's fields (required ones marked). */
export function fieldOptions(fields: readonly ImportField[]): { value: string; label: string }[] {
  return [
    { value: IGNORE, label: 'Ignore this column' },
    ...fields.map((field) => ({
      value: field.name,
      label: field.required ? `${field.label} (${field.name}) *` : `${field.label} (${field.name})`,
    })),
  ];
}

/** `"seller_id or seller_name"` → `"Seller ID or Seller name"`, using the kind's labels. */
export function describeMissing(missing: string, fields: readonly ImportField[]): string {
  return missing
    .split(' or ')
    .map((name) => fields.find((field) => field.name === name)?.label ?? name)
    .join(' or ');
}

/** The mapped columns in file order: the columns of the parsed-values table. */
export function mappedColumns(preview: ImportPreview): { field: string; header: string }[] {
  return preview.columns.flatMap((column) =>
    column.field === null ? [] : [{ field: column.field, header: column.header }],
  );
}

/** Rows a load would write: every non-blank row, minus the invalid ones when they are skipped. */
export function rowsToLoad(preview: ImportPreview, skipInvalid: boolean): number {
  const readable = preview.rowsRead - preview.rowsSkipped;
  return skipInvalid ? readable - preview.rowsRejected : readable;
}

export type LoadBlock = 'missing-fields' | 'invalid-rows' | 'no-rows' | null;

/** Why the load button is disabled, or null when it may be pressed. */
export function loadBlock(preview: ImportPreview, skipInvalid: boolean): LoadBlock {
  if (preview.missingRequired.length > 0) return 'missing-fields';
  if (preview.rowsRejected > 0 && !skipInvalid) return 'invalid-rows';
  if (rowsToLoad(preview, skipInvalid) <= 0) return 'no-rows';
  return null;
}
