// The Overview in a real Chromium against the real `aisle serve` with the e2e demo dataset: the
// tiles show exactly what `aisle query` prints for the same dates (the CLI runs on the same data
// dir before the server takes the database), the period and comparison live in the URL, the
// breakdown exports a workbook, every number links to the list behind it with the period, nothing
// logs an error, and the layout holds at desktop and phone widths (screenshots in e2e/screenshots/).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE, type WatchedPage } from './support/browser.ts';
import { aisleQuery, fetchOverview, kpiOf, type QueryRow } from './support/overview-contract.ts';
import {
  createDataDir,
  E2E_DEMO,
  removeDataDir,
  seedDemo,
  startServer,
  type AisleServer,
} from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** The Overview mounts the alerts feature's panel when the build has it (see OverviewAlerts.tsx). */
const HAS_ALERTS_PANEL = existsSync(
  fileURLToPath(new URL('../web/src/features/alerts/AlertsPanel.tsx', import.meta.url)),
);
const VIEWER = testUser('viewer', 'Vic Viewer');

/** The demo data ends on E2E_DEMO.end (2026-11-23), so the presets resolve to these dates. */
const LAST_7 = { from: '2026-11-17', to: '2026-11-23' };
const PREVIOUS_7 = { from: '2026-11-10', to: '2026-11-16' };
const LAST_28 = { from: '2026-10-27', to: '2026-11-23' };
const CUSTOM = { from: '2026-11-01', to: '2026-11-10' };
const TILE_METRICS = ['gmv', 'orders', 'live_gmv_share'] as const;

/** `path` is where the page lands (Settings opens its first tab); `planned` pages are placeholders. */
const SECTIONS = [
  { label: 'Overview', path: '/' },
  { label: 'Sellers', path: '/sellers' },
  { label: 'Opportunities', path: '/opportunities' },
  { label: 'Livestreams', path: '/livestreams' },
  { label: 'Reports', path: '/reports' },
  { label: 'Imports', path: '/imports' },
  { label: 'Workspace', path: '/workspace' },
  { label: 'Settings', path: '/settings/users' },
] as const;

// How a tile writes its value — spelled out with Intl here rather than through the page's
// formatter: this is the spec. Amounts from 10,000 up are compact (`$127.6K`).
function tileText(value: number, format: 'money' | 'count' | 'rate', currency: string): string {
  if (format === 'count') return new Intl.NumberFormat('en-US').format(value);
  if (format === 'rate') {
    return new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  }
  const compact = Math.abs(value) >= 10_000;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    ...(compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
  }).format(value);
}

const TILE_FORMATS = { gmv: 'money', orders: 'count', live_gmv_share: 'rate' } as const;

async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
}

/** The exact number behind a tile figure (its `data-value`), or null when it has none. */
async function valueOf(page: Page, testId: string): Promise<number | null> {
  const raw = await page.getByTestId(testId).first().getAttribute('data-value');
  return raw === null || raw === '' ? null : Number(raw);
}

async function waitForTiles(page: Page): Promise<void> {
  await page.getByTestId('kpi-gmv-value').waitFor({ timeout: 30_000 });
}

/** Waits until the page shows the numbers of the view in the URL (not the previous view's). */
async function waitForSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="overview-body"]:not([data-stale])').waitFor({ timeout: 30_000 });
}

async function expectTilesMatch(page: Page, cli: QueryRow, currency: string): Promise<void> {
  for (const metric of TILE_METRICS) {
    const value = cli[metric];
    expect(value, `aisle query ${metric}`).toEqual(expect.any(Number));
    expect(await valueOf(page, `kpi-${metric}-value`), `${metric} tile value`).toBe(value);
    expect(await textOf(page, `kpi-${metric}-value`), `${metric} tile text`).toBe(
      tileText(value ?? NaN, TILE_FORMATS[metric], currency),
    );
  }
}

