/** `aisle demo`: replace the workspace's data with the deterministic demo dataset. */
import type { Command } from 'commander';
import { DEFAULT_DEMO, generateDemo } from '../../core/demo/generate-demo.ts';
import { addDays, todayIn } from '../../core/shared/dates.ts';
import { getSettings } from '../../core/shared/settings.ts';
import { action } from '../run-command.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { progressBar } from '../progress.ts';
import { withWorkspace } from '../workspace.ts';
import { recomputeQuietly } from '../../core/sellers/segments/index.ts';
import { printRecompute } from './segments.ts';

interface DemoCliOptions {
  sellers: number;
  days: number;
  seed: number;
  end?: string;
  json?: boolean;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('generate the demo dataset (replaces existing sellers, facts and workspace records)')
    .option('--sellers <N>', 'number of sellers', integerOption('--sellers', 1, 1_000_000), DEFAULT_DEMO.sellers)
    .option('--days <D>', 'number of days of history', integerOption('--days', 1, 3660), DEFAULT_DEMO.days)
    .option('--seed <S>', 'random seed: the same seed gives the same data', integerOption('--seed', 0, 2_147_483_647), DEFAULT_DEMO.seed)
    .option('--end <YYYY-MM-DD>', 'last day of data (default: yesterday in the workspace time zone)', dateOption)
    .option('--json', 'print the summary as JSON on stdout')
    .action(
      action(async (options: DemoCliOptions) => {
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db }) => {
          const { timezone } = await getSettings(db);
          const end = options.end ?? addDays(todayIn(timezone), -1);
          const bar = progressBar(true);
          const summary = await generateDemo(db, { sellers: options.sellers, days: options.days, seed: options.seed, end }, bar.update).finally(bar.stop);
          // Like an import: tier the new sellers and find their opportunities (a failure is reported, the demo stays).
          const segments = await recomputeQuietly(db, 'demo', (error) => {
            process.stderr.write(`warning: recomputing seller segments failed (the demo data is in place): ${error instanceof Error ? error.message : String(error)}\n`);
          });
          if (options.json) {
            process.stdout.write(`${JSON.stringify(summary)}\n`);
            return;
          }
          process.stdout.write(
            `Demo data from ${summary.from} to ${summary.to}: ${summary.sellers.toLocaleString('en-US')} sellers, ` +
              `${summary.orderLines.toLocaleString('en-US')} order lines, ${summary.livestreams.toLocaleString('en-US')} livestreams ` +
              `(${summary.seconds.toFixed(1)} s).\n`,
          );
          if (segments) printRecompute(segments);
        });
      }),
    );
}
