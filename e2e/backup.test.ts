// Settings → Backup in a real Chromium against the real `aisle serve`: an admin downloads a backup
// of the running workspace, and the downloaded file restores (through the real CLI) into a new data
// dir with the same rows. Other roles do not see the tab.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Ali Analyst');

describe('Settings → Backup (real server)', () => {
  let dataDir: string | undefined;
  let restored: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dataDir = await createDataDir();
    restored = await createDataDir();
    await runAisle(dataDir, ['init']);
    for (const user of [ADMIN, ANALYST]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
    if (restored) await removeDataDir(restored);
  });

  it('an admin downloads a backup of the running workspace, and it restores with the same users', async () => {
    if (!server || !browser || !restored) throw new Error('not started');
    const { page, problems } = await openSignedInPage(browser, server, await signInApi(server, ADMIN.email));
    await page.goto(`${server.url}/settings/backup`);
    await page.getByTestId('backup-panel').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('backup-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^aisle-backup-\d{4}-\d{2}-\d{2}T\d{4}Z\.tar\.gz$/);
    await expect(page.getByTestId('backup-saved').textContent()).resolves.toContain(file.suggestedFilename());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-backup.png'), fullPage: true });
    const saved = path.join(restored, '..', `${path.basename(restored)}-${file.suggestedFilename()}`);
    await file.saveAs(saved);

    // Restore into an empty data dir with the real CLI, then sign in there as the same admin.
    const target = path.join(restored, 'workspace');
    const result = await runAisle(target, ['restore', saved, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: expect.any(Number) });
    const users = await runAisle(target, ['user', 'list', '--json']);
    expect((JSON.parse(users.stdout) as { users: { email: string }[] }).users.map((u) => u.email).sort()).toEqual([ADMIN.email, ANALYST.email].sort());
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('analysts do not see the tab', async () => {
    if (!server || !browser) throw new Error('not started');
    const { page } = await openSignedInPage(browser, server, await signInApi(server, ANALYST.email));
    await page.goto(`${server.url}/settings/tokens`);
    await page.getByRole('tab', { name: 'API tokens' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Backup' }).count()).toBe(0);
    await page.context().close();
  });
});
