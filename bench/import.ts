/**
 * `npm run bench:import`: the import pipeline's speed targets (issue 4), measured in one run.
 *  1. A generated 1,000,000-line orders CSV: the full import (parse, validate, upsert, refresh
 *     seller-days) against a bare DuckDB `read_csv` of the same file into a table — target ≤ 2× —
 *     and against a naive parse-and-INSERT-per-row baseline (timed on a 20,000-line sample and
 *     scaled) — target ≥ 10× faster.
 *  2. A generated 200,000-row xlsx: the full import against exceljs's streaming read of the same
 *     file alone — target ≤ 1.5×.
 *  3. Peak memory (RSS) of the process under 1 GB.
 * Every figure is taken in BENCH_IMPORT_RUNS runs (default 3) and reported as median and p95; each
 * ratio is computed within one run. BENCH_IMPORT_LINES and BENCH_IMPORT_XLSX_ROWS shorten a run.
 * Results replace the "Import" section of bench/RESULTS.md.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Database } from '../src/core/db/database.ts';
import { openDataDir } from '../src/core/db/open-data-dir.ts';
import { sql } from '../src/core/db/sql.ts';
import { importFile } from '../src/core/ingest/run-import.ts';

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_IMPORT_XLSX_ROWS ?? 200_000);
const NAIVE_SAMPLE = 20_000;
/** Runs of every timed figure (issue 10: a median and a p95 of several runs). */
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const HEADER = 'Order ID,Order Status,Created Time,Seller ID,Product Name,Quantity,Order Amount,Order Refund Amount,Buyer Username';
function line(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const amount = ((i * 7919) % 50000) / 100 + 1;
  return `O-${i},${i % 17 === 0 ? 'Cancelled' : 'Completed'},2026-10-${day} ${String(i % 24).padStart(2, '0')}:15:00,S-${i % 2000},Item ${i % 500},${(i % 3) + 1},"${amount.toLocaleString('en-US', { minimumFractionDigits: 2 })}",0,buyer-${i % 90000}`;
}

