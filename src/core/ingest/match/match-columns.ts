/**
 * Column matching: which field each source column feeds. Precedence, strongest first: the user's
 * `--map` (always wins, `Header=` ignores a column), the saved mapping profile, the field's exact
 * canonical name or label, a synonym, then a fuzzy match (typos, extra words) above a threshold.
 * A field is fed by one column only: when two columns claim it the more confident one wins (for
 * synonyms, the one listed first in the catalog) and the other is ignored with the reason.
 * Pure: the same headers, kind and mappings always give the same answer.
 */
import { UserError } from '../../shared/errors.ts';
import type { KindDef } from '../kinds/types.ts';
import { fieldIndex, type FieldName } from './field-index.ts';
import { headerKey, headerTokens, strippedHeaderKey } from './normalize-header.ts';
import { editSimilarity, wordOverlap } from './similarity.ts';

export type MatchHow = 'user' | 'profile' | 'exact' | 'synonym' | 'fuzzy' | 'none';

export interface ColumnMatch {
  /** 0-based source column (stage column `c<column>`). */
  column: number;
  header: string;
  field: string | null;
  /** 1 for user, profile and exact matches; below for synonyms (by rank) and fuzzy matches. */
  confidence: number;
  how: MatchHow;
  /** Why a column feeds no field. */
  reason?: string;
}

export interface ColumnMatching {
  columns: ColumnMatch[];
  /** Source header → field, for the import report. */
  mapping: Record<string, string>;
  /** Non-blank headers that feed no field. */
  ignored: string[];
  /** Required fields with no column; a one-of group is listed as "seller_id or seller_name". */
  missingRequired: string[];
}

/** Source header → field name; an empty value (or null) ignores that column. */
export type HeaderMapping = Readonly<Record<string, string | null>>;

/** Below this similarity a header is never matched by guessing. */
export const FUZZY_THRESHOLD = 0.85;
/** Keys shorter than this are too short for edit-distance guesses ("gmv" vs "gmvs"). */
const FUZZY_MIN_KEY = 5;

interface Candidate {
  column: number;
  field: string;
  confidence: number;
  how: 'exact' | 'synonym' | 'fuzzy';
}

function nameConfidence(name: FieldName, stripped: boolean): number {
  const base = name.how === 'exact' ? 1 : 0.95 - Math.min(name.rank, 50) * 0.002;
  return stripped ? base - 0.05 : base;
}

function fuzzyCandidate(column: number, header: string, names: readonly FieldName[]): Candidate | undefined {
  const key = headerKey(header);
  const tokens = headerTokens(header);
  const keyLength = [...key].length;
  let best: Candidate | undefined;
  for (const name of names) {
    // Edit similarity is at most shorter / longer length: when that is below the threshold the
    // (quadratic) distance cannot matter — a 5-million-character cell is not a header.
    const nameLength = [...name.key].length;
    const reachable = Math.min(keyLength, nameLength) / Math.max(keyLength, nameLength, 1) >= FUZZY_THRESHOLD;
    const edit =
      reachable && key.length >= FUZZY_MIN_KEY && name.key.length >= FUZZY_MIN_KEY ? editSimilarity(key, name.key) : 0;
    const score = Math.max(edit, wordOverlap(tokens, name.tokens));
    if (score >= FUZZY_THRESHOLD && (!best || 0.8 * score > best.confidence)) {
      best = { column, field: name.field, confidence: 0.8 * score, how: 'fuzzy' };
    }
  }
  return best;
}

/**
 * The automatic candidate of one column: exact/synonym by full key, by stripped key, else (when
 * allowed) fuzzy. Header detection scores many rows and asks without fuzzy guesses.
 */
export function autoCandidate(
  column: number,
  header: string,
  kind: KindDef,
  allowFuzzy = true,
): Candidate | undefined {
  const index = fieldIndex(kind);
  const key = headerKey(header);
  if (!key) return undefined;
  const full = index.byKey.get(key);
  if (full) return { column, field: full.field, confidence: nameConfidence(full, false), how: full.how };
  const stripped = strippedHeaderKey(header);
  const partial = stripped && stripped !== key ? index.byKey.get(stripped) : undefined;
  if (partial)
    return { column, field: partial.field, confidence: nameConfidence(partial, true), how: partial.how };
  return allowFuzzy ? fuzzyCandidate(column, header, index.names) : undefined;
}

function resolveField(kind: KindDef, target: string): string | undefined {
  const key = headerKey(target);
  return kind.fields.find((f) => f.name === target || headerKey(f.name) === key)?.name;
}

function columnsNamed(headers: readonly string[], source: string): number[] {
  const exact = headers.flatMap((h, i) => (h.trim() === source.trim() ? [i] : []));
  if (exact.length > 0) return exact;
  const key = headerKey(source);
  return key ? headers.flatMap((h, i) => (headerKey(h) === key ? [i] : [])) : [];
}

