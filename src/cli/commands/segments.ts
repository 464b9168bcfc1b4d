/**
 * `aisle segments recompute|thresholds`: recompute every seller's tier, lifecycle and live status
 * and the opportunities now (also done after `aisle import` and `aisle demo`), and show or change
 * the tier thresholds (audited, then recomputed), as Settings → Segments does.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { getTierThresholds, recomputeSellerMap, setTierThresholds, type RecomputeSummary, type TierThresholds } from '../../core/sellers/segments/index.ts';
import { action } from '../run-command.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

export function printRecompute(summary: RecomputeSummary, out: NodeJS.WritableStream = process.stdout): void {
  if (!summary.asOf) {
    out.write('Segments: no data yet.\n');
    return;
  }
  const found = Object.values(summary.opportunities).reduce((sum, n) => sum + n, 0);
  out.write(`Segments: ${summary.sellers.toLocaleString('en-US')} sellers tiered on data to ${summary.asOf}; ${found.toLocaleString('en-US')} opportunities found (${summary.seconds.toFixed(1)} s).\n`);
}

function percentOption(name: string) {
  return (value: string): number => {
    const n = Number(value.replace(/%$/, ''));
    if (!Number.isFinite(n) || n <= 0 || n >= 100) throw new InvalidArgumentError(`${name} must be a share above 0 and below 100 (percent).`);
    return n;
  };
}

function describeThresholds(t: TierThresholds): string {
  return `Tiers by GMV over the last ${t.windowDays} days: S = top ${t.s}%, A = top ${t.a}%, B = top ${t.b}%, C = the rest.\n`;
}

export function registerSegments(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const segments = program.command('segments').description('seller tiers, lifecycle and live status: recompute, thresholds');

  segments
    .command('recompute')
    .description('recompute every seller\'s segments and the opportunities now')
    .option('--as-of <YYYY-MM-DD>', 'as if the data ended on this day', dateOption)
    .option('--json', 'the summary as JSON on stdout')
    .action(
      action(async (options: { asOf?: string; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const summary = await recomputeSellerMap(db, { reason: 'cli', ...(options.asOf ? { asOf: options.asOf } : {}) });
          if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else printRecompute(summary);
        });
      }),
    );

  segments
    .command('thresholds')
    .description('show the tier thresholds, or change them (all shares cumulative, S < A < B) and recompute')
    .option('--s <PCT>', 'tier S: the top PCT% of sellers with sales', percentOption('--s'))
    .option('--a <PCT>', 'tier A: up to the top PCT%', percentOption('--a'))
    .option('--b <PCT>', 'tier B: up to the top PCT%', percentOption('--b'))
    .option('--window-days <D>', 'days of GMV ranked', integerOption('--window-days', 1, 3660))
    .option('--json', 'the thresholds as JSON on stdout')
    .action(
      action(async (options: { s?: number; a?: number; b?: number; windowDays?: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          let thresholds = await getTierThresholds(db);
          const changing = [options.s, options.a, options.b, options.windowDays].some((v) => v !== undefined);
          if (changing) {
            const next = { windowDays: options.windowDays ?? thresholds.windowDays, s: options.s ?? thresholds.s, a: options.a ?? thresholds.a, b: options.b ?? thresholds.b };
            thresholds = await db.transaction((tx) => setTierThresholds(tx, CLI_ACTOR, next));
            const summary = await recomputeSellerMap(db, { reason: 'thresholds' });
            if (!options.json) printRecompute(summary);
          }
          if (options.json) process.stdout.write(`${JSON.stringify(thresholds)}\n`);
          else process.stdout.write(describeThresholds(thresholds));
        });
      }),
    );
}
