/**
 * Consistency rules that need more than one field of a row, per import kind. Each rule names the
 * column the user should look at and says what is wrong in their words.
 */
import { sql, type Sql } from '../../db/sql.ts';
import type { ImportKind } from '../kinds/index.ts';

export interface KindRule {
  field: string;
  when: Sql;
  message: string;
}

export function kindRules(kind: ImportKind, mapped: Set<string>): KindRule[] {
  const rules: KindRule[] = [];
  const both = (a: string, b: string) => mapped.has(a) && mapped.has(b);
  switch (kind) {
    case 'orders':
      if (both('refund_amount', 'amount')) rules.push({ field: 'refund_amount', when: sql`refund_amount > amount`, message: 'refund is larger than the line amount' });
      if (both('livestream_id', 'channel')) {
        rules.push({ field: 'channel', when: sql`livestream_id IS NOT NULL AND channel IS NOT NULL AND channel <> 'live'`, message: 'a line with a livestream id must have the live channel' });
      }
      break;
    case 'livestreams':
      if (both('ended_at', 'started_at')) rules.push({ field: 'ended_at', when: sql`ended_at < started_at`, message: 'the session ends before it starts' });
      if (both('viewers', 'views')) rules.push({ field: 'viewers', when: sql`viewers > views`, message: 'viewers (unique) exceed views' });
      if (both('product_clicks', 'product_impressions')) rules.push({ field: 'product_clicks', when: sql`product_clicks > product_impressions`, message: 'product clicks exceed product impressions' });
      break;
    case 'seller_daily':
    case 'sellers':
    case 'products':
    case 'livestream_minutes':
      break;
    default: {
      const unknown: never = kind;
      throw new Error(`no rules for ${String(unknown)}`);
    }
  }
  return rules;
}
