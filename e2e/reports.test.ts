// Reports in a real Chromium against the real `aisle serve` with the demo data: a manager previews
// the weekly report, generates it from the page and downloads every format (each read back); the
// archive lists it; a commentary saved in Sections shows in the preview; a viewer can preview and
// download but not generate. Screenshots at 1440 and 390 px.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const MANAGER = testUser('manager', 'Mia Manager');
const VIEWER = testUser('viewer', 'Vic Viewer');

describe('Reports page (real server)', () => {
  let dataDir: string | undefined;
  let workDir = '';
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let managerCookie = '';
  let viewerCookie = '';

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    workDir = await mkdtemp(path.join(tmpdir(), 'aisle-e2e-reports-'));
    await seedDemo(dataDir);
    for (const user of [MANAGER, VIEWER]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    managerCookie = await signInApi(server, MANAGER.email);
    viewerCookie = await signInApi(server, VIEWER.email);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('a manager generates the weekly report from the page and downloads every format', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, managerCookie);
    await page.goto(`${server.url}/reports`);
    // The demo ends on Monday 23 Nov 2026: the latest complete week is W47.
    await page.getByTestId('preview-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('preview-summary').textContent()).toMatch(/^Weekly report 2026-W47 · 2026-11-16 to 2026-11-22 · \d+ findings/);
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await frame.locator('section#kpis').waitFor();
    expect(await frame.locator('section#findings li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-preview-1440.png'), fullPage: false });

    await page.getByTestId('generate-report').click();
    const ready = page.getByTestId('generated-report');
    await ready.waitFor({ timeout: 120_000 });
    expect(await ready.textContent()).toContain('Report 2026-W47 is ready');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-generated-1440.png') });

    const saved: Record<string, Buffer> = {};
    for (const [format, label] of [['pdf', 'PDF'], ['xlsx', 'Excel'], ['pptx', 'PowerPoint'], ['html', 'HTML']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), ready.getByRole('link', { name: label, exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(`aisle-weekly-2026-W47.${format}`);
      const file = path.join(workDir, download.suggestedFilename());
      await download.saveAs(file);
      saved[format] = await readFile(file);
    }
    expect(saved.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(saved.pptx?.subarray(0, 2).toString()).toBe('PK');
    expect(saved.html?.toString()).toContain('<title>Weekly report 2026-W47</title>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved.xlsx as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('KPIs')?.getCell('A5').value).toBe('GMV');
    expect(typeof workbook.getWorksheet('KPIs')?.getCell('B5').value).toBe('number');

    await page.getByTestId('tab-archive').click();
    const archive = page.getByTestId('report-archive');
    await archive.waitFor();
    expect(await archive.textContent()).toContain('Weekly 2026-W47');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-archive-1440.png') });
    expect(problems).toEqual([]);
  });

  it('a commentary saved in Sections appears in the preview', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, managerCookie);
    await page.goto(`${server.url}/reports?tab=sections`);
    await page.getByTestId('commentary-input').fill('Kitchen carried the week; call the falling sellers.');
    await page.getByTestId('section-alerts').getByRole('checkbox').uncheck();
    await page.getByTestId('save-sections').click();
    await page.getByText('Last changed by manager@e2e.aisle').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-sections-1440.png') });
    await page.getByTestId('tab-report').click();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await frame.locator('section#commentary').waitFor({ timeout: 60_000 });
    expect(await frame.locator('section#commentary').textContent()).toContain('Kitchen carried the week; call the falling sellers.');
    expect(await frame.locator('section#alerts').count()).toBe(0);
    await page.getByTestId('tab-schedules').click();
    await page.getByTestId('schedule-weekly').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-schedules-1440.png') });
    expect(problems).toEqual([]);

    const phone = await openSignedInPage(browser, server, managerCookie, PHONE);
    for (const tab of ['sections', 'schedules']) {
      await phone.page.goto(`${server.url}/reports?tab=${tab}`);
      await phone.page.getByTestId(tab === 'sections' ? 'sections-panel' : 'schedule-monthly').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await phone.page.screenshot({ path: path.join(SCREENSHOTS, `reports-${tab}-390.png`), fullPage: true });
    }
    expect(phone.problems).toEqual([]);
  });

  it('a viewer on a phone previews and downloads from the archive but cannot generate', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, viewerCookie, PHONE);
    await page.goto(`${server.url}/reports`);
    await page.getByTestId('preview-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('generate-report').count()).toBe(0);
    expect(await page.getByTestId('tab-sections').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-preview-390.png') });
    await page.getByTestId('tab-archive').click();
    await page.getByTestId('report-archive').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-archive-390.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('a period that does not exist shows the error with how to write one', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, managerCookie);
    await page.goto(`${server.url}/reports?kind=monthly`);
    await page.getByTestId('preview-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('period-input').fill('2026-13');
    await page.getByTestId('show-period').click();
    const error = page.getByTestId('error-panel');
    await error.waitFor();
    expect(await error.textContent()).toContain('write a monthly period as YYYY-MM, e.g. 2026-11');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-error-1440.png') });
    expect(problems.filter((p) => !p.text.includes('status of 400'))).toEqual([]);
  });
});

describe('Reports page on an empty workspace', () => {
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

  it('says there is nothing to report yet and how to get data in; the archive is empty', async () => {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    const { page, problems } = await openSignedInPage(browser, server, await signInApi(server, ADMIN.email));
    await page.goto(`${server.url}/reports`);
    await page.getByTestId('reports-empty').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('reports-empty').textContent()).toContain('No data to report on yet');
    expect(await page.getByTestId('generate-report').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-empty-1440.png') });
    await page.getByTestId('tab-archive').click();
    await page.getByTestId('archive-empty').waitFor();
    expect(problems).toEqual([]);
  });
});
