/**
 * `npm run bench:query`: the speed of Aisle's metric layer and Overview on a large workspace
 * (issue 5), measured in one run and written to bench/RESULTS.md under "Query".
 *  1. Overview under load: the real server (`aisle serve`) answers 20 concurrent clients
 *     (autocannon) cycling through the Overview a team opens — every period preset × previous
 *     period / last year / target — with p95 ≤ 100 ms. Answers are reused until the data changes,
 *     so the same run also reports what a request costs when nothing is cached (the first opening
 *     of each preset, and custom periods that were never asked before): the price paid after an
 *     import.
 *  2. Engines: the same metric queries, compiled by Aisle's compiler once for DuckDB and once for
 *     PostgreSQL 15 (Debian's package, started here on loopback, loaded with the same rows and
 *     indexed), timed on both — target: DuckDB ≥ 10× faster — and checked to return the same
 *     numbers, row by row.
 * The dataset (default 100,000 sellers × 365 days, `BENCH_QUERY_SELLERS` / `BENCH_QUERY_DAYS`) is
 * the one the grid and load benchmarks share (bench/dataset.ts): generated once with `aisle demo`
 * and cached in bench/.data/ under a fingerprint of the demo generator, so later runs start at once (`BENCH_QUERY_DATA_DIR` benchmarks an
 * existing data dir instead; it gets a `bench@aisle.local` viewer). `BENCH_QUERY_RUNS` (default 5) sets the
 * repetitions per query, `BENCH_QUERY_SECONDS` (default 25) the length of the load test.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type pg from 'pg';
import { getFreePort, killTree, runAisle } from '../e2e/support/server.ts';
import type { Database } from '../src/core/db/database.ts';
import { duckdbDialect, postgresDialect } from '../src/core/db/dialect/index.ts';
import { openDataDir } from '../src/core/db/open-data-dir.ts';
import { sql } from '../src/core/db/sql.ts';
import { getMetric } from '../src/core/metrics/catalog/index.ts';
import { compileMetricQuery } from '../src/core/metrics/compile-query.ts';
import { ensureRollups, PRE_AGGREGATED_SOURCES } from '../src/core/metrics/pre-aggregation.ts';
import { queryMetrics } from '../src/core/metrics/query-metrics.ts';
import type { MetricRequest } from '../src/core/metrics/metric-request.ts';
import { addDays } from '../src/core/shared/dates.ts';
import { startPostgres, POSTGRES_SETTINGS, type PostgresServer } from './postgres-server.ts';
import { ensureDataset as ensureSharedDataset } from './dataset.ts';
import { machineDescription, writeResultsSection } from './results-file.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELLERS = Number(process.env.BENCH_QUERY_SELLERS ?? 100_000);
const DAYS = Number(process.env.BENCH_QUERY_DAYS ?? 365);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 5);
const LOAD_SECONDS = Number(process.env.BENCH_QUERY_SECONDS ?? 25);
const CONNECTIONS = 20;
const END = '2026-11-23';
const UNCACHED_REQUESTS = 10;
const TARGET_P95_MS = 100;
const TARGET_RATIO = 10;
const BENCH_USER = 'bench@aisle.local';

/**
 * Every table the compared queries read (the catalog's FROM clauses: facts, the seller and its
 * computed segments), with the keys and indexes a PostgreSQL user would add. A table the workspace
 * does not have yet is skipped; a query reading a table missing here fails loudly on PostgreSQL.
 */
const PG_TABLES: { table: string; key: string[]; indexes: string[][] }[] = [
  { table: 'categories', key: ['id'], indexes: [] },
  { table: 'sellers', key: ['id'], indexes: [['subcategory_id']] },
  { table: 'seller_segments', key: ['seller_id'], indexes: [] },
  { table: 'seller_days', key: ['seller_id', 'date'], indexes: [['date']] },
  { table: 'livestreams', key: ['id'], indexes: [['start_date'], ['seller_id', 'start_date']] },
];

const log = (line: string) => process.stderr.write(`[bench:query] ${line}\n`);
const cleanups: (() => Promise<void>)[] = [];

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const count = (value: number) => value.toLocaleString('en-US');

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

