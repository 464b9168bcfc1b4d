/**
 * `aisle report weekly|monthly [--period 2026-W47|2026-11] [--format pdf,xlsx,pptx,html] [--out DIR]`:
 * writes the report files into DIR (default ./reports) and records the run in the archive the
 * Reports page lists. A period or format that cannot be read is a usage error (exit 2), decided
 * before the data dir is opened; a failure while building is exit 1.
 */
import path from 'node:path';
import { Argument, type Command } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { isUserError } from '../../core/shared/errors.ts';
import { generateReport, parseFormats, REPORT_FORMATS, type ReportFormat } from '../../core/reports/report-files.ts';
import { parseReportPeriod, REPORT_KINDS, type ReportKind } from '../../core/reports/report-period.ts';
import { action, UsageError } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

interface ReportOptions {
  period?: string;
  format: string;
  out: string;
}

function usage<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isUserError(error)) throw new UsageError(error.hint ? `${error.message} (${error.hint})` : error.message);
    throw error;
  }
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('build the weekly or monthly report (PDF, Excel, PowerPoint, HTML) into a folder')
    .addArgument(new Argument('<kind>', 'report kind').choices(REPORT_KINDS))
    .option('--period <PERIOD>', 'ISO week (2026-W47) or month (2026-11); default: the latest complete one with data')
    .option('--format <LIST>', `comma-separated formats: ${REPORT_FORMATS.join(', ')}`, REPORT_FORMATS.join(','))
    .option('--out <DIR>', 'folder the files are written to', './reports')
    .action(
      action(async (kind: ReportKind, options: ReportOptions) => {
        const formats: ReportFormat[] = usage(() => parseFormats(options.format));
        const period = options.period ? usage(() => parseReportPeriod(kind, options.period ?? '')).label : undefined;
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db }) => {
          process.stderr.write(`Building the ${kind} report${period ? ` ${period}` : ''} (${formats.join(', ')})…\n`);
          const result = await generateReport(db, { kind, period, formats, outDir: path.resolve(options.out), by: CLI_ACTOR.label });
          process.stdout.write(`Report ${result.kind} ${result.period}: ${result.findings} findings; archive #${result.id}\n`);
          for (const file of result.files) process.stdout.write(`  ${file.format.padEnd(5)} ${file.file} (${Math.round(file.bytes / 1024)} KB)\n`);
        });
      }),
    );
}
