/**
 * Dimensions a metric request may group or filter by. Category and subcategory are the seller's
 * (its main category in the registry) for every source, so a slice means the same sellers whichever
 * fact it reads. `period` is special: its expression is the source's date truncated to the grain.
 */
import type { DimensionDefinition, FactSource } from '../types.ts';

const SELLER_SOURCES: FactSource[] = ['seller_days', 'livestreams', 'order_lines'];

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
};

/** FROM clause of each source; every source joins the seller for seller attributes. */
export const SOURCE_FROM: Record<FactSource, string> = {
  seller_days: 'seller_days sd JOIN sellers s ON s.id = sd.seller_id',
  livestreams: 'livestreams l JOIN sellers s ON s.id = l.seller_id',
  order_lines: 'order_lines ol JOIN sellers s ON s.id = ol.seller_id',
};

export const dimensions: DimensionDefinition[] = [
  { name: 'period', label: 'Period', exprBySource: { ...SOURCE_DATE } },
  sellerAttribute('category', 'Category', 'category_id'),
  sellerAttribute('subcategory', 'Subcategory', 'subcategory_id'),
  {
    name: 'seller',
    label: 'Seller',
    exprBySource: { seller_days: 'sd.seller_id', livestreams: 'l.seller_id', order_lines: 'ol.seller_id' },
    labelExprBySource: { seller_days: 's.name', livestreams: 's.name', order_lines: 's.name' },
    labelColumn: 'seller_name',
  },
  sellerAttribute('seller_tier', 'Seller tier', 'tier'),
  sellerAttribute('region', 'Region', 'region'),
  { name: 'channel', label: 'Channel', exprBySource: { order_lines: 'ol.channel' } },
  { name: 'host', label: 'Host', exprBySource: { livestreams: 'l.host' } },
];
