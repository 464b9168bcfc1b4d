/**
 * `aisle targets list|set|delete|import|progress`: KPI targets from the command line, through the
 * same core services as Settings → Targets. A refused batch or sheet lists every bad row on stderr
 * (or in the `--json` object) and exits 1; a malformed option is a usage error (exit 2).
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { deleteTarget, importTargets, listTargets, parsePeriod, setTargets, targetProgress, type TargetRowError } from '../../core/kpis/targets.ts';
import type { MetricFormat } from '../../core/metrics/types.ts';
import { isUserError } from '../../core/shared/errors.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

function periodOption(value: string): string {
  const period = value.trim().toUpperCase();
  if (!parsePeriod(period)) throw new InvalidArgumentError('expected a month YYYY-MM or an ISO week YYYY-Www, e.g. 2026-11 or 2026-W47.');
  return period;
}

/** A plain number, or a percentage for rates (`3.4%` → 0.034). */
function targetValue(value: string): number {
  const text = value.trim().replaceAll('_', '');
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const n = percent ? Number(`${percent[1]}e-2`) : /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number such as 250000 or, for a rate, 0.034 or 3.4%.');
  return n;
}

function formatValue(value: number | null, format: MetricFormat): string {
  if (value === null) return '—';
  if (format === 'rate') return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  const digits = format === 'money' ? 2 : Number.isInteger(value) ? 0 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: format === 'money' ? 2 : 0, maximumFractionDigits: digits });
}

function table(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Prints every bad row of a refused batch on stderr before the usual error line. */
async function listingRowErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const errors = isUserError(error) ? (error.details?.errors as TargetRowError[] | undefined) : undefined;
    if (errors) for (const e of errors) process.stderr.write(`  row ${e.row}, ${e.column} "${e.value}": ${e.message}\n`);
    throw error;
  }
}

export function registerTargets(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const targets = program.command('targets').description('KPI targets per metric, scope and month or week');

  targets
    .command('list')
    .description('list targets, newest period first')
    .option('--period <P>', 'only this month YYYY-MM or ISO week YYYY-Www', periodOption)
    .option('--metric <M>', 'only this metric')
    .option('--scope <S>', 'only this scope: category, subcategory:<id>, seller_tier:<tier> or seller:<id>')
    .option('--json', 'print as JSON on stdout')
    .action(
      action(async (options: { period?: string; metric?: string; scope?: string; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const rows = await listTargets(db, { ...(options.period ? { period: options.period } : {}), ...(options.metric ? { metric: options.metric } : {}), ...(options.scope ? { scope: options.scope } : {}) });
          if (options.json) return void process.stdout.write(`${JSON.stringify({ targets: rows })}\n`);
          if (rows.length === 0) return void process.stdout.write('No targets yet. Set one with `aisle targets set gmv 250000 --period 2026-11`.\n');
          process.stdout.write(
            table(
              ['period', 'metric', 'scope', 'target', 'updated by'],
              rows.map((t) => [t.period, t.metric, t.scope, formatValue(t.value, t.format), t.updatedBy ?? '—']),
              [false, false, false, true, false],
            ),
          );
        });
      }),
    );

  targets
    .command('set')
    .description('set (insert or update) one target, e.g. aisle targets set gmv 250000 --period 2026-11')
    .argument('<metric>', 'metric name from the catalog')
    .argument('<value>', 'the target: a number, or for rates 0.034 or 3.4%', targetValue)
    .requiredOption('--period <P>', 'month YYYY-MM or ISO week YYYY-Www', periodOption)
    .option('--scope <S>', 'category (default), subcategory:<id>, seller_tier:<tier> or seller:<id>', 'category')
    .action(
      action(async (metric: string, value: number, options: { period: string; scope: string }) => {
        await withWorkspace(dataDir(), async ({ db }) =>
          listingRowErrors(async () => {
            const result = await setTargets(db, CLI_ACTOR, [{ metric, scope: options.scope, period: options.period, value }]);
            const [row] = result.rows;
            process.stdout.write(`${result.created ? 'Set' : 'Updated'} ${row?.metric} for ${row?.scope}, ${row?.period}: ${row?.value}.\n`);
          }),
        );
      }),
    );

  targets
    .command('delete')
    .description('delete one target')
    .argument('<metric>')
    .requiredOption('--period <P>', 'month YYYY-MM or ISO week YYYY-Www', periodOption)
    .option('--scope <S>', 'the target’s scope', 'category')
    .action(
      action(async (metric: string, options: { period: string; scope: string }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const removed = await deleteTarget(db, CLI_ACTOR, { metric, scope: options.scope, period: options.period });
          process.stdout.write(`Deleted ${removed.metric} for ${removed.scope}, ${removed.period} (was ${removed.value}).\n`);
        });
      }),
    );

  targets
    .command('import')
    .description('import targets from an .xlsx or .csv sheet (columns metric, period, target, and scope or subcategory / seller_tier / seller); all rows or none')
    .argument('<file>')
    .option('--json', 'print the result (or the row errors) as JSON on stdout')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          try {
            const result = await importTargets(db, CLI_ACTOR, file);
            if (options.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
            const skipped = result.rowsSkipped ? `, ${result.rowsSkipped} blank row${result.rowsSkipped === 1 ? '' : 's'} skipped` : '';
            const ignored = result.ignoredColumns.length ? `; ignored columns: ${result.ignoredColumns.join(', ')}` : '';
            process.stdout.write(`${result.file}: ${result.created} targets added, ${result.updated} updated${skipped}${ignored}.\n`);
          } catch (error) {
            if (options.json && isUserError(error)) {
              process.stdout.write(`${JSON.stringify({ file, error: error.message, errors: (error.details?.errors as TargetRowError[] | undefined) ?? [] })}\n`);
            }
            await listingRowErrors(() => Promise.reject(error));
          }
        });
      }),
    );

  targets
    .command('progress')
    .description('progress of a period’s targets: actual to date, run-rate projection, status')
    .requiredOption('--period <P>', 'month YYYY-MM or ISO week YYYY-Www', periodOption)
    .option('--scope <S>', 'only this scope')
    .option('--json', 'print as JSON on stdout')
    .action(
      action(async (options: { period: string; scope?: string; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const report = await targetProgress(db, { period: options.period, ...(options.scope ? { scope: options.scope } : {}) });
          if (options.json) return void process.stdout.write(`${JSON.stringify(report)}\n`);
          const asOf = report.asOf ? `data to ${report.asOf}, day ${report.elapsedDays} of ${report.totalDays}` : 'no data in the period yet';
          process.stdout.write(`${report.period} (${report.from} – ${report.to}), ${asOf}\n`);
          if (report.items.length === 0) return void process.stdout.write(`No targets for ${report.period}. Set one with \`aisle targets set METRIC VALUE --period ${report.period}\`.\n`);
          process.stdout.write(
            table(
              ['metric', 'scope', 'target', 'actual', 'progress', 'projection', 'status'],
              report.items.map((i) => [
                i.metric,
                i.scope,
                formatValue(i.target, i.format),
                formatValue(i.actual, i.format),
                i.progress === null ? '—' : `${Math.round(i.progress * 100)}%`,
                formatValue(i.projection, i.format),
                i.status?.replace('_', ' ') ?? '—',
              ]),
              [false, false, true, true, true, true, false],
            ),
          );
        });
      }),
    );
}
