/**
 * Names of rubric criteria and review tags as the findings show them. A criterion keeps the label
 * of the newest rubric version that has it, so a finding over reviews of several versions reads
 * one name per criterion.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { reviewTag, type ReviewTagKind } from '../reviews/review-tags.ts';

export async function rubricLabels(executor: Executor): Promise<Map<string, string>> {
  const rows = await executor.query<{ key: string; label: string }>(sql`
    SELECT c.key, arg_max(c.label, r.version) AS label
    FROM rubrics r, unnest(CAST(json_extract(r.criteria, '$[*]') AS JSON[])) AS t(item),
      LATERAL (SELECT json_extract_string(item, 'key') AS key, json_extract_string(item, 'label') AS label) c
    WHERE c.key IS NOT NULL
    GROUP BY c.key`);
  return new Map(rows.map((r) => [r.key, r.label ?? r.key]));
}

/** The catalog's label, else the key in words: `pinned_products_early` → `Pinned products early`. */
export function tagLabel(tag: string): string {
  const known = reviewTag(tag);
  if (known) return known.label;
  const words = tag.replaceAll(/[_-]+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : tag;
}

/** Best practice, issue or workflow; a tag no longer in the catalog counts as workflow. */
export function tagKind(tag: string): ReviewTagKind {
  return reviewTag(tag)?.kind ?? 'workflow';
}
