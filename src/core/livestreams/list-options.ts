/** What the Livestreams filters can choose from: subcategories that have sellers, score bands, sort columns. */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { QUALITY_BANDS } from './reviews/review-scores.sql.ts';
import { LIVESTREAM_SORT_COLUMNS } from './session-list.ts';
import { SCORE_BANDS } from './session-metrics.ts';

export interface LivestreamListOptions {
  subcategories: { id: string; name: string }[];
  bands: { band: string; label: string }[];
  /** Quality score bands for the `scoreBand` filter. */
  qualityBands: { band: string; label: string }[];
  sorts: string[];
}

export async function livestreamListOptions(executor: Executor): Promise<LivestreamListOptions> {
  const subcategories = await executor.query<{ id: string; name: string }>(sql`
    SELECT c.id, c.name FROM categories c
    WHERE c.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM sellers s WHERE s.subcategory_id = c.id)
    ORDER BY c.name`);
  return { subcategories, bands: SCORE_BANDS.map(({ band, label }) => ({ band, label })),
    qualityBands: QUALITY_BANDS.map(({ band, label }) => ({ band, label })),
    sorts: LIVESTREAM_SORT_COLUMNS };
}
