// Livestreams in a real Chromium against the real `aisle serve` with the e2e demo dataset: the list
// honours the Overview's link parameters and its leaderboard shows; a session opened from the list
// shows the same benchmark `aisle livestreams show` prints for it (percentile, peer median, rating,
// the decomposition sentence); an analyst pins a note to a minute that survives a reload while a
// viewer only reads; an empty workspace says what to do; nothing logs an error, and the pages hold
// at desktop and phone widths (screenshots in e2e/screenshots/).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, apiJson, openSignedInPage, signInApi, testUser, type TestUser } from './support/auth.ts';
import { launchBrowser, PHONE, type WatchedPage } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Ann Analyst');
const VIEWER = testUser('viewer', 'Vic Viewer');
/** The e2e demo ends on 2026-11-23: the default period is its last 7 days. */
const LAST_7 = { from: '2026-11-17', to: '2026-11-23' };

interface Benchmark {
  metric: string;
  value: number | null;
  peerMedian: number | null;
  percentile: number | null;
  rating: 'good' | 'warning' | 'bad' | null;
}
interface Detail {
  session: { id: string; title: string | null; seller_name: string };
  benchmarks: Benchmark[];
  decomposition: { sentence: string };
  peerScore: number | null;
  minutes: number;
}
interface ListRow {
  id: string;
  gpm: number | null;
  subcategory: string | null;
}