// ---------------------------------------------------------------------------------------------
// Dataset: generated once per (size, generator), then reused

/** The shared large dataset (bench/dataset.ts); `BENCH_QUERY_DATA_DIR` names an existing data dir instead. */
async function ensureDataset(): Promise<string> {
  const given = process.env.BENCH_QUERY_DATA_DIR;
  if (given) {
    if (!(await stat(path.join(given, 'aisle.duckdb')).catch(() => null))) throw new Error(`BENCH_QUERY_DATA_DIR=${given} holds no aisle.duckdb`);
    log(`dataset: using ${given} as it is (BENCH_QUERY_DATA_DIR)`);
    return given;
  }
  return (await ensureSharedDataset(log, { sellers: SELLERS, days: DAYS })).dir;
}

interface DatasetSize {
  sellers: number;
  sellerDays: number;
  livestreams: number;
  orderLines: number;
  fileBytes: number;
}

async function datasetSize(db: Database, dir: string): Promise<DatasetSize> {
  const [row] = await db.query<{ sellers: number; seller_days: number; livestreams: number; order_lines: number }>(sql`
    SELECT (SELECT count(*) FROM sellers) AS sellers, (SELECT count(*) FROM seller_days) AS seller_days,
           (SELECT count(*) FROM livestreams) AS livestreams, (SELECT count(*) FROM order_lines) AS order_lines`);
  const { size } = await stat(path.join(dir, 'aisle.duckdb'));
  return {
    sellers: row?.sellers ?? 0,
    sellerDays: row?.seller_days ?? 0,
    livestreams: row?.livestreams ?? 0,
    orderLines: row?.order_lines ?? 0,
    fileBytes: size,
  };
}

// ---------------------------------------------------------------------------------------------
// Engines: the same compiled metric queries on DuckDB and PostgreSQL

interface EngineQuery {
  name: string;
  request: MetricRequest;
}

function engineQueries(): EngineQuery[] {
  const days = (n: number) => ({ from: addDays(END, -(Math.min(n, DAYS) - 1)), to: END });
  return [
    {
      name: `gmv, orders, aov by subcategory × week, ${DAYS} days`,
      request: { metrics: ['gmv', 'orders', 'aov'], by: ['subcategory'], grain: 'week', ...days(DAYS) },
    },
    { name: 'gmv, live_gmv_share by seller, 30 days', request: { metrics: ['gmv', 'live_gmv_share'], by: ['seller'], ...days(30) } },
    {
      name: `live_sessions, engagement_rate, gpm, ctr by subcategory × month, ${DAYS} days`,
      request: { metrics: ['live_sessions', 'engagement_rate', 'gpm', 'ctr'], by: ['subcategory'], grain: 'month', ...days(DAYS) },
    },
    { name: 'seller_adoption_rate by subcategory, 28 days', request: { metrics: ['seller_adoption_rate'], by: ['subcategory'], ...days(28) } },
    {
      name: 'Overview tiles (gmv, orders, aov, live_gmv_share, seller_adoption_rate, live_sessions, engagement_rate, gpm), 7 days',
      request: {
        metrics: ['gmv', 'orders', 'aov', 'live_gmv_share', 'seller_adoption_rate', 'live_sessions', 'engagement_rate', 'gpm'],
        ...days(7),
      },
    },
  ];
}

type Row = Record<string, unknown>;

/**
 * Differences between two engines' answers: same rows in the same order, same columns, numbers
 * equal up to floating point (1e-9 relative; money rounded to cents may differ by one cent when
 * a double sits on the rounding boundary).
 */
