/**
 * `aisle sellers list|show|export|merge`: the seller registry from the command line, through the
 * same core services as the Sellers page, so a list, a seller and an export read exactly as they
 * do there. `--json` prints only JSON on stdout; a refusal exits 1, a malformed option 2.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { PERIOD_PRESETS, type PeriodPreset } from '../../core/kpis/periods.ts';
import { csvCell } from '../../core/shared/neutralise-formula.ts';
import { UserError } from '../../core/shared/errors.ts';
import { writeTableWorkbook } from '../../core/shared/xlsx-table.ts';
import { completenessLabel } from '../../core/sellers/profile-completeness.ts';
import { getSeller, sellerHistory } from '../../core/sellers/registry.ts';
import { sellersTable } from '../../core/sellers/seller-export.ts';
import { listSellers, MAX_PAGE_SIZE, SORT_COLUMNS, type SellerListRequest, type SellerListRow } from '../../core/sellers/seller-list.ts';
import { mergeSellers } from '../../core/sellers/seller-merge.ts';
import { sellerPerformance } from '../../core/sellers/seller-360.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

interface FilterOptions {
  q?: string;
  subcategory?: string;
  category?: string;
  tier?: string;
  platformTier?: string;
  lifecycle?: string;
  liveStatus?: string;
  region?: string;
  status?: string;
  owner?: string;
  notContacted?: number;
  completenessBelow?: number;
  period?: PeriodPreset;
  from?: string;
  to?: string;
  sort?: string;
  asc?: boolean;
}

const split = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined);

function sortOption(value: string): string {
  if (!SORT_COLUMNS.includes(value)) throw new InvalidArgumentError(`expected one of ${SORT_COLUMNS.join(', ')}.`);
  return value;
}

/** The filter options shared by `list` and `export`. */
function withFilters(command: Command): Command {
  return command
    .option('--q <TEXT>', 'part of the name, shop name or id')
    .option('--subcategory <IDS>', 'subcategory ids, comma-separated')
    .option('--category <IDS>', 'category ids, comma-separated')
    .option('--tier <TIERS>', "Aisle's tiers, comma-separated")
    .option('--platform-tier <TIERS>', "the platform's tiers from the profile")
    .option('--lifecycle <L>', 'new, growing, steady, declining, dormant, churned (comma-separated)')
    .option('--live-status <S>', 'never, lapsed, occasional, regular (comma-separated)')
    .option('--region <R>', 'regions, comma-separated')
    .option('--status <S>', 'active, inactive, suspended, closed (comma-separated)')
    .option('--owner <IDS>', 'owner user ids or "none", comma-separated')
    .option('--not-contacted <DAYS>', 'no contact logged in the last DAYS days', integerOption('--not-contacted', 1, 3650))
    .option('--completeness-below <N>', 'profile completeness under N %', integerOption('--completeness-below', 1, 101))
    .addOption(new Option('--period <P>', 'period preset (ends on the latest day with data)').choices([...PERIOD_PRESETS]))
    .option('--from <YYYY-MM-DD>', 'first day (with --to: a custom period)', dateOption)
    .option('--to <YYYY-MM-DD>', 'last day', dateOption)
    .option('--sort <COLUMN>', `sort column (default gmv): ${SORT_COLUMNS.join(', ')}`, sortOption)
    .option('--asc', 'ascending (default descending)');
}

function toRequest(options: FilterOptions): SellerListRequest {
  const owner = split(options.owner)?.map((o) => {
    if (o === 'none') return 'none' as const;
    const id = Number(o);
    if (!Number.isInteger(id) || id <= 0) throw new UserError(`--owner "${o}" is not a user id`, { hint: 'use `aisle user list` for the ids, or "none"' });
    return id;
  });
  return {
    period: options.period,
    from: options.from,
    to: options.to,
    sort: options.sort ? { column: options.sort, direction: options.asc ? 'asc' : 'desc' } : options.asc ? { column: 'gmv', direction: 'asc' } : undefined,
    filters: {
      q: options.q,
      subcategory: split(options.subcategory),
      category: split(options.category),
      tier: split(options.tier),
      platform_tier: split(options.platformTier),
      lifecycle: split(options.lifecycle),
      live_status: split(options.liveStatus),
      region: split(options.region),
      status: split(options.status),
      owner,
      not_contacted_days: options.notContacted,
      completeness_below: options.completenessBelow,
    },
  };
}

