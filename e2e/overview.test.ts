// The Overview in a real Chromium against the real `aisle serve` with the e2e demo dataset, signed
// in as an admin: the numbers on screen are the API's numbers, every navigation entry opens its
// page, nothing logs an error, and the layout holds at desktop and phone widths (screenshots in
// e2e/screenshots/).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChange, formatChangeRatio, formatValue } from '../web/src/ui/format.ts';
import { addUser, ADMIN, openSignedInPage, signInApi } from './support/auth.ts';
import { launchBrowser, PHONE, type WatchedPage } from './support/browser.ts';
import { fetchOverview, kpiOf } from './support/overview-contract.ts';
import {
  createDataDir,
  E2E_DEMO,
  removeDataDir,
  seedDemo,
  startServer,
  type AisleServer,
} from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** `path` is where the page lands (Settings opens its first tab); `planned` pages are placeholders. */
const SECTIONS = [
  { label: 'Overview', path: '/', planned: false },
  { label: 'Sellers', path: '/sellers', planned: true },
  { label: 'Opportunities', path: '/opportunities', planned: true },
  { label: 'Livestreams', path: '/livestreams', planned: true },
  { label: 'Reports', path: '/reports', planned: true },
  { label: 'Imports', path: '/imports', planned: false },
  { label: 'Workspace', path: '/workspace', planned: false },
  { label: 'Settings', path: '/settings/users', planned: false },
] as const;

async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent())?.trim() ?? '';
}

async function waitForKpis(page: Page): Promise<void> {
  await page.getByTestId('kpi-gmv-value').waitFor({ timeout: 30_000 });
}

