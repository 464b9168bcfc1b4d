// A brand-new workspace (no data): the Overview explains how to get data in instead of showing
// zeros — with the way to import for those who may, and a pointer for those who may not — and the
// server shuts down cleanly on SIGTERM.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { fetchOverview } from './support/overview-contract.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const VIEWER = testUser('viewer', 'Vic Viewer');

describe('Overview on an empty workspace', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    await addUser(dataDir, ADMIN);
    await addUser(dataDir, VIEWER);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('says there is no data yet and how to get some', async () => {
    const { server, browser } = running();
    const cookie = await signInApi(server, ADMIN.email);
    const overview = await fetchOverview(server.url, cookie);
    expect(overview).toMatchObject({ asOf: null, current: null, kpis: [], trend: [], breakdown: [] });
    expect(overview.movers).toEqual({ up: [], down: [] });

    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/?period=last_28_days`);
    const empty = page.getByTestId('overview-empty');
    await empty.waitFor();
    const text = (await empty.textContent()) ?? '';
    expect(text).toContain('No data yet');
    expect(text).toContain('npx aisle demo');
    expect(await empty.getByRole('link', { name: 'Import data' }).getAttribute('href')).toBe('/imports');
    expect(await page.getByTestId('kpi-grid').count()).toBe(0);
    // Nothing to pick a period for yet.
    expect(await page.getByTestId('period-picker').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}overview-empty.png` });

    const phone = await openSignedInPage(browser, server, cookie, PHONE);
    await phone.page.goto(`${server.url}/`);
    await phone.page.getByTestId('overview-empty').waitFor();
    const overflow = await phone.page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: `${SCREENSHOTS}overview-empty-narrow.png` });
    expect(problems).toEqual([]);
    expect(phone.problems).toEqual([]);
  });

  it('tells a viewer who can bring data in', async () => {
    const { server, browser } = running();
    const cookie = await signInApi(server, VIEWER.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/`);
    const empty = page.getByTestId('overview-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('once an analyst or manager imports');
    expect(await empty.getByRole('link', { name: 'About imports' }).getAttribute('href')).toBe('/imports');
    expect(problems).toEqual([]);
  });

  it('stops cleanly on SIGTERM', async () => {
    const { server } = running();
    await server.stop();
    expect(server.exitCode()).toBe(0);
  });
});