describe('Overview (real server, demo data)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let cookie: string | undefined;
  const cli: { last7?: QueryRow; last28?: QueryRow; custom?: QueryRow } = {};

  function running(): { server: AisleServer; browser: Browser; cookie: string } {
    if (!server || !browser || !cookie) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser, cookie };
  }

  function cliRow(name: keyof typeof cli): QueryRow {
    const row = cli[name];
    if (!row) throw new Error(`beforeAll did not run aisle query for ${name}`);
    return row;
  }

  function openAdminPage(viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const { server, browser, cookie } = running();
    return openSignedInPage(browser, server, cookie, viewport);
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    await addUser(dataDir, ADMIN);
    await addUser(dataDir, VIEWER);
    // The CLI reads the database before the server holds it (DuckDB: one process per file).
    cli.last7 = await aisleQuery(dataDir, TILE_METRICS, LAST_7, ['previous']);
    cli.last28 = await aisleQuery(dataDir, TILE_METRICS, LAST_28, ['previous', 'last_year']);
    cli.custom = await aisleQuery(dataDir, TILE_METRICS, CUSTOM);
    server = await startServer(dataDir);
    cookie = await signInApi(server, ADMIN.email);
    // Targets for November on two KPIs, so tiles show both states: progress, and no target.
    const targets = await fetch(`${server.url}/api/targets`, {
      method: 'PUT',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: [
          { metric: 'gmv', period: '2026-11', value: 600_000 },
          { metric: 'live_gmv_share', period: '2026-11', value: 0.3 },
        ],
      }),
    });
    expect(targets.status, await targets.clone().text()).toBe(200);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('shows GMV, orders and live GMV share exactly as `aisle query` prints them', async () => {
    const { server, cookie } = running();
    const overview = await fetchOverview(server.url, cookie);
    expect(overview.asOf).toBe(E2E_DEMO.end);
    expect(overview.current).toEqual(LAST_7);
    expect(overview.comparisonRange).toEqual(PREVIOUS_7);

    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForTiles(page);
    await waitForSettled(page);

    const last7 = cliRow('last7');
    await expectTilesMatch(page, last7, overview.currency);
    for (const metric of TILE_METRICS) {
      expect(await valueOf(page, `kpi-${metric}-comparison`), `${metric} previous`).toBe(
        last7[`${metric}_previous`],
      );
    }
    expect(await textOf(page, 'overview-range')).toBe('17–23 Nov 2026 vs 10–16 Nov');
    expect(await textOf(page, 'overview-as-of')).toBe('data up to 23 Nov 2026');
    expect(await textOf(page, 'overview-currency')).toBe(overview.currency);
    await page.locator('[data-testid="trend-chart"] svg').first().waitFor();
    await page.locator('[data-testid="kpi-gmv-sparkline"] svg').first().waitFor();

    if (HAS_ALERTS_PANEL) {
      const alerts = page.getByTestId('overview-alerts');
      await alerts.locator('[data-testid="alerts-panel"], [data-testid="alerts-empty"]').first().waitFor();
    }

    await page.screenshot({ path: `${SCREENSHOTS}overview.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows every tile the API returns, with its change colour and its target', async () => {
    const { server, cookie } = running();
    const overview = await fetchOverview(server.url, cookie);
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForTiles(page);

    expect(overview.kpis.map((kpi) => kpi.metric)).toEqual([
      'gmv',
      'orders',
      'buyers',
      'aov',
      'live_gmv_share',
      'seller_adoption_rate',
      'live_sessions',
      'engagement_rate',
      'gpm',
    ]);
    await expect(page.getByTestId('kpi-grid').locator(':scope > *').count()).resolves.toBe(
      overview.kpis.length,
    );
    for (const kpi of overview.kpis) {
      const id = `kpi-${kpi.metric}`;
      expect(await valueOf(page, `${id}-value`), id).toBe(kpi.value);
      expect(await valueOf(page, `${id}-comparison`), id).toBe(kpi.comparison);
      // A rise is green only when higher is better (all nine are); a fall is red.
      const tone = await page.getByTestId(`${id}-change`).getAttribute('data-tone');
      const expected =
        kpi.change === null ? 'none' : kpi.change > 0 ? 'good' : kpi.change < 0 ? 'bad' : 'neutral';
      expect(tone, id).toBe(expected);
      expect(await page.getByTestId(`${id}-approximate`).count(), id).toBe(kpi.approximate ? 1 : 0);
    }

    const gmv = kpiOf(overview, 'gmv');
    expect(gmv.target).not.toBeNull();
    expect(gmv.targetProgress).not.toBeNull();
    const percent = new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    expect(await textOf(page, 'kpi-gmv-target-progress')).toBe(percent.format(gmv.targetProgress ?? NaN));
    // The same rule as Settings → Targets: behind under 95 % of the (pro-rated) target, ahead from 105 %.
    const progress = gmv.targetProgress ?? NaN;
    const status = progress < 0.95 ? 'behind' : progress >= 1.05 ? 'ahead' : 'on_track';
    expect(await page.getByTestId('kpi-gmv-target').getAttribute('data-state')).toBe(status);
    // No target for buyers: an admin is offered Settings → Targets.
    expect(kpiOf(overview, 'buyers').target).toBeNull();
    expect(await textOf(page, 'kpi-buyers-target')).toBe('No target — set one');
    expect(await page.getByTestId('kpi-buyers-target-set').getAttribute('href')).toBe('/settings/targets');
    expect(problems).toEqual([]);
  });

  it('switches period and comparison through the URL, and the tiles follow `aisle query`', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForTiles(page);
    const currency = 'USD';

    await page.getByTestId('period-picker').getByText('28 days', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?period=last_28_days');
    await waitForSettled(page);
    const last28 = cliRow('last28');
    await expect.poll(() => valueOf(page, 'kpi-gmv-value'), { timeout: 15_000 }).toBe(last28.gmv);
    await expectTilesMatch(page, last28, currency);
    expect(await valueOf(page, 'kpi-gmv-comparison')).toBe(last28.gmv_previous);
    expect(await textOf(page, 'overview-range')).toBe('27 Oct – 23 Nov 2026 vs 29 Sep – 26 Oct');

    await page.getByTestId('comparison-picker').selectOption('last_year');
    await expect.poll(() => new URL(page.url()).search).toBe('?period=last_28_days&compare=last_year');
    await expect
      .poll(() => textOf(page, 'overview-range'), { timeout: 15_000 })
      .toBe('27 Oct – 23 Nov 2026 vs 28 Oct – 24 Nov 2025');
    await waitForSettled(page);
    expect(await valueOf(page, 'kpi-gmv-comparison')).toBe(last28.gmv_last_year);
    expect(await valueOf(page, 'kpi-orders-comparison')).toBe(last28.orders_last_year);

    // A shared link opens the same view.
    await page.reload();
    await waitForTiles(page);
    await waitForSettled(page);
    expect(await textOf(page, 'overview-range')).toBe('27 Oct – 23 Nov 2026 vs 28 Oct – 24 Nov 2025');
    expect(await page.getByTestId('comparison-picker').inputValue()).toBe('last_year');

    // Custom starts from the range on screen; then two dates.
    await page.getByTestId('period-picker').getByText('Custom', { exact: true }).click();
    expect(await page.getByTestId('custom-from').inputValue()).toBe(LAST_28.from);
    expect(await page.getByTestId('custom-to').inputValue()).toBe(LAST_28.to);
    // The comparison, like each date below, is chosen until the URL holds it: the Custom click's own
    // URL write may land after it on a busy machine.
    await expect
      .poll(async () => {
        const picker = page.getByTestId('comparison-picker');
        if ((await picker.inputValue()) !== 'previous') await picker.selectOption('previous');
        return new URL(page.url()).searchParams.get('compare');
      }, { timeout: 15_000 })
      .toBeNull();
    // Each date is typed until the page has taken it: a re-render while the comparison changes
    // may drop a keystroke on a busy machine; what is checked is the URL the page ends up with.
    for (const [field, value] of [['custom-from', CUSTOM.from], ['custom-to', CUSTOM.to]] as const) {
      await expect
        .poll(async () => {
          const input = page.getByTestId(field);
          if ((await input.inputValue()) !== value) await input.fill(value);
          return new URL(page.url()).searchParams.get(field === 'custom-from' ? 'from' : 'to');
        }, { timeout: 15_000 })
        .toBe(value);
      // The page has drawn the new range before the next field is typed: a date field also reports
      // on blur, and a render older than the URL must not be what it reports.
      if (field === 'custom-from') {
        await expect.poll(() => textOf(page, 'overview-range'), { timeout: 15_000 }).toMatch(/^1–23 Nov 2026/);
      }
    }
    await expect
      .poll(() => new URL(page.url()).search, { timeout: 15_000 })
      .toBe(`?period=custom&from=${CUSTOM.from}&to=${CUSTOM.to}`);
    await expect
      .poll(() => textOf(page, 'overview-range'), { timeout: 15_000 })
      .toBe('1–10 Nov 2026 vs 22–31 Oct');
    await waitForSettled(page);
    await expectTilesMatch(page, cliRow('custom'), currency);

    // A first day after the last one is refused on the page, before asking the server.
    await page.getByTestId('custom-from').fill('2026-11-20');
    expect(await textOf(page, 'custom-problem')).toBe('The first day is after the last day.');
    await page.screenshot({ path: `${SCREENSHOTS}overview-custom.png` });
    expect(problems).toEqual([]);
  });

  it('sorts the subcategory breakdown and exports it as a workbook for the same view', async () => {
    const { server, cookie } = running();
    const query = { period: 'last_28_days', compare: 'previous' };
    const overview = await fetchOverview(server.url, cookie, query);
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/?period=last_28_days`);
    await waitForTiles(page);
    await waitForSettled(page);

    const rows = page.getByTestId('breakdown-row');
    await expect(rows.count()).resolves.toBe(overview.breakdown.length);
    const byGmv = [...overview.breakdown].sort((a, b) => (b.values.gmv ?? 0) - (a.values.gmv ?? 0));
    expect(await rows.first().getAttribute('data-subcategory')).toBe(byGmv[0]?.subcategory ?? '');
    await page.getByTestId('breakdown-sort-orders').click();
    const byOrders = [...overview.breakdown].sort((a, b) => (b.values.orders ?? 0) - (a.values.orders ?? 0));
    expect(await rows.first().getAttribute('data-subcategory')).toBe(byOrders[0]?.subcategory ?? '');
    await page.getByTestId('breakdown-sort-orders').click();
    expect(await rows.first().getAttribute('data-subcategory')).toBe(byOrders.at(-1)?.subcategory ?? '');

    const href = await page.getByTestId('breakdown-export').getAttribute('href');
    expect(href).toBe('/api/overview/breakdown.xlsx?period=last_28_days&compare=previous');
    const response = await fetch(`${server.url}${href}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toContain(
      `aisle-subcategories-${LAST_28.from}-${LAST_28.to}.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Subcategories');
    const cells: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const row of overview.breakdown) expect(cells, row.name).toContain(row.name);
    expect(problems).toEqual([]);
  });

  it('links every number to the list behind it, with the period', async () => {
    const { server, cookie } = running();
    const overview = await fetchOverview(server.url, cookie);
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForTiles(page);

    const period = `from=${LAST_7.from}&to=${LAST_7.to}`;
    expect(await page.getByTestId('kpi-gmv-value').getAttribute('href')).toBe(`/sellers?${period}&sort=gmv`);
    expect(await page.getByTestId('kpi-orders-value').getAttribute('href')).toBe(
      `/sellers?${period}&sort=orders`,
    );
    expect(await page.getByTestId('kpi-live_sessions-value').getAttribute('href')).toBe(
      `/livestreams?${period}`,
    );
    expect(await page.getByTestId('kpi-gpm-value').getAttribute('href')).toBe(
      `/livestreams?${period}&sort=gpm`,
    );

    const kitchen = page.locator('[data-testid="breakdown-row"][data-subcategory="kitchen"]');
    expect(await kitchen.getByRole('link', { name: 'Kitchen' }).getAttribute('href')).toBe(
      `/sellers?subcategory=kitchen&${period}&sort=gmv`,
    );
    expect(await kitchen.locator('[data-column="live_sessions"] a').getAttribute('href')).toBe(
      `/livestreams?subcategory=kitchen&${period}`,
    );

    const top = overview.movers.up[0];
    if (!top) throw new Error('the demo data has no seller whose GMV rose');
    const mover = page.getByTestId('mover-up-0');
    expect(await mover.getAttribute('data-seller')).toBe(top.seller);
    expect(await mover.getByTestId('mover-link').textContent()).toBe(top.name);
    await mover.getByTestId('mover-link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/sellers/${top.seller}`);
    expect(new URL(page.url()).search).toBe(`?${period}`);
    expect(problems).toEqual([]);
  });

  it('offers setting a target only to those who may', async () => {
    const { server, browser } = running();
    const viewerCookie = await signInApi(server, VIEWER.email);
    const { page, problems } = await openSignedInPage(browser, server, viewerCookie);
    await page.goto(`${server.url}/`);
    await waitForTiles(page);
    expect(await textOf(page, 'kpi-buyers-target')).toBe('No target');
    expect(await page.getByTestId('kpi-buyers-target-set').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens every page from the navigation, and deep links survive a reload', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForTiles(page);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });

    for (const section of SECTIONS) {
      await navigation.getByRole('link', { name: section.label, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: section.label, exact: true }).waitFor();
      expect(new URL(page.url()).pathname, section.label).toBe(section.path);
      expect(await page.title(), section.label).toBe(`${section.label} · Aisle`);
    }

    await page.goto(`${server.url}/livestreams`);
    await page.getByRole('heading', { level: 1, name: 'Livestreams', exact: true }).waitFor();
    await page.goto(`${server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found', exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('fits a phone screen: tiles two by two, the breakdown scrolls inside its card', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage(PHONE);
    await page.goto(`${server.url}/`);
    await waitForTiles(page);
    await page.locator('[data-testid="trend-chart"] svg').first().waitFor();
    await page.locator('[data-testid="kpi-gmv-sparkline"] svg').first().waitFor();

    // Strings, because these run in the page.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
    const gmv = await page.getByTestId('kpi-gmv').boundingBox();
    const orders = await page.getByTestId('kpi-orders').boundingBox();
    const buyers = await page.getByTestId('kpi-buyers').boundingBox();
    expect(orders?.y, 'orders next to GMV').toBe(gmv?.y);
    expect(buyers?.y ?? 0, 'buyers on the next row').toBeGreaterThan((gmv?.y ?? 0) + (gmv?.height ?? 0) - 1);

    // The period is a select on a phone; it drives the URL like the segments do.
    await page.getByTestId('period-select').selectOption('month');
    await expect.poll(() => new URL(page.url()).search).toBe('?period=month');
    await expect
      .poll(() => textOf(page, 'overview-range'), { timeout: 15_000 })
      .toBe('1–23 Nov 2026 vs 1–23 Oct');
    await waitForSettled(page);
    await page.getByTestId('period-select').selectOption('last_7_days');
    await expect
      .poll(() => textOf(page, 'overview-range'), { timeout: 15_000 })
      .toBe('17–23 Nov 2026 vs 10–16 Nov');
    await waitForSettled(page);
    await page.locator('[data-testid="trend-chart"] svg').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}overview-narrow.png`, fullPage: true });

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Sellers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sellers', exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows placeholders while the numbers load, not an empty page', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage();
    // Hold the answer until the placeholders have been seen, then let the real one through.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/overview?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/`);
    await page.getByTestId('overview-loading').waitFor();
    expect(await page.getByTestId('kpi-grid').count()).toBe(0);
    release();
    await waitForTiles(page);
    expect(await page.getByTestId('overview-loading').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the server’s message when loading fails, and recovers on retry', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage();
    let failures = 0;
    // Network-edge fault injection: the first answers fail (react-query retries once), then the
    // real server answers again.
    await page.route('**/api/overview?*', async (route) => {
      if (failures < 2) {
        failures += 1;
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { message: 'The database is busy.', hint: 'Try again in a moment.' },
          }),
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${server.url}/`);
    await page.getByTestId('error-panel').waitFor({ timeout: 30_000 });
    expect(await textOf(page, 'error-message')).toBe('The database is busy.');
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForTiles(page);

    const unexpected = problems.filter((problem) => !problem.text.includes('status of 503'));
    expect(unexpected).toEqual([]);
  });

  it('says when the figures are the ones before the latest data change, and updates itself', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage();
    // The server's first answer is marked refreshing (as `aisle serve` does on a large workspace
    // right after an import); the page must say so and ask again by itself until it is not.
    let answers = 0;
    await page.route('**/api/overview?*', async (route) => {
      answers += 1;
      if (answers > 1) return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), refreshing: true } });
    });
    await page.goto(`${server.url}/`);
    await waitForTiles(page);
    await page.getByTestId('refreshing-badge').waitFor();
    expect(await page.getByTestId('refreshing-badge').textContent()).toContain('Updating figures');
    await page.screenshot({ path: `${SCREENSHOTS}overview-refreshing.png` });
    await page.getByTestId('refreshing-badge').waitFor({ state: 'detached', timeout: 10_000 });
    expect(answers).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  });
});

