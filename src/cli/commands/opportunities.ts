/**
 * `aisle opportunities`: the ranked gaps & opportunities, as on the Opportunities page — largest
 * money upside first, each with its plain-language reason. `--json` prints the page of results
 * with its totals on stdout. The list is as of the last recompute (`aisle segments recompute`).
 */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { listOpportunities, OPPORTUNITY_STATUSES, RULE_IDS, type Opportunity, type OpportunityStatus } from '../../core/sellers/opportunities/index.ts';
import { getLastRecompute } from '../../core/sellers/segments/index.ts';
import { currencyPrefix } from '../../core/sellers/segments/reason-text.sql.ts';
import { getSettings } from '../../core/shared/settings.ts';
import { action } from '../run-command.ts';
import { integerOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

interface OpportunitiesOptions {
  rule?: string;
  status: OpportunityStatus;
  tier?: string;
  subcategory?: string;
  owner?: number | 'none';
  minUpside?: number;
  limit: number;
  offset: number;
  json?: boolean;
}

function ownerOption(value: string): number | 'none' {
  if (value === 'none') return 'none';
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a user id (see `aisle user list`) or "none".');
  return Number(value);
}

function amountOption(value: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected an amount of 0 or more.');
  return n;
}

export function compactMoney(value: number, currency: string): string {
  return `${currencyPrefix(currency)}${new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value)}`;
}

function printOpportunities(items: Opportunity[], total: number, totalUpside: number, currency: string, offset: number): void {
  if (items.length === 0) {
    process.stdout.write('No opportunities match.\n');
    return;
  }
  items.forEach((o, i) => {
    const who = o.sellerName ? `${o.sellerName} (${o.sellerId})` : `${o.subcategoryName ?? o.subject}`;
    const upside = o.upside === null ? 'no money estimate' : `upside ≈ ${compactMoney(o.upside, currency)} per 4 weeks`;
    process.stdout.write(`${String(offset + i + 1).padStart(3)}. ${who} — ${o.title} · ${upside} · ${o.severity}\n     ${o.reason}\n`);
  });
  process.stdout.write(`\n${total} ${total === 1 ? 'opportunity' : 'opportunities'}, showing ${offset + 1}–${offset + items.length}; total upside ≈ ${compactMoney(totalUpside, currency)} per 4 weeks.\n`);
}

export function registerOpportunities(program: Command): void {
  program
    .command('opportunities')
    .description('gaps & opportunities, largest money upside first, each with its reason')
    .addOption(new Option('--rule <RULE>', 'only this rule').choices([...RULE_IDS]))
    .addOption(new Option('--status <S>', 'which ones').choices([...OPPORTUNITY_STATUSES]).default('open'))
    .option('--tier <T>', 'only sellers of this tier (S, A, B, C)')
    .option('--subcategory <ID>', 'only this subcategory')
    .option('--owner <ID|none>', 'only sellers of this owner (user id), or without one', ownerOption)
    .option('--min-upside <AMOUNT>', 'only opportunities worth at least this much per 4 weeks', amountOption)
    .option('--limit <N>', 'at most this many', integerOption('--limit', 1, 500), 20)
    .option('--offset <N>', 'skip this many', integerOption('--offset', 0, 1_000_000), 0)
    .option('--json', 'the opportunities and totals as JSON on stdout')
    .action(
      action(async (options: OpportunitiesOptions) => {
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db }) => {
          const { json, ...filter } = options;
          const [page, last, { currency }] = await Promise.all([listOpportunities(db, filter), getLastRecompute(db), getSettings(db)]);
          if (json) {
            process.stdout.write(`${JSON.stringify({ opportunities: page.items, total: page.total, totalUpside: page.totalUpside, counts: page.counts, currency, lastRecompute: last })}\n`);
            return;
          }
          if (!last) process.stdout.write('Segments and opportunities have not been computed yet: run `aisle segments recompute`.\n');
          printOpportunities(page.items, page.total, page.totalUpside, currency, options.offset);
        });
      }),
    );
}
