/**
 * `npm run bench:load`: the real `aisle serve` on the 100,000-seller demo under a realistic mix —
 * the Overview, the Sellers grid, seller pages and livestream session pages — from 50 concurrent
 * clients (autocannon, one instance per kind of page sharing the 50 connections), twice:
 *   1. reads only, for BENCH_LOAD_SECONDS (default 60);
 *   2. the same reads while imports (a 20,000-line orders export through the upload API) and weekly
 *      report builds (all four formats) run one after another the whole time.
 * Every request's latency is recorded, so each page kind gets an exact median and p95; errors,
 * timeouts and non-2xx answers are counted (target: none). Results go to bench/RESULTS.md under
 * "Load".
 *
 * Dataset: the shared 100,000 × 365 demo (bench/dataset.ts; generated once when missing). It is
 * copied first, so the imports of phase 2 never change the cache the other benchmarks read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { addUser, signInApi, testUser } from '../e2e/support/auth.ts';
import { startServer, type AisleServer } from '../e2e/support/server.ts';
import { copyDataset, ensureDataset } from './dataset.ts';
import { machineDescription, writeResultsSection } from './results-file.ts';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const IMPORT_LINES = 20_000;
/** Reads may slow while writes share the cores, never stall: p95 with writes ≤ this × reads only. */
const MAX_P95_RATIO = 2;
const ANALYST = testUser('analyst', 'Load Bench', 'load-bench@aisle.local');
const log = (message: string) => process.stderr.write(`[bench:load] ${message}\n`);
// The server as `aisle serve` runs (the e2e helpers that start it otherwise make it always wait for current figures).
process.env.AISLE_STALE_AFTER_MS ??= 'default';

/** The 50 connections, split the way a category team's day is. */
const MIX = [
  { name: 'Overview', connections: 15 },
  { name: 'Sellers grid', connections: 15 },
  { name: 'Seller page', connections: 10 },
  { name: 'Livestream session page', connections: 10 },
] as const;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

interface Requests {
  overview: string[];
  grid: string[];
  seller: string[];
  session: string[];
}