function differences(query: EngineQuery, duck: Row[], post: Row[]): string[] {
  const problems: string[] = [];
  if (duck.length !== post.length) problems.push(`${duck.length} rows on DuckDB, ${post.length} on PostgreSQL`);
  const money = new Set(query.request.metrics.filter((m) => getMetric(m).format === 'money'));
  for (let i = 0; i < Math.min(duck.length, post.length) && problems.length < 5; i += 1) {
    const a = duck[i] ?? {};
    const b = post[i] ?? {};
    const keys = Object.keys(a);
    if (keys.join() !== Object.keys(b).join()) {
      problems.push(`row ${i}: columns ${keys.join()} vs ${Object.keys(b).join()}`);
      continue;
    }
    for (const key of keys) {
      const x = a[key];
      const y = b[key];
      if (typeof x === 'number' && typeof y === 'number') {
        const tolerance = Math.max(1e-9 * Math.max(Math.abs(x), Math.abs(y)), money.has(key) ? 0.0100001 : 1e-12);
        if (Math.abs(x - y) > tolerance) problems.push(`row ${i} ${key}: ${x} vs ${y}`);
      } else if (x !== y) {
        problems.push(`row ${i} ${key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
      }
    }
  }
  return problems;
}

interface EngineResult {
  name: string;
  /** Sources DuckDB read from their pre-aggregation, and those it read from the facts. */
  preAggregated: string[];
  fromFacts: string[];
  /** 1-minute load average of the machine when the query's runs ended. */
  loadAverage: number;
  rows: number;
  duck: number[];
  post: number[];
  mismatches: string[];
}

/** Exports the compared tables from DuckDB as CSV and loads them into PostgreSQL with keys and indexes. */
interface PostgresLoad {
  version: string;
  seconds: number;
  rows: Record<string, number>;
}

async function loadPostgres(db: Database, server: PostgresServer, client: pg.Client): Promise<PostgresLoad> {
  const start = performance.now();
  const rows: Record<string, number> = {};
  const pgType = (duckType: string) =>
    duckType === 'VARCHAR'
      ? 'text'
      : duckType === 'DOUBLE'
        ? 'double precision'
        : duckType === 'TIMESTAMP WITH TIME ZONE'
          ? 'timestamptz'
          : duckType; // DECIMAL(p,s), INTEGER, BIGINT, DATE, BOOLEAN, JSON are spelled alike
  for (const { table, key, indexes } of PG_TABLES) {
    const columns = await db.query<{ name: string; type: string }>(sql`
      SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_name = ${table} AND table_schema = 'main' ORDER BY ordinal_position`);
    if (columns.length === 0) continue;
    const file = path.join(server.shareDir, `${table}.csv`);
    const exported = await timed(() => db.exec(`COPY ${table} TO '${file}' (FORMAT csv, HEADER false)`));
    await client.query(`CREATE TABLE ${table} (${columns.map((c) => `"${c.name}" ${pgType(c.type)}`).join(', ')})`);
    const copied = await timed(() => client.query(`COPY ${table} FROM '${file}' (FORMAT csv)`));
    rows[table] = copied.value.rowCount ?? 0;
    await rm(file);
    const indexed = await timed(async () => {
      await client.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${key.map((c) => `"${c}"`).join(', ')})`);
      for (const columns of indexes) {
        await client.query(`CREATE INDEX ON ${table} (${columns.map((c) => `"${c}"`).join(', ')})`);
      }
      await client.query(`VACUUM ANALYZE ${table}`);
    });
    log(`postgres: ${table} ${count(rows[table] ?? 0)} rows (export ${ms(exported.ms)}, COPY ${ms(copied.ms)}, keys + indexes + VACUUM ANALYZE ${ms(indexed.ms)})`);
  }
  return { version: server.version, seconds: (performance.now() - start) / 1000, rows };
}

