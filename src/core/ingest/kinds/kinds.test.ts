import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors.ts';
import { fieldIndex } from '../match/field-index.ts';
import { headerKey } from '../match/normalize-header.ts';
import { findField, getKind, IMPORT_KINDS, KINDS } from './index.ts';

// CONTRACTS.md §2, plus `impressions` (LIVE impressions) which the schema has.
const CONTRACT_FIELDS: Record<string, string[]> = {
  sellers:
    'seller_id seller_name shop_name brand seller_type tier region city postal_code category subcategory status onboarded_at account_manager contact_name contact_email contact_phone followers product_count store_rating'.split(
      ' ',
    ),
  products: 'product_id seller_id seller_name name category subcategory price status listed_at'.split(' '),
  orders:
    'order_id line_no ordered_at status seller_id seller_name product_id product_name category subcategory quantity unit_price amount refund_amount buyer_id channel livestream_id currency'.split(
      ' ',
    ),
  seller_daily:
    'date seller_id seller_name gmv orders items_sold buyers visitors page_views product_impressions product_clicks live_gmv video_gmv product_card_gmv refunds currency'.split(
      ' ',
    ),
  livestreams:
    'livestream_id seller_id seller_name host title started_at ended_at duration_s impressions views viewers peak_viewers avg_viewers avg_view_duration_s likes comments shares new_followers product_impressions product_clicks orders items_sold buyers gmv products_count gifts_value currency'.split(
      ' ',
    ),
  livestream_minutes:
    'livestream_id minute viewers_online enters likes comments shares product_clicks orders gmv'.split(' '),
};

const REQUIRED: Record<string, string[]> = {
  sellers: [],
  products: ['product_id'],
  orders: ['order_id', 'ordered_at'],
  seller_daily: ['date'],
  livestreams: ['started_at'],
  livestream_minutes: ['livestream_id', 'minute'],
};

describe('import kinds catalog', () => {
  it.each(IMPORT_KINDS)('%s has exactly the contract fields and required fields', (name) => {
    const kind = KINDS[name];
    expect(kind.kind).toBe(name);
    expect(kind.fields.map((f) => f.name).sort()).toEqual([...(CONTRACT_FIELDS[name] ?? [])].sort());
    expect(
      kind.fields
        .filter((f) => f.required)
        .map((f) => f.name)
        .sort(),
    ).toEqual([...(REQUIRED[name] ?? [])].sort());
  });

  it('asks for a seller id or name wherever a seller is named, and an amount or unit price for orders', () => {
    for (const name of ['sellers', 'products', 'orders', 'seller_daily', 'livestreams'] as const) {
      expect(KINDS[name].oneOf).toContainEqual(['seller_id', 'seller_name']);
    }
    expect(KINDS.orders.oneOf).toContainEqual(['amount', 'unit_price']);
  });

  it.each(IMPORT_KINDS)('%s: keys and one-of groups name real fields', (name) => {
    const kind = KINDS[name];
    for (const field of [...kind.naturalKey, ...(kind.fallbackKey ?? []), ...(kind.oneOf ?? []).flat()]) {
      expect(findField(kind, field), field).toBeDefined();
    }
  });

  it.each(IMPORT_KINDS)('%s: no header spelling names two fields', (name) => {
    expect(() => fieldIndex(KINDS[name])).not.toThrow();
  });

  it.each(IMPORT_KINDS)('%s: enum spellings are unique across values', (name) => {
    for (const field of KINDS[name].fields) {
      const seen = new Map<string, string>();
      for (const [value, spellings] of Object.entries(field.values ?? {})) {
        for (const spelling of [value, ...spellings]) {
          const key = spelling.toLowerCase();
          expect(seen.get(key) ?? value, `${field.name}: "${spelling}"`).toBe(value);
          seen.set(key, value);
        }
      }
    }
  });

  it('keeps identifiers and postal codes as ids, not numbers', () => {
    expect(findField(KINDS.sellers, 'postal_code')?.type).toBe('id');
    for (const kind of Object.values(KINDS)) {
      for (const field of kind.fields.filter((f) => f.name.endsWith('_id')))
        expect(field.type, field.name).toBe('id');
    }
  });

  it('knows the platform headers of the orders and LIVE exports', () => {
    const fieldOf = (kind: keyof typeof KINDS, header: string) =>
      fieldIndex(KINDS[kind]).byKey.get(headerKey(header))?.field;
    expect(fieldOf('orders', 'SKU Subtotal After Discount')).toBe('amount');
    expect(fieldOf('orders', 'Buyer Username')).toBe('buyer_id');
    expect(fieldOf('livestreams', 'Launched Time')).toBe('started_at');
    expect(fieldOf('livestreams', 'Avg. viewing duration per viewer')).toBe('avg_view_duration_s');
    expect(fieldOf('livestreams', 'LIVE impressions')).toBe('impressions');
    expect(fieldOf('livestreams', '观看人次')).toBe('views');
    expect(fieldOf('livestreams', '观看人数')).toBe('viewers');
    expect(fieldOf('livestreams', 'Pengikut baru')).toBe('new_followers');
    expect(fieldOf('livestreams', 'Thời gian bắt đầu')).toBe('started_at');
    expect(fieldOf('seller_daily', 'ยอดขาย')).toBe('gmv');
    expect(fieldOf('livestreams', '客单价')).toBeUndefined();
  });

  it('getKind returns a kind or a UserError listing the valid kinds', () => {
    expect(getKind('orders')).toBe(KINDS.orders);
    let caught: unknown;
    try {
      getKind('order');
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught)).toBe(true);
    expect(isUserError(caught) && caught.hint).toContain('seller_daily');
    expect(() => getKind('toString')).toThrow(/unknown import kind/);
  });
});
