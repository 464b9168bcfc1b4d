// Sign-in, roles and the audit log in a real Chromium against the real `aisle serve`: the first-run
// setup, what each role sees and may do (checked on screen and against the API), the audit trail of
// a change, sign-out, deep links and expired sessions coming back to where the user was, and the
// sign-in page's rate-limit message. Every page must run without console errors (CSP included).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  ADMIN,
  apiJson,
  apiRequest,
  listUsers,
  openSignedInPage,
  signInApi,
  submitSignIn,
  testUser,
} from './support/auth.ts';
import { launchBrowser, openPage, PHONE, type PageProblem } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const ANALYST = testUser('analyst', 'Ali Analyst');
const VIEWER = testUser('viewer', 'Vic Viewer');

interface Note {
  id: number;
  title: string;
  bodyMd: string;
  tags: string[];
  createdBy: string;
}

function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Problems other than the browser's own log line for an answer the test provoked on purpose. */
function unexpected(problems: PageProblem[], ...statuses: number[]): PageProblem[] {
  return problems.filter(
    (problem) => !statuses.some((status) => problem.text.includes(`status of ${status}`)),
  );
}

describe('First run', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('the setup page creates the first admin and lands on the Overview', async () => {
    if (!server || !browser || !dataDir)
      throw new Error('beforeAll did not start the server and the browser');
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/sellers`);
    await heading(page, 'Set up Aisle');
    expect(pathOf(page)).toBe('/setup');
    await page.screenshot({ path: `${SCREENSHOTS}setup.png` });

    // The rules show before anything is sent.
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Display name').fill(ADMIN.name);
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await page.getByLabel('Confirm password').fill('too short!');
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.getByText('Use at least 12 characters (9 so far).').waitFor();
    await page.getByText('The two passwords differ.').waitFor();

    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await heading(page, 'Overview');
    expect(pathOf(page)).toBe('/');
    await page.getByTestId('overview-empty').waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain(ADMIN.name);

    // Done once: the setup page now leads into the app.
    await page.goto(`${server.url}/setup`);
    await heading(page, 'Overview');
    const state = await (await fetch(`${server.url}/api/auth/state`)).json();
    expect(state).toEqual({ setupRequired: false, user: null, permissions: [] });
    expect(problems).toEqual([]);

    await server.stop();
    expect(await listUsers(dataDir)).toMatchObject([
      { email: ADMIN.email, displayName: ADMIN.name, role: 'admin' },
    ]);
  });
});

describe('Signed in, by role', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  const cookies = { admin: '', analyst: '', viewer: '' };
  const SEEDED_NOTE = {
    title: 'Call notes: Little Habitat House',
    bodyMd: 'Wants two livestream slots.\n<b>not bold</b> <img src=x onerror="alert(1)">',
    tags: ['calls'],
  };

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }

  beforeAll(async () => {
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    for (const user of [ADMIN, ANALYST, VIEWER]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    cookies.admin = await signInApi(server, ADMIN.email);
    cookies.analyst = await signInApi(server, ANALYST.email);
    cookies.viewer = await signInApi(server, VIEWER.email);
    const seeded = await apiRequest(server, cookies.analyst, 'POST', '/api/notes', SEEDED_NOTE);
    expect(seeded.status).toBe(201);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('a viewer reads notes as plain text, gets no controls to change them, and the API refuses a write', async () => {
    const { server, browser } = running();
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/workspace`);
    await heading(page, 'Sign in');
    expect(pathOf(page)).toBe('/sign-in?next=%2Fworkspace');
    await page.screenshot({ path: `${SCREENSHOTS}sign-in.png` });

    await submitSignIn(page, VIEWER.email);
    await heading(page, 'Workspace');
    expect(pathOf(page)).toBe('/workspace');
    await page.getByTestId('tab-notes').click(); // the Workspace opens on its tasks
    const note = page.getByTestId('note').filter({ hasText: SEEDED_NOTE.title });
    await note.waitFor();
    // The body is text, never HTML: the tags show as written and nothing is rendered from them.
    expect(await note.getByTestId('note-body').textContent()).toBe(SEEDED_NOTE.bodyMd);
    expect(await note.locator('b, img').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New note' }).count()).toBe(0);
    expect(await page.getByTestId('note-actions').count()).toBe(0);
    expect(await page.getByTestId('user-menu').getByTestId('role-badge').textContent()).toBe('Viewer');

    // Settings shows only the viewer's own API tokens; admin tabs are hidden, their addresses explain.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('tab', { name: 'API tokens' }).waitFor();
    expect(pathOf(page)).toBe('/settings/tokens');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['API tokens', 'Targets', 'Alerts', 'Alert rules', 'Segments', 'Rubric']);
    await page.goto(`${server.url}/settings/users`);
    await page.getByTestId('users-admin-only').waitFor();

    const refused = await apiRequest(server, cookies.viewer, 'POST', '/api/notes', { title: 'Viewer note' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(problems).toEqual([]);
  });

  it('an analyst signs in and writes a note in the UI', async () => {
    const { server, browser } = running();
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await submitSignIn(page, ANALYST.email);
    await heading(page, 'Overview');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Workspace' })
      .click();
    await heading(page, 'Workspace');
    await page.getByTestId('tab-notes').click(); // the Workspace opens on its tasks
    await page.getByRole('button', { name: 'New note' }).click();
    const dialog = page.getByRole('dialog', { name: 'New note' });
    await dialog.getByLabel('Title').fill('Weekly plan: home decor');
    await dialog.getByLabel('Note').fill('Confirm stock with the top 10 sellers.\nBook Thursday live slots.');
    await dialog.getByLabel('Tags').fill('q4');
    await dialog.getByLabel('Tags').press('Enter');
    await page.screenshot({ path: `${SCREENSHOTS}note-form.png` });
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByTestId('note').filter({ hasText: 'Weekly plan: home decor' });
    await card.waitFor();
    expect(await card.textContent()).toContain(ANALYST.email);
    const { notes } = await apiJson<{ notes: Note[] }>(server, cookies.analyst, '/api/notes');
    expect(notes.find((note) => note.title === 'Weekly plan: home decor')).toMatchObject({
      bodyMd: 'Confirm stock with the top 10 sellers.\nBook Thursday live slots.',
      tags: ['q4'],
      createdBy: ANALYST.email,
    });

    // …and can edit it.
    await card.getByTestId('note-actions').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit note' });
    await edit.getByLabel('Title').fill('Weekly plan: home decor (v2)');
    await edit.getByRole('button', { name: 'Save note' }).click();
    await page.getByTestId('note-title').filter({ hasText: 'Weekly plan: home decor (v2)' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}workspace.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('the admin sees the analyst’s note in Settings → Audit log', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.admin);
    await page.goto(`${server.url}/settings`);
    await page.getByRole('tab', { name: 'Audit log' }).click();
    expect(pathOf(page)).toBe('/settings/audit');
    await page.getByTestId('audit-table').waitFor();

    await page.getByTestId('audit-filters').getByLabel('Record').click();
    await page.getByRole('option', { name: 'Notes' }).click();
    await page.waitForURL((url) => url.searchParams.get('entity') === 'note');
    const created = page.locator(
      `[data-testid="audit-row"][data-actor="${ANALYST.email}"][data-action="create"][data-entity="note"]`,
    );
    await created.filter({ hasText: 'Weekly plan: home decor' }).first().waitFor();
    // The edit shows just the field that changed.
    const updated = page
      .locator('[data-testid="audit-row"][data-action="update"][data-entity="note"]')
      .first();
    expect(await updated.getAttribute('data-actor')).toBe(ANALYST.email);
    expect(await updated.getByTestId('audit-changes').textContent()).toBe(
      'titleWeekly plan: home decor→Weekly plan: home decor (v2)',
    );
    // The filtered list replaces the unfiltered one when its answer arrives (the previous rows stay
    // on screen meanwhile, and they hold notes too): wait until no other record is listed.
    await expect
      .poll(() => page.locator('[data-testid="audit-row"]:not([data-entity="note"])').count(), { timeout: 15_000 })
      .toBe(0);
    expect(await page.getByTestId('audit-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}audit-log.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('signing out returns to the sign-in page and ends the session', async () => {
    const { server, browser } = running();
    const cookie = await signInApi(server, VIEWER.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/workspace`);
    await heading(page, 'Workspace');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    expect(pathOf(page)).toBe('/sign-in');
    expect((await apiRequest(server, cookie, 'GET', '/api/notes')).status).toBe(401);
    await page.goto(`${server.url}/`);
    await heading(page, 'Sign in');
    expect(problems).toEqual([]);
  });

  it('a deep link opened while signed out comes back after sign-in', async () => {
    const { server, browser } = running();
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/settings/audit?entity=note`);
    await heading(page, 'Sign in');
    expect(pathOf(page)).toBe('/sign-in?next=%2Fsettings%2Faudit%3Fentity%3Dnote');
    await submitSignIn(page, ADMIN.email);
    await heading(page, 'Settings');
    expect(pathOf(page)).toBe('/settings/audit?entity=note');
    await page.getByTestId('audit-table').waitFor();
    expect(problems).toEqual([]);
  });

  it('an expired session sends the user to sign in, and back to the same page after', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(
      browser,
      server,
      await signInApi(server, ANALYST.email),
    );
    await page.goto(`${server.url}/`);
    await heading(page, 'Overview');
    await page.context().clearCookies();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Workspace' })
      .click();
    await page.getByTestId('session-expired').waitFor();
    expect(pathOf(page)).toBe('/sign-in?next=%2Fworkspace&reason=expired');
    await submitSignIn(page, ANALYST.email);
    await heading(page, 'Workspace');
    await page.getByTestId('tab-notes').click(); // the Workspace opens on its tasks
    await page.getByTestId('note').first().waitFor();
    expect(unexpected(problems, 401)).toEqual([]);
  });

  it('the sign-in page says what went wrong: wrong password, then too many attempts', async () => {
    const { server, browser } = running();
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/sign-in`);
    const email = 'nobody@e2e.aisle';
    await submitSignIn(page, email, 'not the password');
    await expect.poll(() => page.getByTestId('form-error').textContent()).toBe('wrong e-mail or password');
    for (let attempt = 0; attempt < 5; attempt += 1)
      await signInApi(server, email, 'wrong again').catch(() => {});
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByTestId('form-error').textContent())
      .toMatch(/^too many failed sign-ins: wait \d+ s and try again$/);
    expect(unexpected(problems, 401, 429)).toEqual([]);
  });

  it('sign-in, workspace and settings fit a phone', async () => {
    const { server, browser } = running();
    const signIn = await openPage(browser, PHONE);
    await signIn.page.goto(`${server.url}/sign-in`);
    await heading(signIn.page, 'Sign in');
    await signIn.page.screenshot({ path: `${SCREENSHOTS}sign-in-narrow.png` });
    expect(await horizontalOverflow(signIn.page)).toBeLessThanOrEqual(0);

    const { page, problems } = await openSignedInPage(browser, server, cookies.admin, PHONE);
    for (const [path, name] of [
      ['/workspace', 'workspace'],
      ['/settings/users', 'users'],
      ['/settings/audit', 'audit-log'],
      ['/settings/tokens', 'tokens'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page
        .locator('[data-testid="note"], [data-testid$="-table"], [data-testid$="-empty"]')
        .first()
        .waitFor();
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}${name}-narrow.png`, fullPage: true });
    }
    expect([...signIn.problems, ...problems]).toEqual([]);
  });
});

/** A string, because this file is type-checked without the DOM library. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
}
