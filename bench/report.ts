/**
 * `npm run bench:report`: the weekly report in all four formats (PDF, XLSX, PPTX, HTML) on the
 * default demo (`aisle demo`, 2,000 sellers × 180 days) — issue 9's target: under 10 s. The demo
 * is generated once into bench/.data/report (again when missing); each run builds the model from
 * the core, renders every format and writes the files, as `aisle report weekly` does. The first
 * run is reported apart (cold: pre-aggregations and benchmarks are built by the first query after
 * the data appears). A breakdown of one warm run shows where the time goes. Results go to the
 * "Report" section of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataDir } from '../src/core/db/open-data-dir.ts';
import { buildReport } from '../src/core/reports/build-report.ts';
import { generateReport, REPORT_FORMATS, renderFormat } from '../src/core/reports/report-files.ts';
import { measure } from './measure.ts';
import { machineDescription, writeResultsSection } from './results-file.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA_DIR = path.join(REPO_ROOT, 'bench/.data/report');
const OUT_DIR = path.join(REPO_ROOT, 'bench/out/report');
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);
const TARGET_MS = 10_000;

const log = (line: string) => process.stderr.write(`[bench:report] ${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  if (!existsSync(path.join(DATA_DIR, 'aisle.duckdb'))) {
    log(`generating the default demo into ${DATA_DIR}…`);
    const demo = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/aisle.cjs'), '--data-dir', DATA_DIR, 'demo'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (demo.status !== 0) throw new Error(`aisle demo failed with exit code ${demo.status}`);
  }
  await rm(OUT_DIR, { recursive: true, force: true });
  const { db } = await openDataDir(DATA_DIR);
  try {
    const formats = [...REPORT_FORMATS];
    const run = () => generateReport(db, { kind: 'weekly', formats, outDir: OUT_DIR, by: 'bench' });
    const started = performance.now();
    const first = await run();
    const coldMs = performance.now() - started;
    log(`cold run ${seconds(coldMs)} (${first.period}, ${first.findings} findings)`);
    const warm = await measure('weekly report, all formats', RUNS, async () => {
      await run();
    });
    log(`warm median ${seconds(warm.medianMs)}, p95 ${seconds(warm.p95Ms)}`);

    const parts: [string, number][] = [];
    let t = performance.now();
    const model = await buildReport(db, { kind: 'weekly' });
    parts.push(['model (core queries, seller map snapshots, findings)', performance.now() - t]);
    for (const format of formats) {
      t = performance.now();
      await renderFormat(model, format);
      parts.push([`render ${format}`, performance.now() - t]);
    }
    const load = loadavg()[0]?.toFixed(1) ?? '?';
    const pass = coldMs < TARGET_MS && warm.p95Ms < TARGET_MS;
    await writeResultsSection('Report', [
      `${machineDescription()}; machine load average ${load} at the end (the machine is shared).`,
      '',
      `The weekly report ${first.period} of the default demo (\`aisle demo\`: 2,000 sellers × 180 days) in PDF, XLSX, PPTX and HTML, written to files as \`aisle report weekly\` does (\`npm run bench:report\`).`,
      '',
      '| measurement | runs | median | p95 | target | pass |',
      '|---|---|---|---|---|---|',
      `| first run after opening the workspace (cold) | 1 | ${seconds(coldMs)} | ${seconds(coldMs)} | < 10 s | ${coldMs < TARGET_MS ? 'yes' : '**no**'} |`,
      `| weekly report, all four formats | ${warm.runs} | ${seconds(warm.medianMs)} | ${seconds(warm.p95Ms)} | < 10 s | ${warm.p95Ms < TARGET_MS ? 'yes' : '**no**'} |`,
      '',
      'Where one warm run spends its time:',
      '',
      '| part | time |',
      '|---|---|',
      ...parts.map(([name, ms]) => `| ${name} | ${seconds(ms)} |`),
      '',
      pass ? 'Target met.' : 'Target **missed**.',
    ]);
    log(`written to bench/RESULTS.md (${pass ? 'pass' : 'FAIL'})`);
  } finally {
    await db.close();
  }
}

await main();