interface MatchState {
  headers: readonly string[];
  kind: KindDef;
  assigned: Map<number, ColumnMatch>;
  /** field → the column that feeds it */
  owner: Map<string, number>;
}

function assign(state: MatchState, match: ColumnMatch): void {
  state.assigned.set(match.column, match);
  if (match.field) state.owner.set(match.field, match.column);
}

function applyUserMap(state: MatchState, userMap: HeaderMapping): void {
  const { headers, kind } = state;
  for (const [source, rawTarget] of Object.entries(userMap)) {
    const columns = columnsNamed(headers, source);
    const target = (rawTarget ?? '').trim();
    if (columns.length === 0) {
      throw new UserError(`mapping "${source}" → "${target}": the file has no column "${source}"`, {
        hint: `columns are: ${headers.filter((h) => h.trim()).join(', ')}`,
      });
    }
    if (!target) {
      for (const column of columns) {
        assign(state, {
          column,
          header: headers[column] ?? '',
          field: null,
          confidence: 1,
          how: 'user',
          reason: 'ignored by your mapping',
        });
      }
      continue;
    }
    const field = resolveField(kind, target);
    if (!field) {
      throw new UserError(`mapping "${source}" → "${target}": ${kind.kind} has no field "${target}"`, {
        hint: `fields are: ${kind.fields.map((f) => f.name).join(', ')}`,
      });
    }
    const [column, ...more] = columns;
    if (column === undefined || more.length > 0) {
      throw new UserError(`mapping "${source}" → "${target}": ${columns.length} columns are named "${source}"`, {
        hint: 'rename the columns in the file so that each header is unique',
      });
    }
    const other = state.owner.get(field);
    if (other !== undefined) {
      throw new UserError(`--map gives ${field} two columns: "${headers[other] ?? ''}" and "${source}"`, {
        hint: 'map each field from one column only',
      });
    }
    assign(state, { column, header: headers[column] ?? '', field, confidence: 1, how: 'user' });
  }
}

/** A saved profile can be stale (renamed fields, other columns): entries that no longer fit are skipped. */
function applyProfile(state: MatchState, profile: HeaderMapping): void {
  for (const [source, rawTarget] of Object.entries(profile)) {
    const target = (rawTarget ?? '').trim();
    const field = target ? resolveField(state.kind, target) : undefined;
    if (target && (!field || state.owner.has(field))) continue;
    const column = columnsNamed(state.headers, source).find((c) => !state.assigned.has(c));
    if (column === undefined) continue;
    const header = state.headers[column] ?? '';
    if (field) assign(state, { column, header, field, confidence: 1, how: 'profile' });
    else
      assign(state, {
        column,
        header,
        field: null,
        confidence: 1,
        how: 'profile',
        reason: 'ignored by the saved mapping',
      });
  }
}

function applyAutomatic(state: MatchState): void {
  const candidates: Candidate[] = [];
  state.headers.forEach((header, column) => {
    if (state.assigned.has(column)) return;
    const candidate = autoCandidate(column, header, state.kind);
    if (candidate) candidates.push(candidate);
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  for (const { column, field, confidence, how } of candidates) {
    const header = state.headers[column] ?? '';
    const winner = state.owner.get(field);
    if (winner === undefined) assign(state, { column, header, field, confidence, how });
    else {
      const reason = `${field} is taken by column "${state.headers[winner] ?? ''}"`;
      assign(state, { column, header, field: null, confidence: 0, how: 'none', reason });
    }
  }
}

function missingRequired(kind: KindDef, owner: ReadonlyMap<string, number>): string[] {
  return [
    ...kind.fields.filter((f) => f.required && !owner.has(f.name)).map((f) => f.name),
    ...(kind.oneOf ?? [])
      .filter((group) => !group.some((name) => owner.has(name)))
      .map((group) => group.join(' or ')),
  ];
}

export function matchColumns(
  headers: readonly string[],
  kind: KindDef,
  userMap: HeaderMapping = {},
  profile: HeaderMapping = {},
): ColumnMatching {
  const state: MatchState = { headers, kind, assigned: new Map(), owner: new Map() };
  applyUserMap(state, userMap);
  applyProfile(state, profile);
  applyAutomatic(state);
  const columns = headers.map(
    (header, column): ColumnMatch =>
      state.assigned.get(column) ?? {
        column,
        header,
        field: null,
        confidence: 0,
        how: 'none',
        reason: header.trim() ? 'no matching field' : 'blank header',
      },
  );
  const mapping: Record<string, string> = {};
  for (const match of columns) if (match.field) mapping[match.header] = match.field;
  return {
    columns,
    mapping,
    ignored: columns.filter((c) => !c.field && c.header.trim()).map((c) => c.header),
    missingRequired: missingRequired(kind, state.owner),
  };
}