async function writeCsv(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < lines; i += 1) if (!out.write(`${line(i)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise((r) => out.end(r));
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Nearest-rank percentile of a list of numbers. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
const median = (values: readonly number[]) => percentile(values, 50);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** `median (p95 …)` of a list of times or ratios. */
const spread = (values: readonly number[], show: (v: number) => string) => `${show(median(values))} (p95 ${show(percentile(values, 95))})`;

async function writeXlsx(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = writer.addWorksheet('Orders');
  sheet.addRow(HEADER.split(',')).commit();
  for (let i = 0; i < rows; i += 1) {
    sheet.addRow([`X-${i}`, 'Completed', new Date(Date.UTC(2026, 9, (i % 28) + 1, i % 24, 15)), `S-${i % 2000}`, `Item ${i % 500}`, (i % 3) + 1, ((i * 7919) % 50000) / 100 + 1, 0, `buyer-${i % 90000}`]).commit();
  }
  await writer.commit();
}

interface Run {
  readCsv: number;
  csvImport: number;
  streamRead: number;
  xlsxImport: number;
}

/**
 * One run: each import next to its baseline, so their ratio is measured under the same load. Each
 * run imports into a workspace of its own (the same file twice would be skipped as a duplicate).
 */
async function oneRun(dir: string, run: number, csv: string, xlsx: string): Promise<Run> {
  // The baseline writes into a database file too, as the import does.
  const bare = await Database.open(path.join(dir, `bare-${run}.duckdb`));
  const readCsv = await timed(() => bare.run(sql`CREATE TABLE raw AS SELECT * FROM read_csv(${csv}, header = true, all_varchar = true)`));
  await bare.close();
  await rm(path.join(dir, `bare-${run}.duckdb`), { force: true });

  // The workspace is opened as `aisle import` opens it (openDataDir, no bench-only settings).
  const { db } = await openDataDir(path.join(dir, `ws-${run}`));
  const full = await timed(() => importFile(db, csv, { kind: 'orders', by: 'bench' }));
  if (full.value.rowsLoaded !== LINES) throw new Error(`expected ${LINES} rows loaded, got ${full.value.rowsLoaded}`);

  const streamRead = await timed(async () => {
    let rows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
    for await (const ws of reader) for await (const _row of ws) rows += 1;
    return rows;
  });
  const xlsxImport = await timed(() => importFile(db, xlsx, { kind: 'orders', by: 'bench' }));
  if (xlsxImport.value.rowsLoaded !== XLSX_ROWS) throw new Error(`expected ${XLSX_ROWS} xlsx rows loaded, got ${xlsxImport.value.rowsLoaded}`);
  await db.close();
  await rm(path.join(dir, `ws-${run}`), { recursive: true, force: true });
  const result = { readCsv: readCsv.ms, csvImport: full.ms, streamRead: streamRead.ms, xlsxImport: xlsxImport.ms };
  process.stderr.write(`run ${run + 1}/${RUNS}: csv ${seconds(result.csvImport)} / read_csv ${seconds(result.readCsv)}, xlsx ${seconds(result.xlsxImport)} / exceljs ${seconds(result.streamRead)}, load ${loadavg()[0]?.toFixed(2)}\n`);
  return result;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aisle-bench-import-'));
  const loadBefore = loadavg()[0] ?? 0;
  const csv = path.join(dir, 'orders.csv');
  await writeCsv(csv, LINES);
  // xlsx: the same shape, XLSX_ROWS rows, written with exceljs's streaming writer.
  const xlsx = path.join(dir, 'orders.xlsx');
  await writeXlsx(xlsx, XLSX_ROWS);

  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await oneRun(dir, run, csv, xlsx));

  // Naive baseline: parse each line in JS and INSERT it on its own (what a quick script would do).
  const naiveDb = await Database.open(':memory:');
  await naiveDb.exec('CREATE TABLE lines (order_id VARCHAR, status VARCHAR, ordered_at TIMESTAMP, seller_id VARCHAR, product VARCHAR, quantity INTEGER, amount DECIMAL(18,2))');
  const sample: string[] = [];
  for (let i = 0; i < NAIVE_SAMPLE; i += 1) sample.push(line(i));
  const naive = await timed(async () => {
    for (const text of sample) {
      const cells = text.match(/("[^"]*"|[^,]+)/g) ?? [];
      const amount = Number((cells[6] ?? '').replaceAll('"', '').replaceAll(',', ''));
      await naiveDb.run(sql`INSERT INTO lines VALUES (${cells[0] ?? ''}, ${cells[1] ?? ''}, ${cells[2] ?? ''}, ${cells[3] ?? ''}, ${cells[4] ?? ''}, ${Number(cells[5])}, ${amount})`);
    }
  });
  await naiveDb.close();
  const naiveScaled = (naive.ms / NAIVE_SAMPLE) * LINES;
  clearInterval(sampler);
  const loadAfter = loadavg()[0] ?? 0;
  await rm(dir, { recursive: true, force: true });

  const csvRatios = runs.map((r) => r.csvImport / r.readCsv);
  const xlsxRatios = runs.map((r) => r.xlsxImport / r.streamRead);
  const naiveRatios = runs.map((r) => naiveScaled / r.csvImport);
  const csvRatio = median(csvRatios);
  const naiveRatio = median(naiveRatios);
  const xlsxRatio = median(xlsxRatios);
  const times = (key: keyof Run) => spread(runs.map((r) => r[key]), seconds);
  const ratios = (values: number[]) => spread(values, (v) => `${v.toFixed(2)}×`);
  const checks = [
    [`CSV import of ${LINES.toLocaleString('en-US')} order lines`, times('csvImport'), `${ratios(csvRatios)} bare read_csv, ${times('readCsv')}`, '≤ 2×', csvRatio <= 2],
    ['vs naive parse + INSERT per row', `${(naiveScaled / 1000).toFixed(0)} s (scaled from ${NAIVE_SAMPLE.toLocaleString('en-US')} rows, one run)`, `${naiveRatio.toFixed(0)}× faster (slowest run ${Math.min(...naiveRatios).toFixed(0)}×)`, '≥ 10×', naiveRatio >= 10],
    [`xlsx import of ${XLSX_ROWS.toLocaleString('en-US')} rows`, times('xlsxImport'), `${ratios(xlsxRatios)} exceljs streaming read alone, ${times('streamRead')}`, '≤ 1.5×', xlsxRatio <= 1.5],
    ['peak memory (RSS) of the whole run', `${(peakRss / 2 ** 20).toFixed(0)} MiB`, '', '< 1 GiB', peakRss < 2 ** 30],
  ] as const;
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const section = [
    '',
    '## Import',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine} by \`npm run bench:import\`: ${RUNS} runs, each import timed right after its baseline in the same run; times and ratios are the median (p95) of the runs, a target is met when the median ratio meets it. 1-minute load average ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end (other work shares the machine).`,
    '',
    '| measurement | time | ratio | target | pass |',
    '|---|---|---|---|---|',
    ...checks.map(([name, time, ratio, target, pass]) => `| ${name} | ${time} | ${ratio} | ${target} | ${pass ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
  const resultsFile = new URL('./RESULTS.md', import.meta.url);
  const existing = await readFile(resultsFile, 'utf8').catch(() => '# Aisle benchmark results\n');
  const previous = /\n## Import\n[\s\S]*?(?=\n## |$)/;
  // The section is replaced where it stands, so the other sections keep their order.
  await writeFile(resultsFile, previous.test(existing) ? existing.replace(previous, section.trimEnd() + '\n') : existing + section);
  process.stdout.write(`${section}\n`);
  if (checks.some((c) => !c[4])) process.exitCode = 1;
}

await main();