async function compareEngines(db: Database, client: pg.Client): Promise<{ results: EngineResult[]; rollupMs: number }> {
  // Aisle's own path (queryMetrics): additive metrics come from the pre-aggregations, built once
  // per data change — timed here on their own, as the first query after an import pays it.
  const { ms: rollupMs } = await timed(() => ensureRollups(db));
  log(`DuckDB pre-aggregations built in ${ms(rollupMs)}`);
  const results: EngineResult[] = [];
  for (const query of engineQueries()) {
    const planned = compileMetricQuery(duckdbDialect, query.request, { rollups: PRE_AGGREGATED_SOURCES });
    const preAggregated = planned.rollups;
    // Every fact source of the request is one CTE named src_<source>.
    const sources = [...planned.query.toQuery().text.matchAll(/"src_(\w+)" AS \(/g)].map((match) => match[1] ?? '');
    const fromFacts = sources.filter((source) => !(preAggregated as string[]).includes(source));
    const postSql = compileMetricQuery(postgresDialect, query.request).query.toQuery();
    const runDuck = async () => (await queryMetrics(db, query.request)).rows;
    const runPost = async () => (await client.query<Row>({ text: postSql.text, values: postSql.values })).rows;
    // One warm-up run each (file and buffer caches), whose answers are compared.
    const duckRows = await runDuck();
    const postRows = await runPost();
    const mismatches = differences(query, duckRows, postRows);
    const duck: number[] = [];
    const post: number[] = [];
    for (let run = 0; run < RUNS; run += 1) duck.push((await timed(runDuck)).ms);
    for (let run = 0; run < RUNS; run += 1) post.push((await timed(runPost)).ms);
    const result = { name: query.name, preAggregated, fromFacts, loadAverage: loadavg()[0] ?? 0, rows: duckRows.length, duck, post, mismatches };
    log(
      `${query.name}: DuckDB ${ms(percentile(duck, 50))}, PostgreSQL ${ms(percentile(post, 50))} ` +
        `(${(percentile(post, 50) / percentile(duck, 50)).toFixed(1)}×), ${duckRows.length} rows, ${mismatches.length ? `MISMATCH: ${mismatches.join('; ')}` : 'same answers'}`,
    );
    results.push(result);
  }
  return { results, rollupMs };
}

// ---------------------------------------------------------------------------------------------
// The Overview through the real server

const PERIODS = ['yesterday', 'last_7_days', 'last_28_days', 'week', 'month'] as const;
const COMPARES = ['previous', 'last_year', 'target'] as const;
const OVERVIEW_PATHS = PERIODS.flatMap((period) => COMPARES.map((compare) => `/api/overview?period=${period}&compare=${compare}`));

interface BenchServer {
  url: string;
  /** Messages of the server's log (pino JSON on stdout) that name a background job finishing. */
  backgroundJobs: { msg: string; at: number }[];
  stop(): Promise<void>;
}

/**
 * Log messages of the server's background jobs finishing or failing ("alert scan done", "seller
 * map recomputed", "livestream benchmarks ranked", "… failed"); request logs never match.
 */
const BACKGROUND_JOB = /\b(done|failed|recomputed|ranked)\b/i;

/**
 * `aisle serve` on a free loopback port, ready once /api/health answers. Its log is watched for
 * background jobs, so the report can say whether one ran while the Overview was measured.
 */
async function startBenchServer(dir: string): Promise<BenchServer> {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/aisle.cjs'), '--data-dir', dir, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', AISLE_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it takes every child along
  });
  let tail = '';
  const backgroundJobs: { msg: string; at: number }[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const msg = (JSON.parse(line) as { msg?: unknown }).msg;
        if (typeof msg === 'string' && BACKGROUND_JOB.test(msg)) backgroundJobs.push({ msg, at: Date.now() });
      } catch {
        // not a log line
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (tail = (tail + chunk).slice(-8_000)));
  const server = { url, backgroundJobs, stop: () => killTree(child, 15_000) };
  cleanups.push(server.stop);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`aisle serve exited before it was ready:\n${tail}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return server;
    if (Date.now() > deadline) throw new Error(`aisle serve did not answer ${url}/api/health within 180 s:\n${tail}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * After an import the server recomputes seller segments and scans for alerts in the background,
 * and at start it catches up on runs older than a day. Run both now with the CLI (timed: that is
 * the background work each import costs), so the server has nothing to catch up on and the
 * Overview is measured as a team meets it during the day, not in the minutes after a start.
 */
async function runBackgroundJobs(dir: string): Promise<{ name: string; ms: number }[]> {
  const { stdout: help } = await runAisle(dir, ['--help']);
  const jobs = [
    { name: 'seller segments and opportunities (`aisle segments recompute`)', command: 'segments', args: ['segments', 'recompute'] },
    { name: 'alert scan (`aisle alerts scan`)', command: 'alerts', args: ['alerts', 'scan'] },
  ].filter((job) => new RegExp(`^\\s+${job.command}\\b`, 'm').test(help));
  const timings: { name: string; ms: number }[] = [];
  for (const job of jobs) {
    const { ms: took } = await timed(() => runAisle(dir, job.args, { timeoutMs: 30 * 60_000 }));
    log(`background job ${job.name}: ${ms(took)}`);
    timings.push({ name: job.name, ms: took });
  }
  return timings;
}