describe('Livestreams (real server, demo data)', () => {
  let dataDir: string | undefined;
  let emptyDir: string | undefined;
  let server: AisleServer | undefined;
  let emptyServer: AisleServer | undefined;
  let browser: Browser | undefined;
  const cookies: Partial<Record<'admin' | 'analyst' | 'viewer', string>> = {};
  /** The session the tests open: the best-scored session of the last 7 days, as the CLI shows it. */
  let shown: Detail | undefined;

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }

  function open(who: 'admin' | 'analyst' | 'viewer', viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const { server, browser } = running();
    const cookie = cookies[who];
    if (!cookie) throw new Error(`no session for ${who}`);
    return openSignedInPage(browser, server, cookie, viewport);
  }

  function session(): Detail {
    if (!shown) throw new Error('beforeAll did not read a session with the CLI');
    return shown;
  }

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    for (const user of [ADMIN, ANALYST, VIEWER] as TestUser[]) await addUser(dataDir, user);
    // The CLI reads the database before the server holds it (DuckDB: one process per file).
    const list = JSON.parse((await runAisle(dataDir, ['livestreams', 'list', '--sort', 'peer_score', '--limit', '1', '--json'])).stdout) as { rows: ListRow[] };
    const id = list.rows[0]?.id;
    if (!id) throw new Error('the demo has no session in its last 7 days');
    shown = JSON.parse((await runAisle(dataDir, ['livestreams', 'show', id, '--json'])).stdout) as Detail;
    server = await startServer(dataDir);
    for (const [who, user] of [['admin', ADMIN], ['analyst', ANALYST], ['viewer', VIEWER]] as const) cookies[who] = await signInApi(server, user.email);
    emptyDir = await createDataDir();
    await runAisle(emptyDir, ['init']);
    await addUser(emptyDir, ADMIN);
    emptyServer = await startServer(emptyDir);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emptyServer?.stop();
    if (dataDir) await removeDataDir(dataDir);
    if (emptyDir) await removeDataDir(emptyDir);
  });

  async function rowsShown(page: Page): Promise<string[]> {
    await page.locator('[data-testid="sessions-table"]').waitFor({ timeout: 60_000 });
    return page.getByTestId('session-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
  }

  it('lists the sessions of an Overview link, sorted as the link asks, with the leaderboard', async () => {
    const { server } = running();
    const cookie = cookies.admin ?? '';
    const api = await apiJson<{ rows: ListRow[]; total: number }>(server, cookie, `/api/livestreams?from=${LAST_7.from}&to=${LAST_7.to}&sort=gpm`);
    const subcategory = api.rows.find((r) => r.subcategory !== null)?.subcategory ?? '';
    const link = `/livestreams?from=${LAST_7.from}&to=${LAST_7.to}&subcategory=${subcategory}&sort=gpm`;
    const expected = await apiJson<{ rows: ListRow[]; total: number }>(server, cookie, `/api${link}`);
    const { page, problems } = await open('admin');
    await page.goto(`${server.url}${link}`);
    expect(await rowsShown(page)).toEqual(expected.rows.map((r) => r.id));
    expect(await page.getByTestId('sort').inputValue()).toBe('gpm');
    expect(await page.getByTestId('filter-subcategory').inputValue()).toBe(subcategory);
    expect(await page.getByTestId('livestreams-summary').textContent()).toContain(`${expected.total.toLocaleString('en-US')} session`);
    await page.getByTestId('leaderboard-gpm').waitFor();
    expect(await page.getByTestId('leaderboard-gmv_per_live_hour').locator('li').count()).toBeGreaterThan(0);
    // The default view (last 7 days, newest first) for the screenshot.
    await page.goto(`${server.url}/livestreams`);
    await rowsShown(page);
    await page.screenshot({ path: `${SCREENSHOTS}livestreams.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens a session from the list and reads the benchmark the CLI prints for it', async () => {
    const detail = session();
    const { server } = running();
    const { page, problems } = await open('admin');
    await page.goto(`${server.url}/livestreams?sort=peer_score`);
    await rowsShown(page);
    await page.locator(`[data-testid="session-row"][data-id="${detail.session.id}"] [data-testid="session-link"]`).click();
    await page.getByTestId('session-body').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain(`/livestreams/${detail.session.id}`);

    const ctr = detail.benchmarks.find((b) => b.metric === 'ctr');
    if (!ctr || ctr.percentile === null || ctr.value === null || ctr.peerMedian === null) throw new Error('the session has no CTR benchmark');
    const row = page.locator('[data-testid="benchmark-row"][data-metric="ctr"]');
    expect((await row.getByTestId('benchmark-percentile').textContent())?.trim()).toBe(`p${Math.round(ctr.percentile * 100)}`);
    const percent = (v: number) => new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
    expect((await row.getByTestId('benchmark-value').textContent())?.trim()).toBe(percent(ctr.value));
    expect((await row.getByTestId('benchmark-median').textContent())?.trim()).toBe(percent(ctr.peerMedian));
    expect((await row.getByTestId('rating').textContent())?.trim().toLowerCase()).toBe(ctr.rating);
    expect((await page.getByTestId('decomposition-sentence').textContent())?.trim()).toBe(detail.decomposition.sentence);
    expect((await page.getByTestId('peer-score-value').textContent())?.trim()).toBe(detail.peerScore === null ? '—' : detail.peerScore.toFixed(0));

    // Recent demo sessions have minute data: the chart draws, and the host's trend too.
    await page.getByTestId('timeline-chart').locator('svg').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('host-trend').waitFor();
    await page.getByTestId('review-section').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}livestream-session.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets an analyst pin a note to a minute that stays after a reload; a viewer only reads it', async () => {
    const { id } = session().session;
    const { server } = running();
    const analyst = await open('analyst');
    await analyst.page.goto(`${server.url}/livestreams/${id}`);
    await analyst.page.getByTestId('note-form').waitFor({ timeout: 60_000 });
    await analyst.page.getByTestId('note-minute').fill('12');
    await analyst.page.getByTestId('note-body').fill('Flash deal pinned, viewers jump');
    await analyst.page.getByTestId('note-pin').click();
    await analyst.page.getByTestId('note').first().waitFor();
    await analyst.page.reload();
    const note = analyst.page.getByTestId('note').first();
    await note.waitFor({ timeout: 60_000 });
    expect(await note.textContent()).toContain('0:12');
    expect(await note.textContent()).toContain('Flash deal pinned, viewers jump');
    expect(analyst.problems).toEqual([]);
    await analyst.page.context().close();

    const viewer = await open('viewer');
    await viewer.page.goto(`${server.url}/livestreams/${id}`);
    await viewer.page.getByTestId('note').first().waitFor({ timeout: 60_000 });
    expect(await viewer.page.getByTestId('note-form').count()).toBe(0);
    expect(viewer.problems).toEqual([]);
    await viewer.page.context().close();
  });

  it('holds at phone width: the list as blocks, the session page in one column', async () => {
    const { id } = session().session;
    const { server } = running();
    const { page, problems } = await open('admin', PHONE);
    await page.goto(`${server.url}/livestreams`);
    await rowsShown(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-phone.png`, fullPage: true });
    await page.goto(`${server.url}/livestreams/${id}`);
    await page.getByTestId('session-body').waitFor({ timeout: 60_000 });
    await page.getByTestId('timeline-chart').locator('svg').first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}livestream-session-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says what to do in a workspace without sessions, and when a session does not exist', async () => {
    if (!emptyServer || !browser) throw new Error('beforeAll did not start the empty server');
    const cookie = await signInApi(emptyServer, ADMIN.email);
    const { page, problems } = await openSignedInPage(browser, emptyServer, cookie);
    await page.goto(`${emptyServer.url}/livestreams`);
    await page.getByTestId('livestreams-empty').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('livestreams-empty').textContent()).toContain('Import a LIVE session list');
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-empty.png` });
    await page.goto(`${emptyServer.url}/livestreams/nope`);
    await page.getByTestId('error-panel').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Session not found');
    // The 404 of the API is the page's message, not a console error of the app itself.
    expect(problems.filter((p) => !p.text.includes('404'))).toEqual([]);
    await page.context().close();
  });
});