const money = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const percent = (v: number | null, signed = false) => (v === null ? '—' : `${signed && v > 0 ? '+' : ''}${(v * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`);

const LIST_COLUMNS: { header: string; numeric: boolean; cell: (r: SellerListRow) => string; csv: (r: SellerListRow) => unknown }[] = [
  { header: 'id', numeric: false, cell: (r) => r.id, csv: (r) => r.id },
  { header: 'name', numeric: false, cell: (r) => r.name, csv: (r) => r.name },
  { header: 'subcategory', numeric: false, cell: (r) => r.subcategory_name ?? '—', csv: (r) => r.subcategory },
  { header: 'tier', numeric: false, cell: (r) => r.tier ?? '—', csv: (r) => r.tier },
  { header: 'lifecycle', numeric: false, cell: (r) => r.lifecycle ?? '—', csv: (r) => r.lifecycle },
  { header: 'gmv', numeric: true, cell: (r) => money(r.gmv), csv: (r) => r.gmv },
  { header: 'change', numeric: true, cell: (r) => percent(r.gmv_change_ratio, true), csv: (r) => r.gmv_change_ratio },
  { header: 'orders', numeric: true, cell: (r) => r.orders.toLocaleString('en-US'), csv: (r) => r.orders },
  { header: 'live', numeric: true, cell: (r) => String(r.live_sessions), csv: (r) => r.live_sessions },
  { header: 'live share', numeric: true, cell: (r) => percent(r.live_gmv_share), csv: (r) => r.live_gmv_share },
  { header: 'last contact', numeric: false, cell: (r) => r.last_contact_date ?? '—', csv: (r) => r.last_contact_date },
  { header: 'owner', numeric: false, cell: (r) => r.owner_name ?? '—', csv: (r) => r.owner_name },
  { header: 'complete', numeric: true, cell: (r) => `${r.completeness}%`, csv: (r) => r.completeness },
];

