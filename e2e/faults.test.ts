// Faults against the real `aisle serve`: the process is SIGKILLed in the middle of an import, of
// review saves and of a report build, then started again — the database opens and holds each piece
// of work whole or not at all, and the interrupted import simply runs again. A data dir on a small
// tmpfs fills up during an import: a clear error, nothing half-written, the server keeps answering.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../src/core/db/open-data-dir.ts';
import { sql } from '../src/core/db/sql.ts';
import { addUser, apiJson, apiRequest, signInApi, testUser } from './support/auth.ts';
import { createDataDir, removeDataDir, runAisle, seedDemo, startServer, type AisleServer } from './support/server.ts';

const ANALYST = testUser('analyst', 'Kit Analyst');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ordersCsv(lines: number, prefix: string): string {
  const rows = Array.from({ length: lines }, (_, i) => `${prefix}-${i},2026-11-${String((i % 20) + 1).padStart(2, '0')} 10:00:00,s-${i % 300},${(i % 97) + 1}.50,buyer-${i % 5000}`);
  return `Order ID,Created Time,Seller ID,Order Amount,Buyer Username\n${rows.join('\n')}\n`;
}

async function upload(server: AisleServer, cookie: string, name: string, content: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), name);
  const response = await fetch(`${server.url}/api/imports/uploads`, { method: 'POST', headers: { cookie, origin: server.url }, body: form });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { uploadId: string }).uploadId;
}

