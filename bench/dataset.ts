/**
 * The large workspace the query, grid and load benchmarks share: `aisle demo --sellers 100000
 * --days 365 --end 2026-11-23`, generated once and cached in bench/.data/ under a fingerprint of
 * the demo generator, so later runs start at once and a changed generator never benchmarks stale
 * data. `BENCH_SELLERS` / `BENCH_DAYS` change the size (for quick trials); `BENCH_DATASET_DIR`
 * names an existing data dir to use as it is.
 *
 * The cached file is never written by a benchmark that changes data: those work on a copy
 * (`copyDataset`). Benchmarks that only read may open it in place.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATASET_END = '2026-11-23';
export const DATASET_SELLERS = Number(process.env.BENCH_SELLERS ?? process.env.BENCH_QUERY_SELLERS ?? 100_000);
export const DATASET_DAYS = Number(process.env.BENCH_DAYS ?? process.env.BENCH_QUERY_DAYS ?? 365);
const CACHE_ROOT = path.join(REPO_ROOT, 'bench/.data');

export interface Dataset {
  dir: string;
  name: string;
  sellers: number;
  days: number;
  /** Generation time when this call made it, null when it was reused. */
  generatedMs: number | null;
}

/**
 * What the cached dataset depends on: the demo generator and the two refreshes it derives
 * seller-days and seller activity with. Migrations are left out on purpose: opening the cached
 * file migrates it like any workspace, and a new table elsewhere in the schema (most migrations)
 * would otherwise cost a full regeneration; a change to what the demo writes changes the
 * generator too.
 */
export async function datasetFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const demoDir = path.join(REPO_ROOT, 'src/core/demo');
  const files = [
    ...(await readdir(demoDir))
      // Clearing runs first and finds nothing to clear in the new, empty data dir the dataset is made in.
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'clear-demo-data.sql.ts')
      .map((f) => path.join(demoDir, f)),
    path.join(REPO_ROOT, 'src/core/ingest/refresh-seller-days.ts'),
    path.join(REPO_ROOT, 'src/core/sellers/refresh-seller-activity.ts'),
  ].sort();
  for (const file of files) hash.update(path.relative(REPO_ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 12);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function runDemo(dir: string, sellers: number, days: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const args = ['--data-dir', dir, 'demo', '--sellers', String(sellers), '--days', String(days), '--end', DATASET_END];
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/aisle.cjs'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const stop = () => child.exitCode === null && child.kill('SIGTERM');
    process.once('exit', stop);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('exit', stop);
      if (code === 0) resolve();
      else reject(new Error(`aisle demo failed (${signal ?? code})`));
    });
  });
}

/** The cached dataset of this size and generator, generated first when there is none. */
export async function ensureDataset(log: (line: string) => void, size = { sellers: DATASET_SELLERS, days: DATASET_DAYS }): Promise<Dataset> {
  const given = process.env.BENCH_DATASET_DIR;
  if (given) {
    if (!(await exists(path.join(given, 'aisle.duckdb')))) throw new Error(`BENCH_DATASET_DIR=${given} holds no aisle.duckdb`);
    log(`dataset: using ${given} as it is (BENCH_DATASET_DIR)`);
    return { dir: given, name: path.basename(given), ...size, generatedMs: null };
  }
  const name = `${size.sellers}x${size.days}-${await datasetFingerprint()}`;
  const dir = path.join(CACHE_ROOT, name);
  if (await exists(path.join(dir, 'aisle.duckdb'))) {
    log(`dataset: reusing bench/.data/${name}`);
    return { dir, name, ...size, generatedMs: null };
  }
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(CACHE_ROOT, { recursive: true });
  log(`dataset: GENERATING ${size.sellers.toLocaleString('en-US')} sellers × ${size.days} days into bench/.data/${name} (once per generator version)…`);
  const started = performance.now();
  await runDemo(partial, size.sellers, size.days);
  const generatedMs = performance.now() - started;
  await rename(partial, dir);
  log(`dataset: generated in ${(generatedMs / 1000).toFixed(0)} s`);
  // Caches of this size made by another generator are outdated now (≈ 10 GB each at full size).
  for (const old of await readdir(CACHE_ROOT)) {
    if (old.startsWith(`${size.sellers}x${size.days}-`) && old !== name) {
      log(`dataset: removing the outdated ${old}`);
      await rm(path.join(CACHE_ROOT, old), { recursive: true, force: true });
    }
  }
  return { dir, name, ...size, generatedMs };
}

/** A private copy of the dataset's database in `target` (a benchmark that writes works on this). */
export async function copyDataset(dataset: Dataset, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await copyFile(path.join(dataset.dir, 'aisle.duckdb'), path.join(target, 'aisle.duckdb'));
}
