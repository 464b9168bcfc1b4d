/** `aisle query`: metrics by dimensions from the one metric catalog (CONTRACTS.md §1, §4). */
import type { Command } from 'commander';
import { Option } from 'commander';
import { sql } from '../../core/db/sql.ts';
import { GRAINS, type Grain } from '../../core/db/dialect/index.ts';
import { addDays } from '../../core/shared/dates.ts';
import { UserError } from '../../core/shared/errors.ts';
import { parseWhere } from '../../core/metrics/parse-where.ts';
import { parseComparisons, queryMetricsWithComparisons } from '../../core/kpis/query-with-comparisons.ts';
import { formatRows, type OutputFormat } from '../format-rows.ts';
import { action } from '../run-command.ts';
import { collect, dateOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

interface QueryOptions {
  by?: string;
  grain?: Grain;
  from?: string;
  to?: string;
  where: string[];
  compare: string[];
  format: OutputFormat;
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('query metrics, e.g. aisle query gmv orders --by category --grain week')
    .argument('<metric...>', 'metric names (see the metric catalog in the README)')
    .option('--by <DIM[,DIM]>', 'dimensions to group by')
    .addOption(new Option('--grain <G>', 'period grain (adds the period dimension)').choices([...GRAINS]))
    .option('--from <YYYY-MM-DD>', 'first day (default: 29 days before --to)', dateOption)
    .option('--to <YYYY-MM-DD>', 'last day (default: the latest day with data)', dateOption)
    .option('--where <DIM=VALUE>', 'filter (repeatable)', collect, [])
    .option('--compare <C[,C]>', 'add comparisons: previous, last_year, target (value, change, change ratio per metric)', collect, [])
    .addOption(new Option('--format <F>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(
      action(async (metrics: string[], options: QueryOptions) => {
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db }) => {
          let to = options.to;
          if (!to) {
            const [row] = await db.query<{ d: string | null }>(sql`SELECT max(date) AS d FROM seller_days`);
            if (!row?.d) throw new UserError('the workspace has no data yet', { hint: 'import exports or run `aisle demo`, or pass --from and --to' });
            to = row.d;
          }
          const result = await queryMetricsWithComparisons(db, {
            metrics: metrics.flatMap((m) => m.split(',')).filter(Boolean),
            by: options.by ? options.by.split(',').map((d) => d.trim()).filter(Boolean) : [],
            grain: options.grain ?? null,
            from: options.from ?? addDays(to, -29),
            to,
            where: parseWhere(options.where),
            compare: parseComparisons(options.compare),
          });
          process.stdout.write(formatRows(result, options.format));
        });
      }),
    );
}
