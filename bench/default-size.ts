/**
 * `npm run bench:default`: the default-size demo (2,000 sellers × 180 days), the size
 * `npm start` opens with — measured on this machine and written to bench/RESULTS.md under
 * "Default size"; the other sections are kept. Targets are checked here, never as timed assertions
 * in tests.
 *   - demo build under 30 s
 *   - Overview and metric queries on that dataset
 * Set BENCH_RUNS to change the repetitions (default 3). Part of `npm run bench` (bench/run.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDataDir } from '../src/core/db/open-data-dir.ts';
import { DEFAULT_DEMO, generateDemo } from '../src/core/demo/generate-demo.ts';
import { getOverview } from '../src/core/kpis/overview.ts';
import { queryMetrics } from '../src/core/metrics/query-metrics.ts';
import { measure, type Measurement } from './measure.ts';
import { machineDescription, writeResultsSection } from './results-file.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const END = '2026-11-23';
const RESULTS_SECTION = 'Default size (2,000 sellers × 180 days)';

async function main(): Promise<void> {
  const results: Measurement[] = [];
  const dirs: string[] = [];
  const build = await measure('demo build, 2,000 sellers × 180 days (fresh file)', RUNS, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aisle-bench-'));
    dirs.push(dir);
    const { db } = await openDataDir(dir);
    await generateDemo(db, { ...DEFAULT_DEMO, end: END });
    await db.close();
  });
  results.push({ ...build, target: '< 30 s', pass: build.p95Ms < 30_000 });

  const { db } = await openDataDir(dirs[0] ?? '');
  const overview = await measure('overview (7 days vs 7, trend 28 days)', 20, async () => void (await getOverview(db)));
  results.push({ ...overview, target: '< 250 ms', pass: overview.p95Ms < 250 });
  results.push(
    await measure('query gmv, orders, aov by subcategory × week, 180 days', 20, async () => {
      await queryMetrics(db, { metrics: ['gmv', 'orders', 'aov'], by: ['subcategory'], grain: 'week', from: '2026-05-28', to: END });
    }),
  );
  results.push(
    await measure('query gmv, live_gmv_share by seller, 30 days', 20, async () => {
      await queryMetrics(db, { metrics: ['gmv', 'live_gmv_share'], by: ['seller'], from: '2026-10-25', to: END });
    }),
  );
  await db.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });

  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} by \`npm run bench:default\`.`,
    '',
    '| benchmark | runs | median | p95 | target | pass |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.runs} | ${(r.medianMs / 1000).toFixed(3)} s | ${(r.p95Ms / 1000).toFixed(3)} s | ${r.target ?? '—'} | ${r.pass === undefined ? '—' : r.pass ? 'yes' : '**no**'} |`),
  ];
  await writeResultsSection(RESULTS_SECTION, lines);
  process.stdout.write(`## ${RESULTS_SECTION}\n\n${lines.join('\n')}\n`);
  if (results.some((r) => r.pass === false)) process.exitCode = 1;
}

await main();
