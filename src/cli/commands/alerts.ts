/**
 * `aisle alerts [list] [--status S] [--json]`, `aisle alerts scan [--json]`, `aisle alerts ack ID`,
 * `aisle alerts resolve ID`: the same alerts as the web app, on the local data dir. `--json` output
 * is the only thing on stdout.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { acknowledgeAlert, listAlerts, resolveAlert, scanAlerts, type Alert, type ScanSummary } from '../../core/kpis/alerts/index.ts';
import { action } from '../run-command.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

const STATUSES = ['open', 'new', 'acknowledged', 'resolved', 'all'] as const;
type StatusOption = (typeof STATUSES)[number];

function number(value: number | null, format: Alert['format']): string {
  if (value === null) return '—';
  if (format === 'rate') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString('en-US', { maximumFractionDigits: format === 'money' ? 0 : 1 });
}

function printAlerts(alerts: Alert[], total: number): void {
  if (alerts.length === 0) {
    process.stdout.write('No alerts.\n');
    return;
  }
  for (const a of alerts) {
    const period = a.periodFrom === a.periodTo ? a.periodFrom : `${a.periodFrom}..${a.periodTo}`;
    process.stdout.write(
      `#${a.id}  ${a.severity.toUpperCase().padEnd(8)} ${a.status.padEnd(12)} ${a.metricLabel} · ${a.scopeLabel} · ${a.grain} ${period}` +
        `  observed ${number(a.observed, a.format)}, expected ${number(a.expected, a.format)}\n`,
    );
    if (a.explanation) process.stdout.write(`    ${a.explanation.sentence}\n`);
  }
  if (total > alerts.length) process.stdout.write(`… ${total - alerts.length} more: use --limit or --json\n`);
}

export function printScan(summary: ScanSummary, out: NodeJS.WritableStream = process.stdout): void {
  if (!summary.judged) {
    out.write('Alerts: no data to scan yet.\n');
    return;
  }
  const skipped = summary.skippedCampaignDays.length ? `; campaign days not judged: ${summary.skippedCampaignDays.map((d) => `${d.date} (${d.label})`).join(', ')}` : '';
  out.write(
    `Alerts: judged ${summary.judged.from}..${summary.judged.to}: ${summary.created} new, ${summary.updated} confirmed, ` +
      `${summary.reopened} reopened, ${summary.cleared} cleared${skipped}.\n`,
  );
}

export function registerAlerts(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const alerts = program.command('alerts').description('anomaly and threshold alerts: list, scan, acknowledge, resolve');

  alerts
    .command('list', { isDefault: true })
    .description('list alerts, most severe and newest first (default: open ones)')
    .addOption(new Option('--status <S>', 'which alerts').choices([...STATUSES]).default('open'))
    .option('--limit <N>', 'at most this many', integerOption('--limit', 1, 500), 50)
    .option('--json', 'the alerts as JSON on stdout')
    .action(
      action(async (options: { status: StatusOption; limit: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const result = await listAlerts(db, { limit: options.limit, ...(options.status === 'all' ? {} : { status: options.status }) });
          if (options.json) process.stdout.write(`${JSON.stringify({ alerts: result.alerts, total: result.total })}\n`);
          else printAlerts(result.alerts, result.total);
        });
      }),
    );

  alerts
    .command('scan')
    .description('scan for alerts now (the days since the last scan, at most 7, and the last 7 days)')
    .option('--as-of <YYYY-MM-DD>', 'judge as if the data ended on this day', dateOption)
    .option('--days <N>', 'judge this many days up to the last one instead', integerOption('--days', 1, 7))
    .option('--json', 'the scan summary as JSON on stdout')
    .action(
      action(async (options: { asOf?: string; days?: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const summary = await scanAlerts(db, { reason: 'cli', ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.days ? { days: options.days } : {}) });
          if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else printScan(summary);
        });
      }),
    );

  for (const [verb, description, change] of [
    ['ack', 'acknowledge an alert (someone is on it)', acknowledgeAlert],
    ['resolve', 'resolve an alert', resolveAlert],
  ] as const) {
    alerts
      .command(verb)
      .description(description)
      .argument('<id>', 'the alert id (see `aisle alerts`)', integerOption('id', 1, Number.MAX_SAFE_INTEGER))
      .option('--json', 'the alert as JSON on stdout')
      .action(
        action(async (id: number, options: { json?: boolean }) => {
          await withWorkspace(dataDir(), async ({ db }) => {
            const alert = await change(db, CLI_ACTOR, id);
            if (options.json) process.stdout.write(`${JSON.stringify(alert)}\n`);
            else process.stdout.write(`Alert #${alert.id} is ${alert.status}.\n`);
          });
        }),
      );
  }
}
