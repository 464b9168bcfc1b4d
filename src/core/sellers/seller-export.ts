/**
 * The Sellers grid's current view as a styled workbook: the same filters, sort and period as the
 * page, every matching seller (up to 100,000), with money, counts, rates and changes as real number
 * formats. Text cells are neutralised against formula injection by the workbook writer.
 */
import type { Executor } from '../db/database.ts';
import { getSettings } from '../shared/settings.ts';
import type { XlsxColumn, XlsxTable } from '../shared/xlsx-table.ts';
import { completenessLabel } from './profile-completeness.ts';
import { listAllSellers, MAX_EXPORT_ROWS, type SellerListRequest } from './seller-list.ts';

const COLUMNS: XlsxColumn[] = [
  { key: 'id', header: 'Seller id', format: 'text', width: 18 },
  { key: 'name', header: 'Seller', format: 'text', width: 28 },
  { key: 'shop_name', header: 'Shop', format: 'text', width: 24 },
  { key: 'category_name', header: 'Category', format: 'text', width: 18 },
  { key: 'subcategory_name', header: 'Subcategory', format: 'text', width: 18 },
  { key: 'tier', header: 'Tier', format: 'text', width: 10 },
  { key: 'platform_tier', header: 'Platform tier', format: 'text', width: 10 },
  { key: 'lifecycle', header: 'Lifecycle', format: 'text', width: 12 },
  { key: 'live_status', header: 'Live status', format: 'text', width: 12 },
  { key: 'region', header: 'Region', format: 'text', width: 14 },
  { key: 'status', header: 'Status', format: 'text', width: 10 },
  { key: 'gmv', header: 'GMV', format: 'money', width: 16 },
  { key: 'gmv_previous', header: 'GMV, comparison period', format: 'money', width: 16 },
  { key: 'gmv_change_ratio', header: 'GMV change', format: 'change', width: 12 },
  { key: 'orders', header: 'Orders', format: 'count', width: 10 },
  { key: 'aov', header: 'AOV', format: 'money', width: 12 },
  { key: 'live_sessions', header: 'Live sessions', format: 'count', width: 10 },
  { key: 'live_gmv_share', header: 'Live GMV share', format: 'rate', width: 12 },
  { key: 'last_contact_date', header: 'Last contact', format: 'text', width: 14 },
  { key: 'owner_name', header: 'Owner', format: 'text', width: 18 },
  { key: 'completeness', header: 'Profile complete (%)', format: 'count', width: 12 },
  { key: 'missing', header: 'Missing profile fields', format: 'text', width: 40 },
];

export async function sellersTable(executor: Executor, request: SellerListRequest): Promise<XlsxTable & { truncated: boolean; fileName: string }> {
  const [{ currency }, result] = await Promise.all([getSettings(executor), listAllSellers(executor, request)]);
  const { current, previous, compare } = result.period;
  const note = [
    `${current.from} – ${current.to} compared with ${compare === 'last_year' ? 'the same period last year' : 'the previous period'} (${previous.from} – ${previous.to})`,
    `${result.rows.length.toLocaleString('en-US')} sellers, sorted by ${result.sort.column.replaceAll('_', ' ')} ${result.sort.direction === 'asc' ? 'ascending' : 'descending'}`,
    result.truncated ? `only the first ${MAX_EXPORT_ROWS.toLocaleString('en-US')} — narrow the filters for the rest` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    sheetName: 'Sellers',
    title: 'Aisle — sellers',
    note,
    currency,
    columns: COLUMNS,
    rows: result.rows.map((row) => ({
      ...row,
      missing: row.missing_fields.map(completenessLabel).join(', ') || null,
    })),
    truncated: result.truncated,
    fileName: `aisle-sellers-${current.from}-${current.to}.xlsx`,
  };
}