async function pickRequests(server: AisleServer, cookie: string): Promise<Requests> {
  const get = async <T>(p: string) => {
    const response = await fetch(`${server.url}${p}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`GET ${p}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const sellers = await get<{ rows: { id: string }[] }>('/api/sellers?sort=gmv&dir=desc&pageSize=60');
  const sessions = await get<{ rows: { id: string }[] }>('/api/livestreams?period=last_7_days&sort=live_gmv&pageSize=60');
  const periods = ['yesterday', 'last_7_days', 'last_28_days', 'week', 'month'];
  const compares = ['previous', 'last_year', 'target'];
  return {
    overview: periods.flatMap((period) => compares.map((compare) => `/api/overview?period=${period}&compare=${compare}`)),
    grid: [
      '/api/sellers?sort=gmv&dir=desc&page=1&pageSize=100',
      '/api/sellers?sort=name&dir=asc&page=3&pageSize=100',
      '/api/sellers?sort=live_gmv&dir=desc&page=1&pageSize=100&tier=A',
      '/api/sellers?sort=gmv&dir=asc&page=50&pageSize=100',
      '/api/sellers?q=home&sort=gmv&dir=desc&pageSize=100',
    ],
    seller: sellers.rows.flatMap((s) => [`/api/sellers/${encodeURIComponent(s.id)}`, `/api/sellers/${encodeURIComponent(s.id)}/performance`]),
    session: sessions.rows.map((s) => `/api/livestreams/${encodeURIComponent(s.id)}`),
  };
}

interface KindResult {
  name: string;
  requests: number;
  median: number;
  p95: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function drive(server: AisleServer, cookie: string, requests: Requests): Promise<KindResult[]> {
  const paths = [requests.overview, requests.grid, requests.seller, requests.session];
  const runs = MIX.map((kind, i) => {
    const latencies: number[] = [];
    const instance = autocannon({
      url: server.url,
      connections: kind.connections,
      duration: SECONDS,
      timeout: 30,
      headers: { cookie },
      requests: (paths[i] ?? []).map((p) => ({ method: 'GET', path: p })),
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    return instance.then((result) => {
      latencies.sort((a, b) => a - b);
      return {
        name: kind.name,
        requests: latencies.length,
        median: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      };
    });
  });
  return Promise.all(runs);
}

function ordersCsv(round: number): string {
  const rows = Array.from({ length: IMPORT_LINES }, (_, i) => `LOAD${round}-${i},2026-11-${String((i % 20) + 1).padStart(2, '0')} 12:00:00,s-load-${i % 400},${(i % 97) + 1}.50,buyer-${i % 9000}`);
  return `Order ID,Created Time,Seller ID,Order Amount,Buyer Username\n${rows.join('\n')}\n`;
}

interface WriteLog {
  imports: number[];
  reports: number[];
  failures: string[];
  /** Writes still running when the phase ended and its grace period ran out (not counted above). */
  cutShort: string[];
}

/** How long the end of phase 2 waits for the write in flight before it stops waiting. */
const WRITE_GRACE_MS = 90_000;

/** Imports and report builds, one after another, until `stop()`. */
function writers(server: AisleServer, cookie: string): { stop: () => Promise<WriteLog> } {
  const writes: WriteLog = { imports: [], reports: [], failures: [], cutShort: [] };
  let running = true;
  const abort = new AbortController();
  const cut = (what: string) => (error: unknown) => {
    if (abort.signal.aborted) writes.cutShort.push(what);
    else writes.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  };
  const post = (p: string, body: unknown) =>
    fetch(`${server.url}${p}`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: abort.signal });
  const importer = (async () => {
    for (let round = 0; running; round += 1) {
      const started = performance.now();
      const form = new FormData();
      form.append('file', new Blob([ordersCsv(round)], { type: 'text/csv' }), `load-${round}.csv`);
      const uploaded = await fetch(`${server.url}/api/imports/uploads`, { method: 'POST', headers: { cookie, origin: server.url }, body: form, signal: abort.signal });
      if (uploaded.status !== 201) {
        writes.failures.push(`upload ${uploaded.status}`);
        continue;
      }
      const { uploadId } = (await uploaded.json()) as { uploadId: string };
      const done = await post('/api/imports', { uploadId, kind: 'orders' });
      if (done.status === 200) writes.imports.push(performance.now() - started);
      else writes.failures.push(`import ${done.status} ${(await done.text()).slice(0, 120)}`);
    }
  })().catch(cut('an import'));
  const reporter = (async () => {
    while (running) {
      const started = performance.now();
      const built = await post('/api/reports', { kind: 'weekly', formats: ['pdf', 'xlsx', 'pptx', 'html'] });
      if (built.status === 201) writes.reports.push(performance.now() - started);
      else writes.failures.push(`report ${built.status} ${(await built.text()).slice(0, 120)}`);
    }
  })().catch(cut('a report build'));
  return {
    stop: async () => {
      running = false;
      const grace = setTimeout(() => abort.abort(), WRITE_GRACE_MS);
      await Promise.all([importer, reporter]);
      clearTimeout(grace);
      return writes;
    },
  };
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`) : '—');
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

async function main(): Promise<void> {
  const dataset = await ensureDataset(log);
  const work = await mkdtemp(path.join(tmpdir(), 'aisle-bench-load-'));
  let server: AisleServer | undefined;
  try {
    log(`copying ${dataset.name} (the imports of phase 2 must not change the cache)…`);
    await copyDataset(dataset, work);
    await addUser(work, ANALYST);
    log('starting aisle serve…');
    server = await startServer(work, 300_000);
    const cookie = await signInApi(server, ANALYST.email);
    const requests = await pickRequests(server, cookie);
    // Warm-up: each distinct request once, so phase 1 measures a team's day, not the first minute after a start.
    // A first opening may fill the peer benchmarks or rollups it reads (a write), which retires what
    // was cached before it; the second round opens everything again once nothing is left to fill.
    const all = [...requests.overview, ...requests.grid, ...requests.seller, ...requests.session];
    const base = server.url;
    for (const round of [1, 2]) {
      const started = performance.now();
      // Four at a time: first openings compute on both cores instead of one after another.
      const queue = [...all];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let p = queue.shift(); p !== undefined; p = queue.shift()) await (await fetch(`${base}${p}`, { headers: { cookie } })).arrayBuffer();
        }),
      );
      log(`warm-up round ${round}: ${all.length} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    log(`phase 1: reads only, 50 connections for ${SECONDS} s…`);
    const reads = await drive(server, cookie, requests);
    const loadReads = loadavg()[0] ?? 0;
    log(`phase 2: the same reads while imports and report builds run, ${SECONDS} s…`);
    const background = writers(server, cookie);
    const mixed = await drive(server, cookie, requests);
    const writes = await background.stop();
    const loadMixed = loadavg()[0] ?? 0;

    const verdicts = reads.map((r, i) => {
      const m = mixed[i] ?? r;
      const errors = r.errors + r.timeouts + r.non2xx + m.errors + m.timeouts + m.non2xx;
      const ratio = m.p95 / r.p95;
      return { r, m, errors, ratio, pass: errors === 0 && r.requests > 0 && m.requests > 0 && ratio <= MAX_P95_RATIO };
    });
    const clean = verdicts.every((v) => v.pass) && writes.failures.length === 0 && writes.imports.length > 0 && writes.reports.length > 0;
    const lines = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} by \`npm run bench:load\`; 1-minute load average ${loadReads.toFixed(1)} after phase 1 and ${loadMixed.toFixed(1)} after phase 2.`,
      '',
      `\`aisle serve\` on a copy of the 100,000 sellers × 365 days demo (${dataset.name}), one analyst's session, autocannon with 50 connections for ${SECONDS} s per phase: Overview 15 (the 15 period × comparison variants), Sellers grid 15 (5 sorts, filters and pages), seller page 10 (profile and performance of 60 sellers), session page 10 (60 sessions of the last week). Phase 1 reads only; phase 2 reads the same while imports (${IMPORT_LINES.toLocaleString('en-US')} order lines through the upload API) and weekly report builds (all four formats) run one after another the whole time. Every request's latency is recorded. Before phase 1 every request was opened twice (the first opening after a start computes what later ones reuse).`,
      '',
      `Target per page: no errors, timeouts or non-2xx answers in either phase, and the p95 while writes run at most ${MAX_P95_RATIO}× the reads-only p95 — the writes take their share of the 2 cores, but a read never waits for an import or a report to finish (that would be tens of seconds).`,
      '',
      '| page | requests, reads only | median | p95 | requests, with writes | median | p95 | p95 with writes ÷ reads only | errors, timeouts, non-2xx | target | pass |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...verdicts.map(
        ({ r, m, errors, ratio, pass }) =>
          `| ${r.name} | ${r.requests.toLocaleString('en-US')} | ${ms(r.median)} | ${ms(r.p95)} | ${m.requests.toLocaleString('en-US')} | ${ms(m.median)} | ${ms(m.p95)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—'} | ${errors === 0 ? '0' : `${errors} (phase 1: ${r.errors}, ${r.timeouts}, ${r.non2xx}; phase 2: ${m.errors}, ${m.timeouts}, ${m.non2xx})`} | 0 errors, ≤ ${MAX_P95_RATIO}× | ${pass ? 'yes' : '**no**'} |`,
      ),
      '',
      `Writes during phase 2: ${writes.imports.length} imports of ${IMPORT_LINES.toLocaleString('en-US')} order lines (median ${ms(median(writes.imports))}, upload to loaded), ${writes.reports.length} weekly reports in all four formats (median ${ms(median(writes.reports))})${writes.failures.length ? `; failures: ${writes.failures.join('; ')}` : ', none failed'}${writes.cutShort.length ? `; still running ${WRITE_GRACE_MS / 1000} s after the phase ended, and not waited for: ${writes.cutShort.join(', ')}` : ''}.`,
      '',
      `Targets ${clean ? 'met' : '**not met**'}.`,
    ];
    await writeResultsSection('Load', lines);
    process.stdout.write(`## Load\n\n${lines.join('\n')}\n`);
    if (!clean) process.exitCode = 1;
  } finally {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