async function signIn(server: BenchServer, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    // The server refuses state-changing requests from another origin (CSRF): send the page's own.
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: BENCH_USER, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${BENCH_USER}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('aisle_session='));
  if (!cookie) throw new Error('sign-in set no aisle_session cookie');
  return cookie;
}

/** A viewer (read is all the Overview needs), added with the CLI — or given a fresh password if a previous run added it. */
async function ensureBenchUser(dir: string): Promise<string> {
  const password = `quiet harbour ${randomBytes(12).toString('hex')}`;
  const { stdout } = await runAisle(dir, ['user', 'list', '--json']);
  const known = (JSON.parse(stdout) as { users: { email: string }[] }).users.some((user) => user.email === BENCH_USER);
  const args = known ? ['user', 'passwd', BENCH_USER, '--password-stdin'] : ['user', 'add', BENCH_USER, '--role', 'viewer', '--name', 'Benchmark', '--password-stdin'];
  await runAisle(dir, args, { input: password });
  return password;
}

async function getOverview(server: BenchServer, cookie: string, urlPath: string): Promise<number> {
  const { ms: took, value: response } = await timed(() => fetch(`${server.url}${urlPath}`, { headers: { cookie } }));
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${urlPath}: ${response.status} ${body.slice(0, 500)}`);
  return took;
}

interface OverviewResult {
  /** 1-minute load average of the machine right after the load test (other work on it skews every figure). */
  loadAverage: number;
  firstOpen: number[];
  uncached: number[];
  /** Background jobs the server finished during the sequential passes (after its start) and during the load test. */
  jobsBeforeLoad: string[];
  jobsDuringLoad: string[];
  load: { latencies: number[]; requests: number; seconds: number; errors: number; timeouts: number; non2xx: number };
}

async function benchOverview(server: BenchServer, cookie: string): Promise<OverviewResult> {
  // First opening of each preset: nothing cached yet.
  const firstOpen: number[] = [];
  for (const urlPath of OVERVIEW_PATHS) firstOpen.push(await getOverview(server, cookie, urlPath));
  log(`overview first opening of ${OVERVIEW_PATHS.length} variants: median ${ms(percentile(firstOpen, 50))}, max ${ms(Math.max(...firstOpen))}`);

  // Custom 7-day periods never asked before: the uncached cost, one request at a time.
  const uncached: number[] = [];
  for (let i = 0; i < UNCACHED_REQUESTS; i += 1) {
    const to = addDays(END, -(3 + i * 11));
    uncached.push(await getOverview(server, cookie, `/api/overview?period=custom&from=${addDays(to, -6)}&to=${to}&compare=previous`));
  }
  log(`overview uncached (custom periods): median ${ms(percentile(uncached, 50))}, p95 ${ms(percentile(uncached, 95))}`);

  log(`overview load: ${CONNECTIONS} connections for ${LOAD_SECONDS} s…`);
  const loadStart = Date.now();
  const latencies: number[] = [];
  const instance = autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
    timeout: 30,
    headers: { cookie },
    requests: OVERVIEW_PATHS.map((urlPath) => ({ method: 'GET', path: urlPath })),
  });
  cleanups.push(async () => instance.stop());
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const loadAverage = loadavg()[0] ?? 0;
  return {
    loadAverage,
    firstOpen,
    uncached,
    jobsBeforeLoad: server.backgroundJobs.filter((job) => job.at < loadStart).map((job) => job.msg),
    jobsDuringLoad: server.backgroundJobs.filter((job) => job.at >= loadStart).map((job) => job.msg),
    load: {
      latencies,
      requests: result.requests.total,
      seconds: result.duration,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function report(
  size: DatasetSize,
  overview: OverviewResult,
  engines: { results: EngineResult[]; rollupMs: number },
  pgLoad: PostgresLoad,
  jobs: { name: string; ms: number }[],
): { lines: string[]; pass: boolean } {
  const { load } = overview;
  const p95 = percentile(load.latencies, 95);
  const failures = load.errors + load.timeouts + load.non2xx;
  const loadPass = p95 <= TARGET_P95_MS && failures === 0 && load.latencies.length > 0;
  const yes = (pass: boolean) => (pass ? 'yes' : '**no**');
  const engineRows = engines.results.map((e) => {
    const ratio = percentile(e.post, 50) / percentile(e.duck, 50);
    const pass = ratio >= TARGET_RATIO && e.mismatches.length === 0;
    return { e, ratio, pass };
  });
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} by \`npm run bench:query\`.`,
    '',
    `Dataset: \`aisle demo --sellers ${SELLERS} --days ${DAYS} --end ${END}\` — ${count(size.sellers)} sellers, ` +
      `${count(size.sellerDays)} seller-days, ${count(size.livestreams)} livestreams, ${count(size.orderLines)} order lines ` +
      `(${(size.fileBytes / 2 ** 30).toFixed(1)} GiB DuckDB file).`,
    '',
    '### Overview through the real server',
    '',
    `\`aisle serve\` on loopback, signed in as a viewer; autocannon with ${CONNECTIONS} connections for ${LOAD_SECONDS} s, each cycling ` +
      `through the ${OVERVIEW_PATHS.length} Overview variants (${PERIODS.join(', ')} × ${COMPARES.join(', ')}). ` +
      'Answers are cached until the data changes, so under load they come from the cache (each request still checks the data version).',
    '',
    '| measurement | requests | median | p95 | target | pass |',
    '|---|---|---|---|---|---|',
    `| Overview under ${CONNECTIONS} concurrent clients (${(load.requests / load.seconds).toFixed(0)} req/s, ${failures} errors/timeouts/non-2xx; machine load average ${overview.loadAverage.toFixed(1)}) | ${count(load.latencies.length)} | ${ms(percentile(load.latencies, 50))} | ${ms(p95)} | p95 ≤ ${TARGET_P95_MS} ms, no errors | ${yes(loadPass)} |`,
    `| first opening of each variant after start (uncached, sequential) | ${overview.firstOpen.length} | ${ms(percentile(overview.firstOpen, 50))} | ${ms(percentile(overview.firstOpen, 95))} | — | — |`,
    `| custom 7-day periods never asked before (uncached, sequential) | ${overview.uncached.length} | ${ms(percentile(overview.uncached, 50))} | ${ms(percentile(overview.uncached, 95))} | — | — |`,
    '',
    'The uncached rows are what the first person to open a period pays after each import (every figure',
    'recomputed, including distinct buyers over the order lines); everyone after them gets the cached answer.',
    '',
    `Before the server started, the background work that follows every import ran with the CLI, so the server had nothing to catch up on: ${
      jobs.length ? jobs.map((job) => `${job.name} ${ms(job.ms)}`).join(', ') : 'none found in this build'
    }. Background jobs the server finished after its start, during the sequential openings: ${
      overview.jobsBeforeLoad.length ? overview.jobsBeforeLoad.join(', ') : 'none'
    }; during the load test: ${overview.jobsDuringLoad.length ? overview.jobsDuringLoad.join(', ') : 'none'}.`,
    '',
    '### DuckDB against PostgreSQL 15',
    '',
    "The same metric requests compiled by Aisle's compiler for each engine (`src/core/db/dialect/duckdb.ts`, `postgres.ts`), " +
      `one warm-up run each, then ${RUNS} timed runs, sequential; both engines' answers compared row by row before timing. ` +
      "DuckDB runs them as Aisle does (`queryMetrics`), from its pre-aggregations (`src/core/metrics/pre-aggregation.ts`, in-memory, " +
      `all built in ${ms(engines.rollupMs)} once per data change): metrics the catalog declares additive per day × seller attributes ` +
      '(period and attribute splits), and per day × seller with the seller as an integer key (per-seller splits, and distinct sellers — ' +
      'live, engaged — counted as distinct keys: a row per seller and day exists exactly when the facts have one); the answer names each ' +
      'key from an in-memory dictionary. Everything else (maxima, order lines, channels, hosts) reads the facts. PostgreSQL runs the queries on the facts.',
    `${pgLoad.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')} on loopback with ${Object.entries(pgLoad.rows).map(([t, n]) => `${t} ${count(n)}`).join(', ')} rows ` +
      `loaded with COPY from DuckDB's CSV export (${pgLoad.seconds.toFixed(0)} s with keys, indexes and VACUUM ANALYZE). ` +
      `Keys and indexes: ${PG_TABLES.map((t) => `${t.table} (${[t.key, ...t.indexes].map((cols) => cols.join(', ')).join('; ')})`).join(', ')}. ` +
      `Settings: ${['shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'random_page_cost'].map((k) => `${k}=${POSTGRES_SETTINGS[k]}`).join(', ')}; ` +
      'fsync, synchronous_commit and full_page_writes off (a benchmark copy: this speeds the load, not the queries), JIT at its default (on).',
    'Order lines (the distinct-buyer source) are not loaded into PostgreSQL — at this size it would take most of the benchmark\'s time budget — so no compared query reads them; every compared metric reads seller_days, livestreams and sellers, as the Overview\'s tiles other than buyers do.',
    '',
    'The machine is shared (2 cores): its 1-minute load average when each query finished is given, since other work slows both engines.',
    '',
    '| query | rows | DuckDB reads | DuckDB median | DuckDB p95 | PostgreSQL median | PostgreSQL p95 | ratio (medians) | same answers | load average | target | pass |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...engineRows.map(
      ({ e, ratio, pass }) =>
        `| ${e.name} | ${count(e.rows)} | ${[...e.preAggregated.map((t) => `${t} (pre-aggregated)`), ...e.fromFacts].join(', ')} | ${ms(percentile(e.duck, 50))} | ${ms(percentile(e.duck, 95))} | ${ms(percentile(e.post, 50))} | ${ms(percentile(e.post, 95))} | ${ratio.toFixed(1)}× | ${e.mismatches.length ? `**no**: ${e.mismatches.slice(0, 2).join('; ')}` : 'yes'} | ${e.loadAverage.toFixed(1)} | ≥ ${TARGET_RATIO}× | ${yes(pass)} |`,
    ),
  ];
  return { lines, pass: loadPass && engineRows.every((r) => r.pass) };
}

