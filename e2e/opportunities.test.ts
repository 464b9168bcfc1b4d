// Opportunities in a real Chromium against the real `aisle serve` with the demo data (tiered and
// evaluated by `aisle demo` itself): an analyst reads the ranked list — the first card is the API's
// first opportunity, with its reason, evidence and upside — filters it by rule, creates a task from
// an opportunity and dismisses another with a reason; a viewer reads without buttons; a manager
// changes the tier thresholds in Settings → Segments and every seller is re-tiered.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, apiJson, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const MANAGER = testUser('manager', 'Mia Manager');
const ANALYST = testUser('analyst', 'Ali Analyst');
const VIEWER = testUser('viewer', 'Vic Viewer');

interface ApiOpportunity {
  key: string;
  rule: string;
  title: string;
  sellerId: string | null;
  sellerName: string | null;
  reason: string;
  upside: number | null;
  status: string;
  openTaskId: number | null;
  decision: { reason: string } | null;
}
type ApiList = { opportunities: ApiOpportunity[]; total: number; counts: Record<string, number> };

describe('Opportunities (real server)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  const cookies: Record<string, string> = {};

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }
  const list = (query = '') => apiJson<ApiList>(running().server, cookies.viewer ?? '', `/api/opportunities${query}`);

  beforeAll(async () => {
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    for (const user of [MANAGER, ANALYST, VIEWER]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    for (const user of [MANAGER, ANALYST, VIEWER]) cookies[user.role] = await signInApi(server, user.email);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('an analyst reads the ranked list, filters it by rule, and creates a task from an opportunity', async () => {
    const { server, browser } = running();
    const before = await list('?limit=5');
    expect(before.total).toBeGreaterThan(5);
    const first = before.opportunities[0];
    if (!first) throw new Error('the demo has no opportunity');

    const { page, problems } = await openSignedInPage(browser, server, cookies.analyst ?? '');
    await page.goto(`${server.url}/opportunities`);
    const cards = page.getByTestId('opportunity');
    await cards.first().waitFor();
    expect(await cards.first().getAttribute('data-key')).toBe(first.key);
    expect(await cards.first().getByTestId('opportunity-reason').textContent()).toBe(first.reason);
    expect(await cards.first().getByTestId('opportunity-evidence').textContent()).not.toBe('');
    if (first.sellerId) expect(await cards.first().getByTestId('opportunity-seller').getAttribute('href')).toBe(`/sellers/${first.sellerId}`);
    expect(await page.getByTestId('opportunity-summary').textContent()).toMatch(new RegExp(`^${before.total} opportunities · ≈ \\$[\\d.]+K estimated upside per 4 weeks$`));
    await page.screenshot({ path: `${SCREENSHOTS}opportunities.png`, fullPage: true });

    // Filter by rule: only that rule's cards, and the filter is in the address.
    await page.getByTestId('filter-rule').click();
    await page.getByRole('option', { name: 'GMV declining week after week' }).click();
    await page.waitForURL(/rule=gmv_declining/);
    // The previous page stays on screen until the filtered one arrives.
    const rulesShown = async () => [...new Set(await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-rule'))))];
    await expect.poll(rulesShown).toEqual(['gmv_declining']);
    const declining = await list('?rule=gmv_declining&limit=100');
    expect(await cards.count()).toBe(Math.min(20, declining.total));
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.search.includes('rule='));

    // Create a task from the first opportunity: the form suggests a title, refuses an empty one.
    const card = page.locator(`[data-testid="opportunity"][data-key="${first.key}"]`);
    await card.getByRole('button', { name: 'Create task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create task' });
    const title = dialog.getByTestId('task-title');
    expect(await title.inputValue()).toBe(`${first.sellerName ?? ''} — ${first.title}`);
    await title.fill('');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.getByText('Give the task a title.').waitFor();
    await title.fill(`Pitch livestreams to ${first.sellerName ?? 'the seller'}`);
    await page.screenshot({ path: `${SCREENSHOTS}opportunity-task-form.png` });
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const notice = page.getByTestId('opportunity-notice');
    await notice.waitFor();
    const taskId = Number(/Task #(\d+) created/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(taskId).toBeGreaterThan(0);
    await card.getByTestId('opportunity-task').waitFor();
    expect(await card.getByTestId('opportunity-task').textContent()).toBe(`Task #${taskId} open`);
    const after = await list('?limit=5');
    expect(after.opportunities.find((o) => o.key === first.key)?.openTaskId).toBe(taskId);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an analyst dismisses an opportunity with a reason and finds it under Dismissed', async () => {
    const { server, browser } = running();
    const target = (await list('?limit=5')).opportunities[1];
    if (!target) throw new Error('fewer than two opportunities');
    const { page, problems } = await openSignedInPage(browser, server, cookies.analyst ?? '');
    await page.goto(`${server.url}/opportunities`);
    const card = page.locator(`[data-testid="opportunity"][data-key="${target.key}"]`);
    await card.getByRole('button', { name: 'Dismiss' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss opportunity' });
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await dialog.getByText('Say why, in a few words.').waitFor();
    await dialog.getByTestId('decision-reason').fill('Brand sells live through its own agency');
    await page.screenshot({ path: `${SCREENSHOTS}opportunity-dismiss.png` });
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.waitFor({ state: 'detached' });

    await page.getByTestId('opportunity-status').getByText(/^Dismissed/).click();
    await page.waitForURL(/status=dismissed/);
    const dismissed = page.locator(`[data-testid="opportunity"][data-key="${target.key}"]`);
    await dismissed.waitFor();
    expect(await dismissed.getByTestId('opportunity-decision').textContent()).toMatch(/^Dismissed by analyst@e2e\.aisle on [A-Z][a-z]{2} \d+, \d{4}: Brand sells live through its own agency$/);
    const api = await list('?status=dismissed');
    expect(api.opportunities.map((o) => [o.key, o.decision?.reason])).toEqual([[target.key, 'Brand sells live through its own agency']]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a viewer reads the list on a phone, without action buttons', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.viewer ?? '', PHONE);
    await page.goto(`${server.url}/opportunities`);
    await page.getByTestId('opportunity').first().waitFor();
    expect(await page.getByRole('button', { name: 'Create task' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}opportunities-phone.png` });
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByTestId('filter-rule').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}opportunities-phone-filters.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a manager changes the tier thresholds in Settings → Segments and sellers are re-tiered', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.manager ?? '');
    await page.goto(`${server.url}/settings/segments`);
    const tiers = page.getByTestId('segments-tiers');
    await tiers.waitFor();
    const sellersIn = async (tier: string) => Number((await tiers.locator(`[data-segment="${tier}"] td`).nth(1).textContent())?.replaceAll(',', ''));
    const before = await sellersIn('S');
    await page.getByTestId('tier-s').fill('12');
    await page.getByTestId('tier-a').fill('10');
    await page.getByRole('button', { name: 'Save and re-tier' }).click();
    await page.getByText('Must be more than tier S (12%).').waitFor();
    await page.getByTestId('tier-a').fill('25');
    await page.getByRole('button', { name: 'Save and re-tier' }).click();
    await expect.poll(() => sellersIn('S')).toBeGreaterThan(before);
    const segments = await apiJson<{ thresholds: { s: number; a: number }; lastRecompute: { reason: string } }>(server, cookies.viewer ?? '', '/api/segments');
    expect(segments).toMatchObject({ thresholds: { s: 12, a: 25 }, lastRecompute: { reason: 'thresholds' } });
    await page.screenshot({ path: `${SCREENSHOTS}segments-settings.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();

    const phone = await openSignedInPage(browser, server, cookies.viewer ?? '', PHONE);
    await phone.page.goto(`${server.url}/settings/segments`);
    await phone.page.getByTestId('segments-tiers').waitFor();
    expect(await phone.page.getByRole('button', { name: 'Save and re-tier' }).count()).toBe(0);
    await phone.page.screenshot({ path: `${SCREENSHOTS}segments-settings-phone.png`, fullPage: true });
    expect(phone.problems).toEqual([]);
    await phone.page.context().close();
  });
});