/** Reads the stopped server's database directly (DuckDB lets one process open it). */
async function inspect<T>(dataDir: string, read: (db: Awaited<ReturnType<typeof openDataDir>>['db']) => Promise<T>): Promise<T> {
  const { db } = await openDataDir(dataDir);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** The faults server logs every statement, so a test can kill it at a known step. */
const EVERY_STATEMENT = { AISLE_SLOW_STATEMENT_MS: '0' };

describe('faults (real server, SIGKILL)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let cookie = '';

  beforeAll(async () => {
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    await addUser(dataDir, ANALYST);
    server = await startServer(dataDir, undefined, EVERY_STATEMENT);
    cookie = await signInApi(server, ANALYST.email);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  async function restart(): Promise<AisleServer> {
    if (!dataDir) throw new Error('no data dir');
    server = await startServer(dataDir, undefined, EVERY_STATEMENT);
    cookie = await signInApi(server, ANALYST.email);
    return server;
  }

  it('an import killed mid-load leaves none of its rows, and simply runs again', async () => {
    if (!server || !dataDir) throw new Error('not started');
    const before = await inspectThroughApi(server, cookie);
    const uploadId = await upload(server, cookie, 'kill-me.csv', ordersCsv(400_000, 'KILL'));
    // The load's first statement runs inside its transaction, right before the order lines are
    // written: killed once it is logged, the server dies mid-load however fast the import is.
    const loading = server.waitForLog(/AS repeated FROM valid/);
    const confirm = apiRequest(server, cookie, 'POST', '/api/imports', { uploadId, kind: 'orders' }).then(
      (response) => response.status,
      () => 'killed' as const,
    );
    await loading;
    await server.kill();
    expect(await confirm).toBe('killed');

    const after = await inspect(dataDir, async (db) => {
      const [row] = await db.query<{ lines: number; loaded: number }>(sql`
        SELECT (SELECT count(*) FROM order_lines WHERE order_id LIKE 'KILL-%') AS lines,
          (SELECT count(*) FROM imports WHERE file = 'kill-me.csv' AND status = 'loaded') AS loaded`);
      return row;
    });
    expect(after).toEqual({ lines: 0, loaded: 0 });

    const again = await restart();
    expect(await inspectThroughApi(again, cookie)).toEqual(before);
    const rerun = await apiRequest(again, cookie, 'POST', '/api/imports', { uploadId, kind: 'orders' });
    expect(rerun.status).toBe(200);
    expect(await rerun.json()).toMatchObject({ status: 'loaded', rowsLoaded: 400_000 });
  }, 240_000);

  it('review saves killed in flight are each whole: a review exists exactly when its audit entry does', async () => {
    if (!server || !dataDir) throw new Error('not started');
    const list = await apiJson<{ rows: { id: string }[] }>(server, cookie, '/api/livestreams?period=last_28_days&reviewed=no&pageSize=40');
    const rubric = await apiJson<{ rubric: { criteria: { key: string }[] } }>(server, cookie, '/api/rubrics/active');
    const scores = Object.fromEntries(rubric.rubric.criteria.map((c) => [c.key, 4]));
    const ids = list.rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    const saves = ids.map((id) =>
      fetch(`${server?.url}/api/reviews/sessions/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { cookie, origin: server?.url ?? '', 'content-type': 'application/json' },
        body: JSON.stringify({ scores, notes: `kill test ${id}`, tags: ['strong_hook'] }),
      }).then(
        (r) => r.status,
        () => 'killed',
      ),
    );
    await sleep(40);
    await server.kill();
    const outcomes = await Promise.all(saves);
    const saved = await inspect(dataDir, (db) =>
      db.query<{ livestream_id: string; notes: string; tags: string[]; audits: number }>(sql`
        SELECT r.livestream_id, r.notes, r.tags,
          (SELECT count(*) FROM audit_log a WHERE a.entity = 'livestream_review' AND a.entity_id = CAST(r.id AS VARCHAR)) AS audits
        FROM livestream_reviews r WHERE r.notes LIKE 'kill test %'`),
    );
    const orphanAudits = await inspect(dataDir, async (db) => {
      const [row] = await db.query<{ n: number }>(sql`
        SELECT count(*) AS n FROM audit_log a WHERE a.entity = 'livestream_review' AND a.action = 'create'
          AND NOT EXISTS (SELECT 1 FROM livestream_reviews r WHERE CAST(r.id AS VARCHAR) = a.entity_id)`);
      return Number(row?.n);
    });
    // Every answered save is there; every review there is whole and audited once; no audit without its review.
    const answered = ids.filter((_, i) => outcomes[i] === 201);
    expect(saved.map((s) => s.livestream_id)).toEqual(expect.arrayContaining(answered));
    for (const review of saved) expect(review).toMatchObject({ notes: `kill test ${review.livestream_id}`, tags: ['strong_hook'], audits: 1 });
    expect(orphanAudits).toBe(0);
    await restart();
  }, 240_000);

  it('a report build killed mid-way is marked interrupted at the next start, serves no half-written file, and builds again', async () => {
    if (!server || !dataDir) throw new Error('not started');
    // Killed once the run is recorded as running: its figures are being gathered, no file is written yet.
    const started = server.waitForLog(/INSERT INTO reports \(kind/);
    const build = apiRequest(server, cookie, 'POST', '/api/reports', { kind: 'weekly', formats: ['pdf', 'xlsx', 'pptx', 'html'] }).then(
      (r) => r.status,
      () => 'killed' as const,
    );
    await started;
    await server.kill();
    expect(await build).toBe('killed');

    const again = await restart();
    const archive = await apiJson<{ reports: { id: number; status: string; error: string | null; formats: string[] }[] }>(again, cookie, '/api/reports');
    const interrupted = archive.reports[0];
    expect(interrupted).toMatchObject({ status: 'failed' });
    expect(interrupted?.error).toMatch(/interrupted/);
    for (const format of interrupted?.formats ?? []) {
      expect((await apiRequest(again, cookie, 'GET', `/api/reports/${interrupted?.id}/${format}`)).status, format).not.toBe(200);
    }
    const rebuilt = await apiRequest(again, cookie, 'POST', '/api/reports', { kind: 'weekly', formats: ['xlsx', 'html'] });
    expect(rebuilt.status).toBe(201);
    const report = ((await rebuilt.json()) as { report: { id: number; status: string } }).report;
    expect(report.status).toBe('done');
    expect((await apiRequest(again, cookie, 'GET', `/api/reports/${report.id}/xlsx`)).status).toBe(200);
  }, 240_000);
});

/** What the Overview-level figures say, to compare before and after a fault. */
async function inspectThroughApi(server: AisleServer, cookie: string) {
  const response = await apiRequest(server, cookie, 'GET', '/api/metrics?metrics=gmv,orders&from=2025-01-01&to=2026-12-31');
  if (response.status !== 200) throw new Error(`metrics: ${response.status} ${await response.text()}`);
  return response.json();
}

// A tmpfs needs root and mount rights; where they are missing this part cannot run at all.
const MOUNT_ROOT = '/tmp/aisle-e2e-full';
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mkdir', ['-p', `${MOUNT_ROOT}-probe`]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', `${MOUNT_ROOT}-probe`], { stdio: 'ignore' });
    execFileSync('umount', [`${MOUNT_ROOT}-probe`]);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(canMountTmpfs())('a full disk (data dir on a 64 MB tmpfs)', () => {
  let server: AisleServer | undefined;
  const dataDir = path.join(MOUNT_ROOT, 'data');

  beforeAll(async () => {
    await mkdir(MOUNT_ROOT, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', MOUNT_ROOT]);
    await runAisle(dataDir, ['init']);
    await addUser(dataDir, ANALYST);
    server = await startServer(dataDir);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    execFileSync('umount', [MOUNT_ROOT]);
    await rm(MOUNT_ROOT, { recursive: true, force: true });
  });

  it('refuses the import that fills it with a clear error, keeps the data whole, keeps answering, and imports once space is freed', async () => {
    if (!server) throw new Error('not started');
    const cookie = await signInApi(server, ANALYST.email);
    const first = await apiRequest(server, cookie, 'POST', '/api/imports', { uploadId: await upload(server, cookie, 'first.csv', ordersCsv(40_000, 'ONE')), kind: 'orders' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'loaded', rowsLoaded: 40_000 });

    // Fill the disk up to the last 1 MB: not room for what the import writes (its WAL stays below
    // the checkpoint threshold, so the write that fails is the import's own).
    const uploadId = await upload(server, cookie, 'second.csv', ordersCsv(20_000, 'TWO'));
    const { bavail, bsize } = await statfs(MOUNT_ROOT);
    const filler = path.join(MOUNT_ROOT, 'filler.bin');
    await writeFile(filler, Buffer.alloc(Math.max(0, Number(bavail) * Number(bsize) - 1024 ** 2)));
    const refused = await apiRequest(server, cookie, 'POST', '/api/imports', { uploadId, kind: 'orders' });
    expect(refused.status).toBe(507);
    const body = (await refused.json()) as { error: { message: string; hint: string } };
    expect(body.error.message).toBe("the disk that holds Aisle's data is full: the change was not saved");
    expect(body.error.hint).toMatch(/free some space/);

    // Still answering; nothing of the refused import is there.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const imports = await apiJson<{ imports: { file: string; status: string }[] }>(server, cookie, '/api/imports');
    expect(imports.imports.filter((i) => i.status === 'loaded').map((i) => i.file)).toEqual(['first.csv']);

    // Space freed: the same upload imports whole, without a restart.
    await rm(filler);
    const retried = await apiRequest(server, cookie, 'POST', '/api/imports', { uploadId, kind: 'orders' });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: 'loaded', rowsLoaded: 20_000 });

    // And after a restart the database opens with exactly both imports' rows.
    await server.stop();
    const lines = await inspect(dataDir, async (db) => {
      const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM order_lines`);
      return Number(row?.n);
    });
    expect(lines).toBe(60_000);
    server = await startServer(dataDir);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 240_000);
});
