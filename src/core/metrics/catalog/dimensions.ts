/**
 * Dimensions a metric request may group or filter by. Category and subcategory are the seller's
 * (its main category in the registry) for every source, so a slice means the same sellers whichever
 * fact it reads. `period` is special: its expression is the source's date truncated to the grain.
 */
import type { DimensionDefinition, FactSource } from '../types.ts';

const SELLER_SOURCES: FactSource[] = [
  'seller_days',
  'livestreams',
  'order_lines',
  'seller_day_channels',
  'seller_activity',
  'seller_starts',
];

function sellerAttribute(name: string, label: string, column: string): DimensionDefinition {
  return {
    name,
    label,
    exprBySource: Object.fromEntries(SELLER_SOURCES.map((source) => [source, `s.${column}`])),
  };
}

/** The date column each source is bucketed by. */
export const SOURCE_DATE: Record<FactSource, string> = {
  seller_days: 'sd.date',
  livestreams: 'l.start_date',
  order_lines: 'ol.order_date',
  seller_day_channels: 'sdc.date',
  seller_activity: 'a.date',
  seller_starts: 's.first_seen',
};

/** The seller id column of each source. */
export const SOURCE_SELLER: Record<FactSource, string> = {
  seller_days: 'sd.seller_id',
  livestreams: 'l.seller_id',
  order_lines: 'ol.seller_id',
  seller_day_channels: 'sdc.seller_id',
  seller_activity: 'a.seller_id',
  seller_starts: 's.id',
};

// A seller-day's GMV by channel. Lines give live/video/product_card exactly; "other" is the rest
// of the day's GMV (lines of other channels, and imported daily GMV without a channel split), so
// the channels of a seller-day always add up to its GMV. Imported daily buyers have no channel
// either and count under "other".
const SELLER_DAY_CHANNELS = `(
    SELECT seller_id, date, source, 'live' AS channel, live_gmv AS gmv, NULL::INTEGER AS buyers FROM seller_days
    UNION ALL SELECT seller_id, date, source, 'video', video_gmv, NULL FROM seller_days
    UNION ALL SELECT seller_id, date, source, 'product_card', product_card_gmv, NULL FROM seller_days
    UNION ALL SELECT seller_id, date, source, 'other', gmv - live_gmv - video_gmv - product_card_gmv, buyers FROM seller_days
  )`;

// Days a seller was active: sold something (GMV > 0) or went live.
const SELLER_ACTIVITY = `(
    SELECT seller_id, date FROM seller_days WHERE gmv > 0
    UNION SELECT seller_id, start_date FROM livestreams
  )`;

/**
 * The same days of activity read from the per-seller-day pre-aggregations (pre-aggregation.ts;
 * `{seller_days}` and `{livestreams}` stand for their tables, which keep one row per seller and
 * day with the day's GMV, and one per seller and day with sessions). A seller-day may appear twice:
 * only distinct sellers are counted from it.
 */
export const SELLER_ACTIVITY_BY_SELLER = `(
    SELECT day, seller_key, 1 AS __rows FROM {seller_days} WHERE gmv > 0
    UNION ALL SELECT day, seller_key, 1 FROM {livestreams}
  )`;

/** FROM clause of each source; every source joins the seller for seller attributes. */
export const SOURCE_FROM: Record<FactSource, string> = {
  seller_days: 'seller_days sd JOIN sellers s ON s.id = sd.seller_id',
  livestreams: 'livestreams l JOIN sellers s ON s.id = l.seller_id',
  order_lines: 'order_lines ol JOIN sellers s ON s.id = ol.seller_id',
  seller_day_channels: `${SELLER_DAY_CHANNELS} sdc JOIN sellers s ON s.id = sdc.seller_id`,
  seller_activity: `${SELLER_ACTIVITY} a JOIN sellers s ON s.id = a.seller_id`,
  // first_seen is the seller's first day of activity, kept by every load (refresh-seller-activity).
  seller_starts: 'sellers s',
};

/**
 * Each source without the join to `sellers`, for requests that read no seller attribute: the
 * loaders guarantee every fact's seller exists, so the join only costs time (matching every fact
 * row's seller id against the registry dominates a 7-day total at 100,000 sellers).
 */
export const SOURCE_TABLE: Record<FactSource, string> = {
  seller_days: 'seller_days sd',
  livestreams: 'livestreams l',
  order_lines: 'order_lines ol',
  seller_day_channels: `${SELLER_DAY_CHANNELS} sdc`,
  seller_activity: `${SELLER_ACTIVITY} a`,
  seller_starts: 'sellers s',
};

/** Whether a catalog expression reads the seller row (`s.…`). */
export function readsSeller(expr: string): boolean {
  return /(^|[^A-Za-z0-9_.])s\./.test(expr);
}

// Aisle's computed tier (src/core/sellers/segments) when segments have been computed, else the
// platform's tier from the sellers export. A subquery rather than a join in every FROM clause, so
// only queries that use the tier pay for reading the segments (a join on every fact row made every
// per-seller query ~50% slower at 100,000 sellers).
const SELLER_TIER = 'coalesce((SELECT seg.tier FROM seller_segments seg WHERE seg.seller_id = s.id), s.tier)';

export const dimensions: DimensionDefinition[] = [
  { name: 'period', label: 'Period', exprBySource: { ...SOURCE_DATE } },
  sellerAttribute('category', 'Category', 'category_id'),
  sellerAttribute('subcategory', 'Subcategory', 'subcategory_id'),
  {
    name: 'seller',
    label: 'Seller',
    exprBySource: { ...SOURCE_SELLER },
    labelExprBySource: Object.fromEntries(SELLER_SOURCES.map((source) => [source, 's.name'])),
    labelColumn: 'seller_name',
  },
  {
    name: 'seller_tier',
    label: 'Seller tier',
    exprBySource: Object.fromEntries(SELLER_SOURCES.map((source) => [source, SELLER_TIER])),
  },
  sellerAttribute('region', 'Region', 'region'),
  { name: 'channel', label: 'Channel', exprBySource: { order_lines: 'ol.channel', seller_day_channels: 'sdc.channel' } },
  { name: 'host', label: 'Host', exprBySource: { livestreams: 'l.host' } },
  // One livestream session: lets a page read every catalog rate per session (benchmarks, lists).
  {
    name: 'livestream',
    label: 'Livestream',
    exprBySource: { livestreams: 'l.id' },
    labelExprBySource: { livestreams: 'l.title' },
    labelColumn: 'title',
  },
];
