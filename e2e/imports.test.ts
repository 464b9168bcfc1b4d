// The Imports page in a real Chromium against the real `aisle serve` on a fresh workspace: an
// analyst uploads a workbook whose header sits below a title row and has a column the matcher
// cannot name, maps that column by hand, sees the invalid row marked in the preview, loads the
// valid rows, downloads the rejected one as CSV and finds the loaded GMV on the Overview. A viewer
// sees the history but cannot upload. No page may log an error; screenshots at desktop and phone
// widths go to e2e/screenshots/.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../web/src/ui/format.ts';
import { addUser, apiJson, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { fetchOverview, kpiOf } from './support/overview-contract.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const ANALYST = testUser('analyst', 'Ali Analyst');
const VIEWER = testUser('viewer', 'Vic Viewer');

const FILE_NAME = 'orders-november.xlsx';
/** Row 1 is a title, row 2 the header; data starts on row 3, so the invalid line is row 5. */
/** "Chanel" is a typo the matcher can only guess (fuzzy), so the page marks it for review. */
const HEADER = ['Order ID', 'Waktu Order', 'Shop Name', 'Order Amount', 'Qty', 'Chanel'];
const ROWS = [
  ['NOV-1', '2026-11-20 09:15', 'Casa Verde', '120.50', '1', 'live'],
  ['NOV-2', '2026-11-21 14:02', 'Casa Verde', '80.25', '2', 'video'],
  ['NOV-3', '2026-11-21 16:40', 'Toko Maju', 'abc', '1', 'live'],
  ['NOV-4', '2026-11-22 11:30', 'Toko Maju', '49.25', '3', 'product_card'],
];
const INVALID_ROW = 5;
/** The orders kind's label for ordered_at, listed as missing until the column is mapped. */
const ORDERED_AT_LABEL = 'Ordered at';
const VALID_GMV = 120.5 + 80.25 + 49.25;

interface ImportRecord {
  id: string;
  file: string;
  kind: string;
  status: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  by: string;
}

async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Orders');
  sheet.addRow(['Order export — Aisle e2e, November 2026']);
  sheet.addRow(HEADER);
  for (const row of ROWS) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** A full-page screenshot at phone width of the page as it is (its state kept), then back to desktop. */
async function phoneScreenshot(page: Page, file: string): Promise<void> {
  await page.setViewportSize(PHONE);
  // The navigation slides off-screen below the `sm` breakpoint; wait until it is gone.
  await page.waitForFunction(() => {
    const nav = document.querySelector('[aria-label="Main navigation"]');
    return nav === null || nav.getBoundingClientRect().right <= 0;
  });
  await page.screenshot({ path: `${SCREENSHOTS}${file}`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
}

describe('Imports page', () => {
  let dataDir: string | undefined;
  let workDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;

  function running(): { server: AisleServer; browser: Browser; workDir: string } {
    if (!server || !browser || !workDir)
      throw new Error('beforeAll did not start the server and the browser');
    return { server, browser, workDir };
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    workDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    for (const user of [ANALYST, VIEWER]) await addUser(dataDir, user);
    await writeWorkbook(path.join(workDir, FILE_NAME));
    server = await startServer(dataDir);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('an analyst maps a column, loads the valid rows, downloads the rejected one and sees the GMV', async () => {
    const { server, browser, workDir } = running();
    const cookie = await signInApi(server, ANALYST.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/imports`);
    await heading(page, 'Imports');
    await page.getByTestId('imports-empty').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}imports-upload.png`, fullPage: true });
    await phoneScreenshot(page, 'imports-upload-phone.png');

    // A file the server cannot import is refused with its reason (the 400 is expected below).
    await writeFile(path.join(workDir, 'notes.pdf'), '%PDF-1.4');
    await page.getByTestId('import-file-input').setInputFiles(path.join(workDir, 'notes.pdf'));
    const refusal = page.getByTestId('import-upload').getByTestId('form-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('cannot import .pdf files');

    // Upload: the kind defaults to order lines; the file goes through the hidden input.
    expect(await page.getByRole('combobox', { name: 'The file holds' }).inputValue()).toBe('Order lines');
    await page.getByTestId('import-file-input').setInputFiles(path.join(workDir, FILE_NAME));
    await page.getByTestId('import-preview').waitFor();
    expect(await textOf(page, 'import-file-name')).toBe(FILE_NAME);

    // The header was found below the title row; "Waktu Order" matched nothing, so ordered_at is missing.
    await page.getByTestId('mapping-table').waitFor();
    expect(await page.getByRole('textbox', { name: 'Header row' }).inputValue()).toBe('2');
    const rows = page.getByTestId('mapping-row');
    expect(await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-header')))).toEqual(
      HEADER,
    );
    const waktu = page.locator('[data-testid="mapping-row"][data-header="Waktu Order"]');
    expect(await waktu.getByTestId('match-badge').textContent()).toBe('Not matched');
    expect(await waktu.textContent()).toContain('2026-11-20 09:15');
    expect(await textOf(page, 'missing-required')).toContain(ORDERED_AT_LABEL);
    expect(await page.getByTestId('load-button').isDisabled()).toBe(true);
    const chanel = page.locator('[data-testid="mapping-row"][data-header="Chanel"]');
    expect(await chanel.getAttribute('data-review')).toBe('true');
    expect(await chanel.getByTestId('match-badge').textContent()).toMatch(/^Guess \d+%$/);
    expect(await page.getByRole('combobox', { name: 'Field for column Chanel' }).inputValue()).toBe(
      'Channel (channel)',
    );

    // Fix the mapping: the preview runs again with the choice and shows the parsed rows.
    await page.getByRole('combobox', { name: 'Field for column Waktu Order' }).click();
    await page.getByRole('combobox', { name: 'Field for column Waktu Order' }).fill('ordered_at');
    await page.getByRole('option', { name: /\(ordered_at\)/ }).click();
    await page.getByTestId('preview-rows').waitFor();
    expect(await page.getByTestId('missing-required').count()).toBe(0);
    expect(await waktu.getByTestId('match-badge').textContent()).toBe('Your choice');
    expect(await textOf(page, 'preview-counts')).toBe('4 rows read0 blank rows skipped1 row with errors');

    // The invalid row is marked, its cell red with the reason.
    const invalid = page.locator(`[data-testid="preview-row"][data-row="${INVALID_ROW}"]`);
    expect(await invalid.getAttribute('data-invalid')).toBe('true');
    expect(await page.locator('[data-testid="preview-row"][data-invalid]').count()).toBe(1);
    const errorCell = invalid.getByTestId('preview-error-cell');
    expect(await errorCell.textContent()).toBe('abc');
    const reason = (await errorCell.getAttribute('data-error')) ?? '';
    expect(reason).not.toBe('');
    const background = await errorCell.evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await errorCell.locator('span').hover();
    await page.getByRole('tooltip', { name: reason }).waitFor();

    // All or nothing by default: the button says why it cannot load.
    const load = page.getByTestId('load-button');
    expect(await load.textContent()).toBe('Nothing can load until fixed');
    expect(await load.isDisabled()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}imports-preview.png`, fullPage: true });
    await phoneScreenshot(page, 'imports-preview-phone.png');

    await page.getByLabel('Skip the 1 invalid row and load the rest').check();
    expect(await load.textContent()).toBe('Load 3 rows');
    await load.click();

    // The result: counts, the problem, the rejected row as CSV.
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getByTestId('import-status').textContent()).toBe('Loaded');
    const figures = await page
      .getByTestId('import-figure')
      .evaluateAll((nodes) =>
        nodes.map((node) => [node.getAttribute('data-label'), node.lastElementChild?.textContent]),
      );
    expect(figures).toEqual([
      ['Rows read', '4'],
      ['Loaded', '3'],
      ['Rejected', '1'],
      ['Blank, skipped', '0'],
    ]);
    const errorRows = page.getByTestId('import-error-row');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.first().textContent()).toBe(`${INVALID_ROW}Order Amountabc${reason}`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rejects-download').click(),
    ]);
    const csvPath = await download.path();
    const csv = (await readFile(csvPath, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^row,column,value,message/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${INVALID_ROW},Order Amount,abc,`);
    expect(lines[1]).toContain('NOV-3');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}imports-result.png`, fullPage: true });
    await phoneScreenshot(page, 'imports-result-phone.png');

    // The history lists the import, with the same download.
    const history = page.getByTestId('import-history-row');
    await history.first().waitFor();
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toContain(FILE_NAME);
    expect(await history.first().getByTestId('history-rejects-download').count()).toBe(1);
    const imports = (await apiJson<{ imports: ImportRecord[] }>(server, cookie, '/api/imports')).imports;
    expect(imports).toMatchObject([
      {
        file: FILE_NAME,
        kind: 'orders',
        status: 'loaded',
        rowsRead: 4,
        rowsLoaded: 3,
        rowsRejected: 1,
        by: ANALYST.email,
      },
    ]);

    // The Overview now shows the loaded rows' GMV (navigating inside the app: its data was invalidated).
    await page.getByRole('link', { name: 'Overview', exact: true }).first().click();
    await heading(page, 'Overview');
    await page.getByTestId('kpi-gmv-value').waitFor();
    const overview = await fetchOverview(server.url, cookie);
    // Figures computed after the import may come a moment later than the page (shown as updating).
    await page.getByTestId('refreshing-badge').waitFor({ state: 'detached' });
    expect(kpiOf(overview, 'gmv').value).toBeCloseTo(VALID_GMV, 2);
    expect(await textOf(page, 'kpi-gmv-value')).toBe(formatValue(VALID_GMV, 'money', overview.currency));

    // The only console line allowed is the browser's own log of the refused upload.
    expect(problems.filter((problem) => !problem.text.includes('status of 400'))).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('the same file dropped on the page again reuses the saved mapping and loads nothing new', async () => {
    const { server, browser, workDir } = running();
    const cookie = await signInApi(server, ANALYST.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/imports`);
    await heading(page, 'Imports');
    await page.getByTestId('import-history-row').first().waitFor();

    const bytes = (await readFile(path.join(workDir, FILE_NAME))).toString('base64');
    const dataTransfer = await page.evaluateHandle(
      ({ name, base64 }) => {
        const transfer = new DataTransfer();
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([data], name));
        return transfer;
      },
      { name: FILE_NAME, base64: bytes },
    );
    await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('preview-rows').waitFor();
    const waktu = page.locator('[data-testid="mapping-row"][data-header="Waktu Order"]');
    expect(await waktu.getByTestId('match-badge').textContent()).toBe('Saved mapping');

    await page.getByLabel('Skip the 1 invalid row and load the rest').check();
    await page.getByTestId('load-button').click();
    const duplicate = page.getByTestId('import-duplicate');
    await duplicate.waitFor();
    expect(await duplicate.textContent()).toContain(`same file as ${FILE_NAME}`);
    expect(await page.getByTestId('import-result').getByTestId('import-status').textContent()).toBe(
      'Already imported',
    );
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="import-history-row"]').length === 2,
    );
    await page.screenshot({ path: `${SCREENSHOTS}imports-duplicate.png`, fullPage: true });
    const overview = await fetchOverview(server.url, cookie);
    expect(kpiOf(overview, 'gmv').value).toBeCloseTo(VALID_GMV, 2);
    expect(problems).toEqual([]);
  });

  it('a viewer sees the history but no upload', async () => {
    const { server, browser } = running();
    const cookie = await signInApi(server, VIEWER.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/imports`);
    await heading(page, 'Imports');
    await page.getByTestId('import-history-row').first().waitFor();
    expect(await page.getByTestId('import-history-row').first().textContent()).toContain(FILE_NAME);
    expect(await page.getByTestId('import-upload').count()).toBe(0);
    expect(await page.getByTestId('import-file-input').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}imports-viewer.png`, fullPage: true });
    await phoneScreenshot(page, 'imports-viewer-phone.png');
    expect(problems).toEqual([]);
  });

  it('an export of one shop without a seller column loads once the seller for every row is typed', async () => {
    const { server, browser, workDir } = running();
    const cookie = await signInApi(server, ANALYST.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    const file = path.join(workDir, 'one-shop-orders.csv');
    await writeFile(file, 'Order ID,Created Time,Order Amount\nONE-1,2026-11-22 10:00,15.00\nONE-2,2026-11-22 11:00,25.00\n');
    await page.goto(`${server.url}/imports`);
    await heading(page, 'Imports');
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('missing-required').waitFor();
    expect(await textOf(page, 'missing-required')).toContain('Seller for every row');
    expect(await page.getByTestId('load-button').isDisabled()).toBe(true);

    const seller = page.getByRole('textbox', { name: 'Seller for every row' });
    await seller.fill('Toko Satu');
    await seller.press('Enter');
    await page.getByTestId('preview-rows').waitFor();
    expect(await page.getByTestId('missing-required').count()).toBe(0);
    expect(await textOf(page, 'preview-counts')).toBe('2 rows read0 blank rows skipped0 rows with errors');
    const load = page.getByTestId('load-button');
    expect(await load.textContent()).toBe('Load 2 rows');
    await load.click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').getByTestId('import-status').textContent()).toBe('Loaded');
    const imports = (await apiJson<{ imports: ImportRecord[] }>(server, cookie, '/api/imports')).imports;
    expect(imports[0]).toMatchObject({ file: 'one-shop-orders.csv', status: 'loaded', rowsLoaded: 2, rowsRejected: 0 });
    expect(problems).toEqual([]);
  });
});
