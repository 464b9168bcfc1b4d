/**
 * `npm run bench:grid`: the Sellers grid's list endpoint at 100,000 sellers (issue 6) — the
 * requests the page sends as people use it: the default view sorted by GMV, a subcategory filter,
 * two quick filters, a search, page 50 and a sort by live GMV share — target p95 ≤ 150 ms. Also
 * reported: the first request for a period after the facts change (when the period's figures are
 * computed from the catalog) and the seller page's figures.
 *
 * The workspace is a copy, in bench/.data/grid, of the shared 100,000 sellers × 365 days demo
 * (bench/dataset.ts; generated once when missing) — the cached original is never opened. Requests go through the real app (`buildApp`, signed-in viewer,
 * `app.inject`: routing, validation, the query and serialisation; no network). `BENCH_GRID_RUNS`
 * (default 20) sets the repetitions per request. Results go to the "Grid" section of
 * bench/RESULTS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { CLI_ACTOR } from '../src/core/auth/actor.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import { createUser, findUserByEmail } from '../src/core/auth/users.ts';
import { openDataDir } from '../src/core/db/open-data-dir.ts';
import { sql } from '../src/core/db/sql.ts';
import { recomputeSegments } from '../src/core/sellers/segments/index.ts';
import { updateSeller } from '../src/core/sellers/registry.ts';
import { copyDataset, ensureDataset, REPO_ROOT, type Dataset } from './dataset.ts';
import { machineDescription, writeResultsSection } from './results-file.ts';

const WORK_DIR = path.join(REPO_ROOT, 'bench/.data/grid');
const RUNS = Number(process.env.BENCH_GRID_RUNS ?? 20);
const TARGET_P95_MS = 150;
const BENCH_USER = 'grid-bench@aisle.local';

const log = (line: string) => process.stderr.write(`[bench:grid] ${line}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const count = (value: number) => value.toLocaleString('en-US');

/** A copy of the shared 100,000-seller dataset, made again only when the dataset changed. */
async function prepareCopy(): Promise<{ dir: string; dataset: Dataset }> {
  const dataset = await ensureDataset(log);
  const marker = path.join(WORK_DIR, 'source.json');
  const wanted = JSON.stringify({ dataset: dataset.name });
  const current = await readFile(marker, 'utf8').catch(() => '');
  if (current !== wanted) {
    log(`copying ${dataset.name} to ${path.relative(REPO_ROOT, WORK_DIR)}…`);
    await copyDataset(dataset, WORK_DIR);
    await writeFile(marker, wanted);
  }
  return { dir: WORK_DIR, dataset };
}

