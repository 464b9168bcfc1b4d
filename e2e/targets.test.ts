// Settings → Targets in a real Chromium against the real `aisle serve` with the demo data: a
// manager adds a target, edits it in place and sees its progress as the API computes it; a sheet
// with a bad row lists every problem and saves nothing; a viewer sees progress but no controls.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, apiJson, apiRequest, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const MANAGER = testUser('manager', 'Mia Manager');
const VIEWER = testUser('viewer', 'Vic Viewer');

interface ProgressItem {
  metric: string;
  scope: string;
  target: number;
  actual: number | null;
  projection: number | null;
  status: 'ahead' | 'on_track' | 'behind' | null;
}
interface ProgressReport {
  period: string;
  asOf: string | null;
  currency: string;
  items: ProgressItem[];
}

const STATUS_TEXT = { ahead: 'Ahead', on_track: 'On track', behind: 'Behind' } as const;

describe('Settings → Targets (real server)', () => {
  let dataDir: string | undefined;
  let workDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let managerCookie = '';

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }
  const progress = () => apiJson<ProgressReport>(running().server, managerCookie, '/api/targets/progress?period=2026-11');

  beforeAll(async () => {
    dataDir = await createDataDir();
    workDir = await mkdtemp(path.join(tmpdir(), 'aisle-e2e-targets-'));
    await seedDemo(dataDir);
    for (const user of [MANAGER, VIEWER]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    managerCookie = await signInApi(server, MANAGER.email);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('a manager adds a target, edits it in place and sees its progress', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, managerCookie);
    await page.goto(`${server.url}/settings/targets`);
    // Opens on the month of the latest data (the demo ends on 23 Nov 2026), with nothing set yet.
    await page.getByTestId('targets-empty').waitFor();
    expect(await page.getByTestId('target-period-label').textContent()).toBe('November 2026');
    expect(await page.getByTestId('target-as-of').textContent()).toBe('Data to Nov 23, 2026 · day 23 of 30');

    const form = page.getByTestId('target-add-form');
    await form.getByRole('button', { name: 'Add target' }).click();
    await form.getByText('Pick a metric.').waitFor();
    await form.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'GMV', exact: true }).click();
    await form.getByRole('textbox', { name: 'Target' }).fill('500000');
    await form.getByRole('button', { name: 'Add target' }).click();

    const row = page.locator('[data-testid="target-row"][data-metric="gmv"][data-scope="category"]');
    await row.waitFor();
    const added = (await progress()).items.find((i) => i.metric === 'gmv' && i.scope === 'category');
    expect(added?.target).toBe(500000);

    // Edit in place: Enter saves.
    await row.getByRole('button', { name: 'Edit' }).click();
    const input = row.getByTestId('target-edit-input');
    await input.fill('450000');
    await input.press('Enter');
    await expect.poll(async () => (await progress()).items.find((i) => i.metric === 'gmv')?.target).toBe(450000);
    await row.getByTestId('target-value').waitFor();

    // What the row shows is what the API computed, formatted.
    const item = (await progress()).items.find((i) => i.metric === 'gmv');
    if (!item || item.actual === null || item.projection === null || item.status === null) throw new Error(`no progress for gmv: ${JSON.stringify(item)}`);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: (await progress()).currency });
    await expect.poll(async () => row.getByTestId('target-value').textContent()).toBe(money.format(450000));
    expect(await row.getByTestId('target-actual').textContent()).toBe(money.format(item.actual));
    expect(await row.getByTestId('target-projection').textContent()).toBe(money.format(item.projection));
    expect(await row.getByTestId('target-status').textContent()).toBe(STATUS_TEXT[item.status]);
    expect(await row.getByTestId('target-progress-bar').getAttribute('data-status')).toBe(item.status);

    // More targets through the API, so the page shows a realistic mix (a tier, a rate, a subcategory).
    const options = await apiJson<{ subcategories: { id: string }[]; tiers: string[] }>(server, managerCookie, '/api/targets/options');
    const put = await fetch(`${server.url}/api/targets`, {
      method: 'PUT',
      headers: { origin: server.url, cookie: managerCookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: [
          { metric: 'orders', scope: `seller_tier:${options.tiers[0]}`, period: '2026-11', value: 900 },
          { metric: 'live_gmv_share', period: '2026-11', value: 0.35 },
          { metric: 'live_sessions', scope: `subcategory:${options.subcategories[0]?.id}`, period: '2026-11', value: 40 },
        ],
      }),
    });
    expect(put.status).toBe(200);
    await page.reload();
    await page.locator('[data-testid="target-row"][data-metric="live_gmv_share"]').waitFor();
    expect(await page.getByTestId('target-row').count()).toBe(4);
    await page.screenshot({ path: `${SCREENSHOTS}targets.png`, fullPage: true });

    const phone = await openSignedInPage(browser, server, managerCookie, PHONE);
    await phone.page.goto(`${server.url}/settings/targets`);
    await phone.page.locator('[data-testid="target-row"][data-metric="live_gmv_share"]').waitFor();
    await phone.page.screenshot({ path: `${SCREENSHOTS}targets-phone.png`, fullPage: true });
    expect(phone.problems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('a sheet with a bad row lists every problem and saves nothing', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, managerCookie);
    await page.goto(`${server.url}/settings/targets`);
    await page.getByTestId('targets-table').waitFor();
    const before = (await progress()).items.length;

    const sheet = path.join(workDir ?? '', 'december plan.csv');
    await writeFile(sheet, 'Metric,Month,Target\ngmv,2026-12,600000\nbuyers_per_day,2026-12,40\ngmv,2026-13,1\n');
    await page.getByTestId('target-import-open').click();
    const dialog = page.getByRole('dialog', { name: 'Import targets from a sheet' });
    await dialog.getByTestId('target-import-input').setInputFiles(sheet);
    await dialog.getByTestId('import-errors').waitFor();
    expect(await dialog.getByTestId('import-error-row').allTextContents()).toEqual([
      expect.stringContaining('not a metric in the catalog'),
      expect.stringContaining('not a month YYYY-MM or an ISO week YYYY-Www'),
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}targets-import-errors.png` });
    const december = await apiJson<ProgressReport>(server, managerCookie, '/api/targets/progress?period=2026-12');
    expect(december.items).toEqual([]);
    expect((await progress()).items).toHaveLength(before);
    expect(problems.filter((p) => !p.text.includes('400'))).toEqual([]);
  });

  it('a viewer sees the targets and their progress but no edit controls', async () => {
    const { server, browser } = running();
    const viewerCookie = await signInApi(server, VIEWER.email);
    const { page, problems } = await openSignedInPage(browser, server, viewerCookie, PHONE);
    await page.goto(`${server.url}/settings/targets`);
    await page.getByTestId('targets-table').waitFor();
    expect(await page.getByTestId('target-row').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await page.getByTestId('target-add-form').count()).toBe(0);
    expect(await page.getByTestId('target-import-open').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}targets-viewer-phone.png`, fullPage: true });
    const refused = await apiRequest(server, viewerCookie, 'DELETE', '/api/targets?metric=gmv&period=2026-11');
    expect(refused.status).toBe(403);
    expect(problems).toEqual([]);
  });
});
