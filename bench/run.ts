/**
 * `npm run bench`: every Aisle benchmark, one after another, in one run — default size, import,
 * query (with PostgreSQL), grid, report and load — each writing its own section of
 * bench/RESULTS.md, then a "Summary" section at the top: the machine, the datasets, how long each
 * benchmark took, which targets it met, and the whole run's time against its 20-minute budget.
 *
 * The shared 100,000 sellers × 365 days demo (bench/dataset.ts) is made first when this version of
 * the generator has none cached; its generation time is reported apart, as it happens once per
 * generator version. A benchmark that fails (or misses a target) does not stop the others; the run
 * exits non-zero when any did. `BENCH_ONLY=import,grid` runs a subset.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { ensureDataset, REPO_ROOT, type Dataset } from './dataset.ts';
import { countTargets, machineDescription, writeResultsSection } from './results-file.ts';

const BUDGET_MS = 20 * 60_000;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Step {
  key: string;
  script: string;
  /** The RESULTS.md section the benchmark writes. */
  section: string;
  what: string;
}

const STEPS: Step[] = [
  { key: 'default', script: 'default-size.ts', section: 'Default size (2,000 sellers × 180 days)', what: 'demo build, Overview and metric queries at the default size' },
  { key: 'import', script: 'import.ts', section: 'Import', what: '1,000,000-line CSV and 200,000-row xlsx imports vs bare read_csv, exceljs and a naive importer' },
  { key: 'query', script: 'query.ts', section: 'Query', what: 'Overview under 20 clients; metric queries on DuckDB vs PostgreSQL 15' },
  { key: 'grid', script: 'grid.ts', section: 'Grid', what: 'Sellers grid requests at 100,000 sellers' },
  { key: 'report', script: 'report.ts', section: 'Report', what: 'weekly report in PDF, XLSX, PPTX and HTML' },
  { key: 'load', script: 'load.ts', section: 'Load', what: '50 clients on the real server, reads only and with imports and report builds' },
];

interface Outcome {
  step: Step;
  ms: number;
  code: number | null;
  /** Targets in the section's tables: met / checked. */
  met: number;
  checked: number;
}

function runScript(script: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench', script)], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const stop = () => child.exitCode === null && child.kill('SIGTERM');
    process.once('exit', stop);
    child.once('error', () => resolve(null));
    child.once('exit', (code) => {
      process.off('exit', stop);
      resolve(code);
    });
  });
}

async function sectionText(heading: string): Promise<string> {
  const text = await readFile(path.join(REPO_ROOT, 'bench/RESULTS.md'), 'utf8').catch(() => '');
  return text.split(/\n(?=## )/).find((chunk) => chunk.split('\n', 1)[0]?.trim() === `## ${heading}`) ?? '';
}

const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')} s`;

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const steps = STEPS.filter((s) => !only || only.includes(s.key));
  const started = performance.now();
  const needsDataset = steps.some((s) => ['query', 'grid', 'load'].includes(s.key));
  let dataset: Dataset | null = null;
  if (needsDataset) dataset = await ensureDataset(log);

  const outcomes: Outcome[] = [];
  for (const step of steps) {
    log(`${step.key}: ${step.what}…`);
    const before = performance.now();
    const code = await runScript(step.script);
    const ms = performance.now() - before;
    const { met, checked } = countTargets(await sectionText(step.section));
    outcomes.push({ step, ms, code, met, checked });
    log(`${step.key}: ${code === 0 ? 'done' : `exit ${code}`} in ${minutes(ms)} (load average ${(loadavg()[0] ?? 0).toFixed(1)})`);
  }
  const totalMs = performance.now() - started;
  const benchMs = outcomes.reduce((sum, o) => sum + o.ms, 0);
  const failed = outcomes.filter((o) => o.code !== 0);

  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} by \`npm run bench\`${only ? ` (BENCH_ONLY=${only.join(',')})` : ''}; 1-minute load average at the end ${(loadavg()[0] ?? 0).toFixed(1)}.`,
    '',
    dataset
      ? `Large dataset: \`aisle demo --sellers ${dataset.sellers.toLocaleString('en-US')} --days ${dataset.days} --end 2026-11-23\` (${dataset.name}), ${dataset.generatedMs === null ? 'reused from bench/.data (made once per generator version)' : `generated in this run in ${minutes(dataset.generatedMs)}`}. Default-size dataset: \`aisle demo\` (2,000 sellers × 180 days), built by the benchmarks that use it.`
      : 'Large dataset: not used by the benchmarks of this run.',
    '',
    'Each figure below is a median and p95 of several runs or of every request; each comparison (bare DuckDB `read_csv`, exceljs alone, a naive importer, PostgreSQL 15) is measured in the same run as the figure it is compared with.',
    '',
    '| benchmark | what it measures | time | targets met | passed |',
    '|---|---|---|---|---|',
    ...outcomes.map((o) => `| [${o.step.key}](#${o.step.section.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')}) | ${o.step.what} | ${minutes(o.ms)} | ${o.checked ? `${o.met} of ${o.checked}` : '—'} | ${o.code === 0 ? 'yes' : `**no** (exit ${o.code})`} |`),
    `| **all** | | ${minutes(benchMs)} | ${outcomes.reduce((s, o) => s + o.met, 0)} of ${outcomes.reduce((s, o) => s + o.checked, 0)} | ${failed.length ? `**${failed.length} failed**` : 'yes'} |`,
    '',
    `Whole run: ${minutes(totalMs)}${dataset?.generatedMs ? ` including the dataset generation (${minutes(dataset.generatedMs)})` : ''}, against a budget of 20 minutes — ${totalMs <= BUDGET_MS ? 'within it' : benchMs <= BUDGET_MS ? '**over it** with the generation, within it without' : '**over it**'}.`,
  ];
  await writeResultsSection('Summary', lines, { first: true });
  process.stdout.write(`## Summary\n\n${lines.join('\n')}\n`);
  if (failed.length > 0) process.exitCode = 1;
}

await main();
