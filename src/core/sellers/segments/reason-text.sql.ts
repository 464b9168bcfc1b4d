/**
 * Plain-language numbers inside SQL: segment and opportunity reasons are written for 100,000
 * sellers in one statement, so money, percentages and counts are formatted by DuckDB, the same
 * way everywhere ("Rp 12.3M", "18%", "1,480"). Amounts are compact (K/M/B) with the workspace
 * currency's symbol; a reason is for reading, the exact figure travels in the evidence.
 */
import { sql, type Sql } from '../../db/sql.ts';

const SYMBOLS: Record<string, string> = {
  IDR: 'Rp ',
  USD: '$',
  EUR: '€',
  GBP: '£',
  MYR: 'RM ',
  THB: '฿',
  VND: '₫',
  PHP: '₱',
  SGD: 'S$',
  BRL: 'R$ ',
  CNY: '¥',
  JPY: '¥',
};

/** The prefix written before an amount in this currency. */
export function currencyPrefix(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

/** A number with one decimal and a K/M/B suffix (12.3M), whole below a thousand; '.0' is dropped. */
export function compactNumberText(value: Sql): Sql {
  return sql`(CASE
    WHEN ${value} IS NULL THEN '—'
    WHEN abs(${value}) >= 1e9 THEN regexp_replace(printf('%.1f', ${value} / 1e9), '\\.0$', '') || 'B'
    WHEN abs(${value}) >= 1e6 THEN regexp_replace(printf('%.1f', ${value} / 1e6), '\\.0$', '') || 'M'
    WHEN abs(${value}) >= 1e3 THEN regexp_replace(printf('%.1f', ${value} / 1e3), '\\.0$', '') || 'K'
    ELSE printf('%.0f', ${value}) END)`;
}

/** An amount of money in the workspace currency, compact: "Rp 12.3M". */
export function moneyText(value: Sql, currency: string): Sql {
  return sql`(CASE WHEN ${value} IS NULL THEN '—' ELSE ${currencyPrefix(currency)} || ${compactNumberText(value)} END)`;
}

/** A fraction as a whole percentage ("18%"); below 1% with one decimal ("0.4%"). */
export function percentText(fraction: Sql): Sql {
  return sql`(CASE WHEN ${fraction} IS NULL THEN '—'
    WHEN abs(${fraction}) < 0.1 AND round(${fraction} * 100) <> ${fraction} * 100 THEN printf('%.1f%%', ${fraction} * 100)
    ELSE printf('%.0f%%', ${fraction} * 100) END)`;
}

/** A count with thousands separators ("1,480"). */
export function countText(value: Sql): Sql {
  return sql`(CASE WHEN ${value} IS NULL THEN '—' ELSE format('{:,}', CAST(${value} AS BIGINT)) END)`;
}
