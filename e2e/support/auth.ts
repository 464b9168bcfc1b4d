// Users and sessions for end-to-end tests. Users are added with the real CLI before the server
// starts (the CLI works on the data dir directly); tests then sign in through the API — with the
// `Origin` a browser would send, since the server refuses cross-site state changes — for API
// assertions and for a signed-in browser context, or through the sign-in page when that is what is
// being tested.
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, openPage, type WatchedPage } from './browser.ts';
import { runAisle, type AisleServer } from './server.ts';

export type Role = 'admin' | 'manager' | 'analyst' | 'viewer';

export interface TestUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Long enough for the 12-character rule and not on the common-password list. */
export const E2E_PASSWORD = 'e2e shelf lantern 42';

export function testUser(role: Role, name: string, email = `${role}@e2e.aisle`): TestUser {
  return { email, name, role, password: E2E_PASSWORD };
}

export const ADMIN = testUser('admin', 'Ada Admin');

/** `aisle user add EMAIL --role ROLE --name NAME --password-stdin`. */
export async function addUser(dataDir: string, user: TestUser): Promise<void> {
  await runAisle(
    dataDir,
    ['user', 'add', user.email, '--role', user.role, '--name', user.name, '--password-stdin'],
    {
      input: user.password,
    },
  );
}

export interface CliUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: string | null;
}

/** `aisle user list --json`. */
export async function listUsers(dataDir: string): Promise<CliUser[]> {
  const { stdout } = await runAisle(dataDir, ['user', 'list', '--json']);
  return (JSON.parse(stdout) as { users: CliUser[] }).users;
}

/** `aisle user passwd EMAIL --password-stdin` (ends the user's sessions). */
export async function setPassword(dataDir: string, email: string, password: string): Promise<void> {
  await runAisle(dataDir, ['user', 'passwd', email, '--password-stdin'], { input: password });
}

/** `aisle user disable EMAIL`. */
export async function disableUser(dataDir: string, email: string): Promise<void> {
  await runAisle(dataDir, ['user', 'disable', email]);
}

/** Signs in through the API; returns the `Cookie` header value (`aisle_session=…`). */
export async function signInApi(
  server: AisleServer,
  email: string,
  password = E2E_PASSWORD,
): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`POST /api/auth/login as ${email}: ${response.status} ${await response.text()}`);
  }
  const session = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('aisle_session='));
  if (!session) throw new Error(`POST /api/auth/login as ${email} set no aisle_session cookie`);
  return session;
}

/** A request to the API as the app's own page would send it (same origin, JSON, the session cookie). */
export async function apiRequest(
  server: AisleServer,
  cookie: string | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { origin: server.url };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** GET a JSON endpoint with the session cookie; throws with the answer when it is not 200. */
export async function apiJson<T>(server: AisleServer, cookie: string, path: string): Promise<T> {
  const response = await apiRequest(server, cookie, 'GET', path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A watched page whose context already carries `cookie` (from `signInApi`): no sign-in page needed. */
export async function openSignedInPage(
  browser: Browser,
  server: AisleServer,
  cookie: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<WatchedPage> {
  const watched = await openPage(browser, viewport);
  const separator = cookie.indexOf('=');
  const name = cookie.slice(0, separator);
  const value = cookie.slice(separator + 1);
  await watched.page
    .context()
    .addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return watched;
}

/** Fills in the sign-in page the browser is on and submits it. */
export async function submitSignIn(page: Page, email: string, password = E2E_PASSWORD): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
