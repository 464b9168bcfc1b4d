// A brand-new workspace (no data): every Workspace tab says what it will hold and how to start,
// on a desktop and on a phone; the tracker sheet import lists the bad cells it refused.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Ali Analyst');

describe('Workspace on an empty workspace', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;

  function running(): { server: AisleServer; browser: Browser; dataDir: string } {
    if (!server || !browser || !dataDir) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser, dataDir };
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    await addUser(dataDir, ANALYST);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('says what each tab will hold and how to start, on a desktop and a phone', async () => {
    const { server, browser } = running();
    const cookie = await signInApi(server, ANALYST.email);
    for (const [viewport, suffix] of [[undefined, ''], [PHONE, '-phone']] as const) {
      const { page, problems } = await openSignedInPage(browser, server, cookie, viewport);
      await page.goto(`${server.url}/workspace`);
      expect(await page.getByTestId('tasks-empty').textContent()).toContain('import your tracker sheet');
      await page.screenshot({ path: `${SCREENSHOTS}workspace-empty-tasks${suffix}.png` });
      await page.getByTestId('tab-log').click();
      expect(await page.getByTestId('log-empty').textContent()).toContain('No communication logged yet');
      await page.getByTestId('tab-notes').click();
      await page.getByTestId('notes-empty').waitFor();
      await page.getByTestId('tab-search').click();
      await page.getByTestId('search-idle').waitFor();
      await page.getByTestId('search-input').fill('anything');
      await page.getByTestId('search-submit').click();
      await page.getByTestId('search-empty').waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}workspace-empty-search${suffix}.png` });
      await page.goto(`${server.url}/`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('refuses a tracker sheet with bad cells and lists every one', async () => {
    const { server, browser, dataDir } = running();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tracker');
    sheet.addRow(['Title', 'Status', 'Due']);
    sheet.addRow(['Plan the payday live', 'started', '2026-12-01']);
    sheet.addRow(['', 'todo', '31/02/2026']);
    const file = path.join(dataDir, 'bad-tracker.xlsx');
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const { page, problems } = await openSignedInPage(browser, server, await signInApi(server, ANALYST.email));
    await page.goto(`${server.url}/workspace`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('tracker-import').click();
    await (await chooser).setFiles(file);
    const error = page.getByTestId('tracker-import-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('bad-tracker.xlsx: nothing was imported');
    expect(text).toContain('Row 2, Status “started”');
    expect(text).toContain('Row 3, Due “31/02/2026”');
    await page.screenshot({ path: `${SCREENSHOTS}workspace-import-refused.png` });
    await page.getByTestId('tasks-empty').waitFor();
    expect(problems.filter((p) => !p.text.includes('400'))).toEqual([]);
  });
});
