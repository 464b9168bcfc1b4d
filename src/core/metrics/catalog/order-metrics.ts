/** Sales metrics (CONTRACTS.md §4): additive ones read `seller_days`, distinct counts `order_lines`. */
import type { MetricDefinition } from '../types.ts';

export const orderMetrics: MetricDefinition[] = [
  {
    name: 'gmv',
    label: 'GMV',
    description:
      'Σ order-line amount, all statuses (cancelled and refunded included, as the platforms count GMV); seller-days without order lines use imported daily GMV',
    format: 'money',
    type: 'sum',
    source: 'seller_days',
    expr: 'sd.gmv',
    additive: true,
  },
  {
    name: 'net_gmv',
    label: 'Net GMV',
    description: 'GMV minus amounts of cancelled lines minus refund amounts',
    format: 'money',
    type: 'sum',
    source: 'seller_days',
    expr: 'sd.gmv - sd.cancelled_gmv - sd.refunds',
    additive: true,
  },
  {
    name: 'orders',
    label: 'Orders',
    description:
      'Distinct orders (an order belongs to one seller and one day, so the per-seller-day counts add up); seller-days without lines use imported daily orders',
    format: 'count',
    type: 'sum',
    source: 'seller_days',
    expr: 'sd.orders',
    additive: true,
  },
  {
    name: 'items_sold',
    label: 'Items sold',
    description: 'Σ quantity',
    format: 'count',
    type: 'sum',
    source: 'seller_days',
    expr: 'sd.items_sold',
    additive: true,
  },
  {
    name: 'aov',
    label: 'AOV',
    description: 'Average order value: GMV / orders',
    format: 'money',
    type: 'ratio',
    numerator: 'gmv',
    denominator: 'orders',
    additive: false,
  },
  {
    name: 'active_sellers',
    label: 'Active sellers',
    description: 'Distinct sellers with GMV > 0 in the period',
    format: 'count',
    type: 'countDistinct',
    source: 'seller_days',
    expr: 'CASE WHEN sd.gmv > 0 THEN sd.seller_id END',
    additive: false,
  },
];
