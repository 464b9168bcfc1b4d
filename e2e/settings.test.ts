// Settings in a real Chromium against the real `aisle serve`: an admin invites a user (temporary
// password shown once), changes a role and disables them; anyone creates an API token no stronger
// than their own role, uses it and revokes it; and changing one's password keeps this session
// while ending the others. Each step is checked against the API, not just on screen.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  ADMIN,
  apiJson,
  apiRequest,
  openSignedInPage,
  signInApi,
  testUser,
  type Role,
} from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const ANALYST = testUser('analyst', 'Ali Analyst');
const MANAGER = testUser('manager', 'Mia Manager');

interface ApiUser {
  email: string;
  role: Role;
  disabled: boolean;
}

describe('Settings (real server)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let adminCookie = '';

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    for (const user of [ADMIN, ANALYST, MANAGER]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    adminCookie = await signInApi(server, ADMIN.email);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('an admin invites a user, changes their role and disables them', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, adminCookie);
    await page.goto(`${server.url}/settings/users`);
    await page.getByTestId('users-table').waitFor();

    await page.getByRole('button', { name: 'Invite user' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite user' });
    await invite.getByLabel('E-mail').fill('nina@e2e.aisle');
    await invite.getByLabel('Display name').fill('Nina New');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const secret = invite.getByTestId('shown-once-secret');
    await secret.waitFor();
    const temporaryPassword = (await secret.textContent()) ?? '';
    expect(await invite.textContent()).toContain('It will not be shown again.');
    await page.screenshot({ path: `${SCREENSHOTS}invite-user.png` });
    await invite.getByRole('button', { name: 'Done' }).click();
    await invite.waitFor({ state: 'hidden' });

    // The temporary password works, once handed over.
    await signInApi(server, 'nina@e2e.aisle', temporaryPassword);
    const row = page.locator('[data-testid="user-row"][data-email="nina@e2e.aisle"]');
    await row.waitFor();

    await row.getByLabel('Role of nina@e2e.aisle').click();
    await page.getByRole('option', { name: 'Manager' }).click();
    await expect
      .poll(async () => {
        const { users } = await apiJson<{ users: ApiUser[] }>(server, adminCookie, '/api/users');
        return users.find((user) => user.email === 'nina@e2e.aisle')?.role;
      })
      .toBe('manager');

    await row.getByRole('button', { name: 'Disable' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable user' });
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Disabled', { exact: true }).waitFor();
    const refused = await apiRequest(server, null, 'POST', '/api/auth/login', {
      email: 'nina@e2e.aisle',
      password: temporaryPassword,
    });
    expect(refused.status).toBe(401);
    expect(problems).toEqual([]);
  });

  it('a token is shown once, can do no more than its owner, and stops working when revoked', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(
      browser,
      server,
      await signInApi(server, ANALYST.email),
    );
    await page.goto(`${server.url}/workspace`);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await page.getByTestId('tokens-empty').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/tokens');

    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByLabel('Name').fill('weekly export script');
    await dialog.getByLabel('Role').click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Viewer', 'Analyst']);
    await page.getByRole('option', { name: 'Analyst' }).click();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secret = dialog.getByTestId('shown-once-secret');
    await secret.waitFor();
    const token = (await secret.textContent()) ?? '';
    expect(token).toMatch(/^aisle_/);
    await page.screenshot({ path: `${SCREENSHOTS}token-created.png` });
    await dialog.getByRole('button', { name: 'Done' }).click();

    const withToken = () =>
      fetch(`${server.url}/api/notes`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).status).toBe(200);

    const row = page.getByTestId('token-row').filter({ hasText: 'weekly export script' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke API token' })
      .getByRole('button', { name: 'Revoke token' })
      .click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    expect((await withToken()).status).toBe(401);
    await page.screenshot({ path: `${SCREENSHOTS}tokens.png` });
    expect(problems).toEqual([]);
  });

  it('changing the password keeps this session and ends the others', async () => {
    const { server, browser } = running();
    const otherSession = await signInApi(server, MANAGER.email);
    const { page, problems } = await openSignedInPage(
      browser,
      server,
      await signInApi(server, MANAGER.email),
      PHONE,
    );
    await page.goto(`${server.url}/workspace`);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').fill(MANAGER.password);
    await dialog.getByLabel('New password', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('Use at least 12 characters (5 so far).').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}change-password-narrow.png` });

    const newPassword = 'a brand new shelf 77';
    await dialog.getByLabel('New password', { exact: true }).fill(newPassword);
    await dialog.getByLabel('Confirm new password').fill(newPassword);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByTestId('password-changed').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    expect((await apiRequest(server, otherSession, 'GET', '/api/notes')).status).toBe(401);
    // This page is still signed in: the next request succeeds.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    await page.getByTestId('tab-notes').click(); // the Workspace opens on its tasks
    await page.getByTestId('notes-empty').waitFor();
    await signInApi(server, MANAGER.email, newPassword);
    expect(problems).toEqual([]);
  });
});
