/**
 * `aisle import FILE… --kind KIND` (CONTRACTS.md §1): all or nothing per file by default,
 * `--skip-invalid` to load the valid rows and keep the rest, `--dry-run` to check without loading,
 * `--seller ID_OR_NAME` for an export of one shop that names no seller in a column.
 * `--json` prints one result object per file on stdout; exit code 1 when any file was refused.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { importFile } from '../../core/ingest/run-import.ts';
import { importChangedData, scanQuietly } from '../../core/kpis/alerts/index.ts';
import { printScan } from './alerts.ts';
import { recomputeQuietly } from '../../core/sellers/segments/index.ts';
import { printRecompute } from './segments.ts';
import { IMPORT_KINDS } from '../../core/ingest/kinds/index.ts';
import { LIVE_EVENTS_KIND } from '../../core/livestreams/events/live-event-names.ts';
import type { ImportOptions, ImportResult } from '../../core/ingest/import-types.ts';
import { UserError } from '../../core/shared/errors.ts';
import { validateTimezone } from '../../core/shared/settings.ts';
import { action, reportError } from '../run-command.ts';
import { collect, integerOption } from '../parse-options.ts';
import { progressBar } from '../progress.ts';
import { withWorkspace } from '../workspace.ts';

interface ImportCliOptions {
  kind: string;
  sheet?: string;
  headerRow?: number;
  map: string[];
  mappingFile?: string;
  year?: number;
  timezone?: string;
  currency?: string;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  seller?: string;
  livestream?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

async function mappingFrom(options: ImportCliOptions): Promise<Record<string, string>> {
  const map: Record<string, string> = {};
  if (options.mappingFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(options.mappingFile, 'utf8'));
    } catch (error) {
      throw new UserError(`cannot read the mapping file ${options.mappingFile}: ${(error as Error).message}`, { hint: 'it must be a JSON object {"Source header": "field"}' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UserError('the mapping file must hold a JSON object {"Source header": "field"}');
    for (const [header, field] of Object.entries(parsed)) map[header] = typeof field === 'string' ? field : '';
  }
  for (const item of options.map) {
    const at = item.lastIndexOf('=');
    if (at <= 0) throw new UserError(`--map "${item}" must look like "Source header=field" (or "Source header=" to ignore it)`);
    map[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return map;
}

function printSummary(result: ImportResult): void {
  if (result.kind === LIVE_EVENTS_KIND) {
    printRecordingSummary(result);
    return;
  }
  const verb = result.duplicateOf ? `already imported (same file as ${result.duplicateOf}); nothing loaded` : result.status === 'rejected' ? 'refused: nothing loaded' : result.status === 'dry_run' ? 'checked (dry run, nothing loaded)' : 'loaded';
  process.stdout.write(
    `${result.file}: ${verb}. Read ${result.rowsRead}, loaded ${result.rowsLoaded}, rejected ${result.rowsRejected}, blank rows skipped ${result.rowsSkipped}` +
      `${result.sheet ? `, sheet "${result.sheet}"` : ''}${result.headerRow ? `, header on row ${result.headerRow}` : ''}.\n`,
  );
  if (result.ignoredColumns.length) process.stdout.write(`  ignored columns: ${result.ignoredColumns.join(', ')}\n`);
  for (const e of result.errors.slice(0, 20)) {
    process.stdout.write(`  row ${e.row}${e.column ? `, column "${e.column}"` : ''}${e.value !== null ? `, value "${e.value}"` : ''}: ${e.message}\n`);
  }
  if (result.errors.length > 20) process.stdout.write(`  … ${result.rowsRejected - 20} more rows: use --json for all, or download them from the Imports page\n`);
  if (result.status === 'rejected') process.stdout.write('  → fix the rows above, or pass --skip-invalid to load the valid rows and keep the rejected ones\n');
}

/** A recording's lines are its rows: events loaded into one session, malformed lines reported. */
function printRecordingSummary(result: ImportResult): void {
  const verb = result.duplicateOf ? `already imported (same file as ${result.duplicateOf}); nothing loaded` : result.status === 'rejected' ? 'refused: nothing loaded' : result.status === 'dry_run' ? 'checked (dry run, nothing loaded)' : 'loaded';
  const session = result.livestreamId ? ` into session ${result.livestreamId} (observed figures)` : '';
  process.stdout.write(`${result.file}: ${verb}. Lines ${result.rowsRead}, events loaded ${result.rowsLoaded}${session}, malformed lines ${result.rowsRejected}, blank lines ${result.rowsSkipped}.\n`);
  for (const e of result.errors.slice(0, 20)) {
    process.stdout.write(`  line ${e.row}${e.column ? `, field "${e.column}"` : ''}${e.value !== null ? `, value ${JSON.stringify(e.value.slice(0, 80))}` : ''}: ${e.message}\n`);
  }
  if (result.errors.length > 20) process.stdout.write(`  … ${result.rowsRejected - 20} more lines: use --json for all, or download them from the Imports page\n`);
  if (result.status === 'rejected') process.stdout.write('  → fix the lines above, or pass --skip-invalid to load the readable events and keep the malformed lines\n');
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import exports (xlsx/csv) of one kind, or JSON-lines recordings of LIVEs (--kind live_events)')
    .argument('<file...>', 'files to import')
    .addOption(new Option('--kind <KIND>', 'what the files hold').choices([...IMPORT_KINDS, LIVE_EVENTS_KIND]).makeOptionMandatory())
    .option('--sheet <NAME>', 'worksheet to read (default: the one that matches the kind)')
    .option('--header-row <N>', 'row of the header, 1-based (default: detected)', integerOption('--header-row', 1, 10_000))
    .option('--map <"Header=field">', 'map a source column to a field; "Header=" ignores it (repeatable)', collect, [])
    .option('--mapping-file <FILE>', 'JSON object {"Source header": "field"}')
    .option('--year <YYYY>', 'year for dates written without one', integerOption('--year', 1990, 2100))
    .option('--timezone <TZ>', 'time zone of timestamps without an offset (default: the workspace time zone)')
    .option('--currency <CUR>', 'currency the file is in (must be the workspace currency)')
    .addOption(new Option('--date-order <ORDER>', 'how to read ambiguous dates like 03/04/2025').choices(['dmy', 'mdy', 'ymd']))
    .option('--seller <ID_OR_NAME>', 'seller of every row, for an export of one shop without a seller column (an id, else a name)')
    .option('--livestream <ID>', 'live_events: the session a recording belongs to (default: the session whose id is the recording\'s roomId)')
    .option('--skip-invalid', 'load the valid rows and keep the rejected ones')
    .option('--dry-run', 'check everything, load nothing')
    .option('--json', 'one JSON object per file on stdout')
    .action(
      action(async (files: string[], options: ImportCliOptions) => {
        if (options.timezone) validateTimezone(options.timezone);
        if (options.livestream && options.kind !== LIVE_EVENTS_KIND) throw new UserError('--livestream applies to --kind live_events only', { hint: 'drop --livestream, or import a recording with --kind live_events' });
        const map = await mappingFrom(options);
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db }) => {
          let failed = false;
          let changed = false;
          for (const file of files) {
            const importOptions: ImportOptions = {
              kind: options.kind,
              by: 'cli',
              map,
              ...(options.sheet ? { sheet: options.sheet } : {}),
              ...(options.headerRow ? { headerRow: options.headerRow } : {}),
              ...(options.year ? { year: options.year } : {}),
              ...(options.timezone ? { timezone: options.timezone } : {}),
              ...(options.currency ? { currency: options.currency } : {}),
              ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
              ...(options.seller ? { seller: options.seller } : {}),
              ...(options.livestream ? { livestream: options.livestream } : {}),
              skipInvalid: options.skipInvalid ?? false,
              dryRun: options.dryRun ?? false,
            };
            const bar = progressBar(!options.json);
            try {
              const result = await importFile(db, file, importOptions, bar.update);
              bar.stop();
              if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
              else printSummary(result);
              if (result.status === 'rejected' || result.status === 'failed') failed = true;
              // Observed figures of a recording feed no segment or alert.
              if (importChangedData(result) && result.kind !== LIVE_EVENTS_KIND) changed = true;
            } catch (error) {
              bar.stop();
              failed = true;
              if (options.json) process.stdout.write(`${JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) })}\n`);
              process.stderr.write(`${file}: `);
              reportError(error);
            }
          }
          // The imports have committed; a failing recompute or alert scan is reported and changes nothing else.
          if (changed) {
            const segments = await recomputeQuietly(db, 'import', (error) => {
              process.stderr.write(`warning: recomputing seller segments after the import failed (the import itself is done): ${error instanceof Error ? error.message : String(error)}\n`);
            });
            if (segments) printRecompute(segments, options.json ? process.stderr : process.stdout);
            const summary = await scanQuietly(db, 'import', (error) => {
              process.stderr.write(`warning: the alert scan after the import failed (the import itself is done): ${error instanceof Error ? error.message : String(error)}\n`);
            });
            if (summary) printScan(summary, options.json ? process.stderr : process.stdout);
          }
          if (failed) process.exitCode = 1;
        });
      }),
    );
}