// ---------------------------------------------------------------------------------------------

async function cleanup(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      log(`cleanup: ${String(error)}`);
    }
  }
}

async function main(): Promise<void> {
  const dir = await ensureDataset();
  const jobs = await runBackgroundJobs(dir);

  // DuckDB in this process: sizes, the CSV export for PostgreSQL and the engine comparison. It is
  // closed before the server starts (DuckDB allows one process per file).
  const { db } = await openDataDir(dir);
  let size: DatasetSize;
  let engines: { results: EngineResult[]; rollupMs: number };
  let pgLoad: PostgresLoad;
  try {
    size = await datasetSize(db, dir);
    log(`dataset: ${count(size.sellers)} sellers, ${count(size.sellerDays)} seller-days, ${count(size.livestreams)} livestreams, ${count(size.orderLines)} order lines`);
    const postgres = await startPostgres(log);
    cleanups.push(postgres.stop);
    const client = await postgres.connect();
    cleanups.push(() => client.end());
    pgLoad = await loadPostgres(db, postgres, client);
    engines = await compareEngines(db, client);
    await cleanup();
  } finally {
    await db.close();
  }

  const password = await ensureBenchUser(dir);
  const server = await startBenchServer(dir);
  const cookie = await signIn(server, password);
  const overview = await benchOverview(server, cookie);
  await cleanup();

  const { lines, pass } = report(size, overview, engines, pgLoad, jobs);
  await writeResultsSection('Query', lines);
  process.stdout.write(`\n## Query\n\n${lines.join('\n')}\n`);
  if (!pass) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and PostgreSQL…`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
} finally {
  await cleanup();
}
