/**
 * Full-text search across notes, communications and tasks: every word of the query must appear
 * (case-insensitive) somewhere in the item's text — title, body, summary, outcome, next action,
 * tags, owner, seller name or id. At a team's size (thousands of items) one ILIKE scan per table is
 * milliseconds; DuckDB's fts extension would need a download this machine cannot make. Words are
 * bound as parameters with LIKE wildcards escaped, so "50%" finds "50%", not everything.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { likePattern } from './workspace-fields.ts';

export type SearchKind = 'note' | 'communication' | 'task';

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** A piece of the matching text around the first word found. */
  snippet: string;
  sellerId: string | null;
  sellerName: string | null;
  /** When it happened or was last changed. */
  at: string;
  /** Task status, communication channel or note tags, for the result line. */
  detail: string | null;
}

const SOURCES: Record<SearchKind, { text: Sql; from: Sql; title: Sql; at: Sql; detail: Sql }> = {
  note: {
    from: sql`notes x`,
    text: sql`concat_ws(' ', x.title, x.body_md, array_to_string(x.tags, ' '))`,
    title: sql`x.title`,
    at: sql`x.updated_at`,
    detail: sql`array_to_string(x.tags, ', ')`,
  },
  communication: {
    from: sql`communications x`,
    text: sql`concat_ws(' ', x.subject, x.summary, x.outcome, x.next_action, x.participants, x.owner, x.channel)`,
    title: sql`x.subject`,
    at: sql`x."at"`,
    detail: sql`x.channel`,
  },
  task: {
    from: sql`tasks x`,
    text: sql`concat_ws(' ', x.title, x.description, x.owner, array_to_string(x.tags, ' '))`,
    title: sql`x.title`,
    at: sql`x.updated_at`,
    detail: sql`x.status`,
  },
};

export const SEARCH_KINDS = Object.keys(SOURCES) as SearchKind[];

export function searchWords(q: string): string[] {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) throw new UserError('type something to search for', { details: { field: 'q' } });
  if (q.length > 200) throw new UserError('the search is longer than 200 characters', { details: { field: 'q' } });
  return words;
}

export async function searchWorkspace(executor: Executor, q: string, options: { kinds?: SearchKind[]; limit?: number } = {}): Promise<SearchHit[]> {
  const words = searchWords(q);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const first = words[0] ?? '';
  const parts = (options.kinds?.length ? options.kinds : SEARCH_KINDS).map((kind) => {
    const source = SOURCES[kind];
    const text = sql`concat_ws(' ', ${source.text}, s.name, x.seller_id)`;
    const match = sql.join(words.map((w) => sql`${text} ILIKE ${likePattern(w)} ESCAPE '\\'`), ' AND ');
    const flat = sql`regexp_replace(${source.text}, '\\s+', ' ', 'g')`;
    const position = sql`greatest(1, strpos(lower(${flat}), lower(${first})))`;
    return sql`SELECT ${kind} AS kind, x.id, ${source.title} AS title,
        trim(substr(${flat}, greatest(1, ${position} - 60), 200)) AS snippet,
        x.seller_id AS "sellerId", s.name AS "sellerName", ${source.at} AS "at", ${source.detail} AS detail
      FROM ${source.from} LEFT JOIN sellers s ON s.id = x.seller_id WHERE ${match}`;
  });
  return executor.query<SearchHit>(sql`SELECT * FROM (${sql.join(parts, ' UNION ALL ')}) ORDER BY "at" DESC, kind, id DESC ${executor.dialect.limit(limit)}`);
}