describe('Overview (real server, demo data)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let cookie: string | undefined;

  function running(): { server: AisleServer; browser: Browser; cookie: string } {
    if (!server || !browser || !cookie) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser, cookie };
  }

  /** A page signed in as the admin. */
  function openAdminPage(viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const { server, browser, cookie } = running();
    return openSignedInPage(browser, server, cookie, viewport);
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    await addUser(dataDir, ADMIN);
    server = await startServer(dataDir);
    cookie = await signInApi(server, ADMIN.email);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('shows GMV and orders exactly as /api/overview returns them', async () => {
    const { server, cookie } = running();
    const overview = await fetchOverview(server.url, cookie, 7);
    expect(overview.asOf).toBe(E2E_DEMO.end);
    expect(overview.current).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(overview.previous).toEqual({ from: '2026-11-10', to: '2026-11-16' });

    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForKpis(page);

    // Written out with Intl here rather than through the page's formatter: this is the spec.
    const { currency } = overview;
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    const signedMoney = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      signDisplay: 'exceptZero',
    });
    const count = new Intl.NumberFormat('en-US');
    const signedCount = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });
    const signedPercent = new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });

    const gmv = kpiOf(overview, 'gmv');
    const orders = kpiOf(overview, 'orders');
    for (const kpi of [gmv, orders]) {
      expect(kpi.value, `${kpi.metric} value`).not.toBeNull();
      expect(kpi.previous, `${kpi.metric} previous`).not.toBeNull();
      expect(kpi.change, `${kpi.metric} change`).not.toBeNull();
      expect(kpi.changeRatio, `${kpi.metric} changeRatio`).not.toBeNull();
    }
    expect(await textOf(page, 'kpi-gmv-value')).toBe(money.format(gmv.value ?? NaN));
    expect(await textOf(page, 'kpi-gmv-previous')).toBe(money.format(gmv.previous ?? NaN));
    expect(await textOf(page, 'kpi-gmv-change')).toBe(signedMoney.format(gmv.change ?? NaN));
    expect(await textOf(page, 'kpi-gmv-change-ratio')).toBe(
      `(${signedPercent.format(gmv.changeRatio ?? NaN)})`,
    );
    expect(await textOf(page, 'kpi-orders-value')).toBe(count.format(orders.value ?? NaN));
    expect(await textOf(page, 'kpi-orders-previous')).toBe(count.format(orders.previous ?? NaN));
    expect(await textOf(page, 'kpi-orders-change')).toBe(signedCount.format(orders.change ?? NaN));
    expect(await textOf(page, 'kpi-orders-change-ratio')).toBe(
      `(${signedPercent.format(orders.changeRatio ?? NaN)})`,
    );

    expect(await textOf(page, 'overview-range')).toBe('Nov 17 – Nov 23 vs Nov 10 – Nov 16');
    expect(await textOf(page, 'overview-currency')).toBe(currency);
    await page.locator('[data-testid="trend-chart"] svg').first().waitFor();

    await page.screenshot({ path: `${SCREENSHOTS}overview.png` });
    expect(problems).toEqual([]);
  });

  it('shows one card per KPI the API returns, each formatted by the page formatter', async () => {
    const { server, cookie } = running();
    const overview = await fetchOverview(server.url, cookie, 7);
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForKpis(page);

    await expect(page.getByTestId('kpi-grid').locator(':scope > *').count()).resolves.toBe(
      overview.kpis.length,
    );
    for (const kpi of overview.kpis) {
      const id = `kpi-${kpi.metric}`;
      expect(await textOf(page, `${id}-value`), id).toBe(
        formatValue(kpi.value, kpi.format, overview.currency),
      );
      expect(await textOf(page, `${id}-previous`), id).toBe(
        formatValue(kpi.previous, kpi.format, overview.currency),
      );
      if (kpi.change === null) {
        expect(await page.getByTestId(`${id}-change`).count(), id).toBe(0);
      } else {
        expect(await textOf(page, `${id}-change`), id).toBe(
          formatChange(kpi.change, kpi.format, overview.currency),
        );
        expect(await textOf(page, `${id}-change-ratio`), id).toBe(`(${formatChangeRatio(kpi.changeRatio)})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('switches the compared period and shows that period’s numbers', async () => {
    const { server, cookie } = running();
    const overview = await fetchOverview(server.url, cookie, 28);
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForKpis(page);

    await page.getByText('28 days', { exact: true }).click();
    const expected = formatValue(kpiOf(overview, 'gmv').value, 'money', overview.currency);
    await expect.poll(() => textOf(page, 'kpi-gmv-value'), { timeout: 15_000 }).toBe(expected);
    expect(new URL(page.url()).search).toBe('?days=28');
    expect(await textOf(page, 'overview-range')).toBe('Oct 27 – Nov 23 vs Sep 29 – Oct 26');
    expect(problems).toEqual([]);
  });

  it('opens every page from the navigation, and deep links survive a reload', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage();
    await page.goto(`${server.url}/`);
    await waitForKpis(page);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });

    for (const section of SECTIONS) {
      await navigation.getByRole('link', { name: section.label, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: section.label, exact: true }).waitFor();
      expect(new URL(page.url()).pathname, section.label).toBe(section.path);
      expect(await page.title(), section.label).toBe(`${section.label} · Aisle`);
      expect(await page.getByTestId('planned-page').isVisible(), section.label).toBe(section.planned);
    }

    await page.goto(`${server.url}/livestreams`);
    await page.getByRole('heading', { level: 1, name: 'Livestreams', exact: true }).waitFor();
    await page.goto(`${server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found', exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('fits a phone screen and navigates through the menu', async () => {
    const { server } = running();
    const { page, problems } = await openAdminPage(PHONE);
    await page.goto(`${server.url}/`);
    await waitForKpis(page);
    await page.locator('[data-testid="trend-chart"] svg').first().waitFor();

    // A string, because this file is type-checked without the DOM library.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}overview-narrow.png`, fullPage: true });

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Sellers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sellers', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
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
    await waitForKpis(page);

    const unexpected = problems.filter((problem) => !problem.text.includes('status of 503'));
    expect(unexpected).toEqual([]);
  });
});
