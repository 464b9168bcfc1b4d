// A brand-new workspace (an admin, no data): the Overview explains how to get data in instead of
// showing zeros, and the server shuts down cleanly on SIGTERM.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, openSignedInPage, signInApi } from './support/auth.ts';
import { launchBrowser } from './support/browser.ts';
import { fetchOverview } from './support/overview-contract.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

describe('Overview on an empty workspace', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    await addUser(dataDir, ADMIN);
    server = await startServer(dataDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('says there is no data yet and how to get some', async () => {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    const cookie = await signInApi(server, ADMIN.email);
    const overview = await fetchOverview(server.url, cookie, 7);
    expect(overview).toMatchObject({ asOf: null, kpis: [], trend: [] });

    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/`);
    const empty = page.getByTestId('overview-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No data yet');
    expect(await empty.textContent()).toContain('aisle demo');
    expect(await page.getByTestId('kpi-grid').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('stops cleanly on SIGTERM', async () => {
    if (!server) throw new Error('beforeAll did not start the server');
    await server.stop();
    expect(server.exitCode()).toBe(0);
  });
});