function table(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

export function registerSellers(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const sellers = program.command('sellers').description('the seller registry: list, show, export, merge');

  withFilters(sellers.command('list').description('sellers with their period figures, e.g. aisle sellers list --subcategory kitchen --sort live_gmv_share'))
    .option('--limit <N>', `how many (1–${MAX_PAGE_SIZE}, default 20)`, integerOption('--limit', 1, MAX_PAGE_SIZE), 20)
    .option('--page <N>', 'page of --limit sellers (default 1)', integerOption('--page', 1, 1_000_000), 1)
    .option('--json', 'print the list as JSON on stdout')
    .addOption(new Option('--format <F>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(
      action(async (options: FilterOptions & { limit: number; page: number; json?: boolean; format: 'table' | 'csv' | 'json' }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const result = await listSellers(db, { ...toRequest(options), page: options.page, pageSize: options.limit });
          const format = options.json ? 'json' : options.format;
          if (format === 'json') return void process.stdout.write(`${JSON.stringify(result)}\n`);
          if (format === 'csv') {
            const lines = [LIST_COLUMNS.map((c) => c.header.replaceAll(' ', '_')).join(','), ...result.rows.map((r) => LIST_COLUMNS.map((c) => csvCell(c.csv(r))).join(','))];
            return void process.stdout.write(`${lines.join('\n')}\n`);
          }
          const { current } = result.period;
          process.stderr.write(`${current.from} – ${current.to}, sorted by ${result.sort.column} ${result.sort.direction}: ${result.rows.length} of ${result.total.toLocaleString('en-US')} sellers\n`);
          if (result.rows.length === 0) return void process.stdout.write('(no sellers match)\n');
          process.stdout.write(table(LIST_COLUMNS.map((c) => c.header), result.rows.map((r) => LIST_COLUMNS.map((c) => c.cell(r))), LIST_COLUMNS.map((c) => c.numeric)));
        });
      }),
    );

  sellers
    .command('show')
    .description("one seller's profile, figures of the last 28 days and recent profile changes")
    .argument('<id>', 'seller id')
    .option('--json', 'print as JSON on stdout')
    .action(
      action(async (id: string, options: { json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const [seller, history, figures] = await Promise.all([getSeller(db, id), sellerHistory(db, id, { limit: 20 }), sellerPerformance(db, id, { period: 'last_28_days' })]);
          if (options.json) return void process.stdout.write(`${JSON.stringify({ seller, kpis: figures.kpis, period: figures.period, history })}\n`);
          const lines = [
            `${seller.seller_name} (${seller.id})${seller.merged_into ? ` — merged into ${seller.merged_into}` : ''}`,
            `  status ${seller.status} · ${seller.subcategory_name ?? 'no subcategory'} · tier ${seller.segment?.tier ?? '—'} · ${seller.segment?.lifecycle ?? 'no lifecycle yet'} · live ${seller.segment?.live_status ?? '—'}`,
            `  owner ${seller.owner_name ?? '—'} · contact ${[seller.contact_name, seller.contact_email, seller.contact_phone].filter(Boolean).join(', ') || '—'}`,
            `  profile ${seller.completeness}% complete${seller.missing_fields.length ? ` — missing ${seller.missing_fields.map(completenessLabel).join(', ')}` : ''}`,
            '',
            `${figures.period.current.from} – ${figures.period.current.to} (previous ${figures.period.previous.from} – ${figures.period.previous.to})`,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
          process.stdout.write(
            table(
              ['metric', 'value', 'previous', 'change', 'subcategory median'],
              figures.kpis.map((k) => {
                const show = (v: number | null) => (k.format === 'rate' ? percent(v) : k.format === 'money' ? money(v) : v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
                return [k.metric, show(k.value), show(k.previous), percent(k.changeRatio, true), show(k.median)];
              }),
              [false, true, true, true, true],
            ),
          );
          if (history.length) {
            process.stdout.write('\nRecent changes\n');
            process.stdout.write(table(['when', 'field', 'old', 'new', 'by'], history.map((h) => [h.changed_at.slice(0, 16).replace('T', ' '), h.field, h.old ?? '—', h.new ?? '—', h.by]), [false, false, false, false, false]));
          }
        });
      }),
    );

  withFilters(sellers.command('export').description('the sellers of a view as a styled workbook, e.g. aisle sellers export kitchen.xlsx --subcategory kitchen'))
    .argument('<file>', 'the .xlsx file to write')
    .action(
      action(async (file: string, options: FilterOptions) => {
        if (!file.toLowerCase().endsWith('.xlsx')) throw new UserError(`"${file}" does not end in .xlsx`, { hint: 'name the workbook FILE.xlsx' });
        await withWorkspace(dataDir(), async ({ db }) => {
          const sheet = await sellersTable(db, toRequest(options));
          await writeFile(file, await writeTableWorkbook(sheet));
          process.stdout.write(`Wrote ${sheet.rows.length.toLocaleString('en-US')} sellers to ${file}${sheet.truncated ? ' (the first 100,000 — narrow the filters for the rest)' : ''}.\n`);
        });
      }),
    );

  sellers
    .command('merge')
    .description('merge a seller into another found to be the same shop: every fact moves, the merged seller stays closed')
    .requiredOption('--keep <ID>', 'the seller that stays')
    .requiredOption('--merge <ID>', 'the seller merged into it')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      action(async (options: { keep: string; merge: string; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const result = await mergeSellers(db, CLI_ACTOR, { keep: options.keep, merge: options.merge });
          if (options.json) return void process.stdout.write(`${JSON.stringify({ keep: result.keep.id, merged: result.merged, moved: result.moved, filled: result.filled })}\n`);
          const moved = Object.entries(result.moved).filter(([, n]) => n > 0).map(([table, n]) => `${n} ${table.replaceAll('_', ' ')}`);
          process.stdout.write(`Merged ${result.merged} into ${result.keep.id} (${result.keep.seller_name}): moved ${moved.join(', ') || 'no rows'}${result.filled.length ? `; filled ${result.filled.join(', ')}` : ''}.\n`);
        });
      }),
    );
}