async function main(): Promise<void> {
  const { dir: dataDir, dataset } = await prepareCopy();
  const { db } = await openDataDir(dataDir);
  try {
    const [sizes] = await db.query<{ sellers: number; seller_days: number; livestreams: number; order_lines: number; segments: number; first: string; last: string }>(sql`
      SELECT (SELECT count(*) FROM sellers) AS sellers, (SELECT count(*) FROM seller_days) AS seller_days,
        (SELECT count(*) FROM livestreams) AS livestreams, (SELECT count(*) FROM order_lines) AS order_lines,
        (SELECT count(*) FROM seller_segments) AS segments,
        (SELECT CAST(min(date) AS VARCHAR) FROM seller_days) AS first, (SELECT CAST(max(date) AS VARCHAR) FROM seller_days) AS last`);
    if (!sizes) throw new Error('the workspace answered nothing');
    if (sizes.segments === 0) {
      log('computing seller segments (tiers, lifecycle, live status) so their filters have data…');
      await db.transaction((tx) => recomputeSegments(tx, { reason: 'bench' }));
    }
    const userId = (await findUserByEmail(db, BENCH_USER))?.id ?? (await createUser(db, CLI_ACTOR, { email: BENCH_USER, displayName: 'Grid bench', role: 'viewer', password: `bench ${Date.now()} lantern` })).id;
    const cookie = `aisle_session=${await createSession(db, userId)}`;
    const app = await buildApp({ db, dataDir, webDir: '/nonexistent' });
    await app.ready();

    const get = async (url: string): Promise<{ ms: number; body: { total?: number } }> => {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const elapsed = performance.now() - start;
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return { ms: elapsed, body: res.json() };
    };

    const [common] = await db.query<{ subcategory: string; region: string }>(sql`
      SELECT subcategory_id AS subcategory, (SELECT region FROM sellers WHERE region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS region
      FROM sellers WHERE subcategory_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const [tier] = await db.query<{ tier: string }>(sql`SELECT tier FROM seller_segments WHERE tier IS NOT NULL GROUP BY 1 ORDER BY count(*) LIMIT 1`);
    const page = 'pageSize=100';
    const requests: { label: string; url: string }[] = [
      { label: 'default view, sorted by GMV', url: `/api/sellers?${page}` },
      { label: `subcategory filter (${common?.subcategory})`, url: `/api/sellers?subcategory=${common?.subcategory}&${page}` },
      { label: `tier ${tier?.tier} + never live, by GMV change`, url: `/api/sellers?tier=${tier?.tier ?? ''}&live_status=never&sort=gmv_change_ratio&${page}` },
      { label: 'search "nest"', url: `/api/sellers?q=nest&${page}` },
      { label: 'page 50', url: `/api/sellers?page=50&${page}` },
      { label: 'sorted by live GMV share', url: `/api/sellers?sort=live_gmv_share&${page}` },
      { label: 'not contacted 30 days, no owner', url: `/api/sellers?not_contacted_days=30&owner=none&${page}` },
    ];

    // Cold: the first request of a period computes its figures from the catalog.
    const cold: { label: string; ms: number }[] = [];
    for (const period of ['last_28_days', 'last_7_days', 'month']) {
      cold.push({ label: `first request for ${period}`, ms: (await get(`/api/sellers?period=${period}&${page}`)).ms });
    }
    log(`cold: ${cold.map((c) => `${c.label} ${ms(c.ms)}`).join(', ')}`);

    const times = new Map<string, number[]>(requests.map((r) => [r.label, []]));
    const totals = new Map<string, number>();
    const load: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (const request of requests) {
        const { ms: elapsed, body } = await get(request.url);
        times.get(request.label)?.push(elapsed);
        totals.set(request.label, body.total ?? 0);
      }
      load.push(loadavg()[0] ?? 0);
    }
    const all = [...times.values()].flat();
    const p95 = percentile(all, 95);
    for (const request of requests) {
      const values = times.get(request.label) ?? [];
      log(`${request.label}: median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))} (${count(totals.get(request.label) ?? 0)} sellers)`);
    }
    log(`all grid requests: p95 ${ms(p95)} (target ≤ ${TARGET_P95_MS} ms)`);

    // After a profile edit the rows are joined again from the kept figures (the figures stay).
    const edited = (await get(`/api/sellers?q=nest&pageSize=1`)).body as { rows?: { id: string; region: string | null }[] };
    const target = edited.rows?.[0];
    if (target) {
      await updateSeller(db, CLI_ACTOR, target.id, { region: target.region === 'Bench' ? 'Bench again' : 'Bench' });
      cold.push({ label: 'first request after a profile edit', ms: (await get(`/api/sellers?${page}`)).ms });
      await updateSeller(db, CLI_ACTOR, target.id, { region: target.region });
    }

    // The seller page's figures for the biggest seller (informational: one seller, its subcategory's medians).
    const top = (await get(`/api/sellers?pageSize=1`)).body as { rows?: { id: string }[] };
    const sellerId = top.rows?.[0]?.id ?? '';
    const sellerTimes: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 5); run += 1) sellerTimes.push((await get(`/api/sellers/${encodeURIComponent(sellerId)}/performance`)).ms);

    const loadText = `load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} during the runs`;
    await writeResultsSection('Grid', [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} by \`npm run bench:grid\` (${loadText}).`,
      '',
      `Dataset: a copy of \`${dataset.name}\` (\`aisle demo --sellers ${count(dataset.sellers)} --days ${dataset.days}\`) — ${count(sizes.sellers)} sellers, ${count(sizes.seller_days)} seller-days, ${count(sizes.livestreams)} livestreams, ${count(sizes.order_lines)} order lines, ${sizes.first} – ${sizes.last}.`,
      '',
      `\`GET /api/sellers\` through the real app (signed-in viewer, \`app.inject\`), 100 rows a page as the grid asks, default period (last 28 days vs the 28 before); each request ${RUNS} times in rotation, after the period's figures were built once. The figures of a period (catalog metrics by seller for the period and its comparison) are kept until the facts change; filters, sort, segments, owners, contacts and completeness are applied live on every request.`,
      '',
      '| request | sellers | median | p95 | target | pass |',
      '|---|---|---|---|---|---|',
      ...requests.map((request) => {
        const values = times.get(request.label) ?? [];
        return `| ${request.label} | ${count(totals.get(request.label) ?? 0)} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | — | — |`;
      }),
      `| **all grid requests** | | ${ms(percentile(all, 50))} | ${ms(p95)} | p95 ≤ ${TARGET_P95_MS} ms | ${p95 <= TARGET_P95_MS ? 'yes' : '**no**'} |`,
      '',
      'Paid once per period after each import (or merge) — the figures — or after a profile edit — the rows — by the first request:',
      '',
      '| request | time |',
      '|---|---|',
      ...cold.map((c) => `| ${c.label} | ${ms(c.ms)} |`),
      `| seller page figures (\`/api/sellers/:id/performance\`, biggest seller), first request: computed | ${ms(sellerTimes[0] ?? Number.NaN)} |`,
      `| seller page figures, later requests: reused until the data changes (median of ${sellerTimes.length - 1}) | ${ms(percentile(sellerTimes.slice(1), 50))} |`,
    ]);
    log('wrote the "Grid" section of bench/RESULTS.md');
    await app.close();
  } finally {
    await db.close();
  }
}

await main();
