// Alerts in a real Chromium against the real `aisle serve` with the demo data, scanned by the CLI
// first: a manager adds a threshold rule in Settings → Alert rules (a rate typed as a percent is
// stored as a fraction); an analyst reads the open alerts in Settings → Alerts, opens the drivers
// and acknowledges one; the Overview embeds the same panel; a viewer reads but gets no buttons.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, apiJson, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const MANAGER = testUser('manager', 'Mia Manager');
const ANALYST = testUser('analyst', 'Ali Analyst');
const VIEWER = testUser('viewer', 'Vic Viewer');

interface ApiAlert {
  id: number;
  status: string;
  severity: string;
  metricLabel: string;
  scopeLabel: string;
  acknowledgedBy: string | null;
  explanation: { sentence: string; sellers: unknown[] } | null;
}
interface ApiRule {
  id: number;
  kind: string;
  name: string;
  metric: string;
  scope: string;
  comparator: string | null;
  threshold: number | null;
  grain: string;
}

describe('Alerts (real server)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  const cookies: Record<string, string> = {};

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }
  const openAlerts = async () =>
    (await apiJson<{ alerts: ApiAlert[] }>(running().server, cookies.viewer ?? '', '/api/alerts?status=open&limit=10')).alerts;

  beforeAll(async () => {
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    await runAisle(dataDir, ['alerts', 'scan']);
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

  it('a manager adds a threshold rule in Settings → Alert rules', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.manager ?? '');
    await page.goto(`${server.url}/settings/alert-rules`);
    await page.getByTestId('anomaly-rules').waitFor();
    expect(await page.getByTestId('anomaly-rules').getByRole('switch').count()).toBe(5);
    await page.getByTestId('alert-rules-empty').waitFor();

    await page.getByTestId('alert-rule-new').click();
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByTestId('alert-rule-metric').fill('Live GMV share');
    await page.getByRole('option', { name: 'Live GMV share' }).click();
    await dialog.getByTestId('alert-rule-scope-kind').click();
    await page.getByRole('option', { name: 'Subcategory' }).click();
    await dialog.getByTestId('alert-rule-scope-id').fill('Home Decor');
    await page.getByRole('option', { name: /^Home Decor/ }).click();
    await dialog.getByTestId('alert-rule-threshold').fill('20');
    await dialog.getByText('Each week').click();
    await page.screenshot({ path: `${SCREENSHOTS}alert-rule-form.png` });
    await dialog.getByTestId('alert-rule-save').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('alert-rule-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('Live GMV share of Home Decor below 20.0% per week');
    const rules = (await apiJson<{ rules: ApiRule[] }>(server, cookies.manager ?? '', '/api/alert-rules')).rules;
    expect(rules.find((r) => r.kind === 'threshold')).toMatchObject({
      metric: 'live_gmv_share',
      scope: 'subcategory:home_decor',
      comparator: '<',
      threshold: 0.2,
      grain: 'week',
      name: 'Live GMV share of Home Decor below 20.0% in a week',
    });

    // A brand day of their own joins the campaign calendar.
    const campaigns = page.getByTestId('campaign-days');
    await campaigns.getByLabel('Add a day').fill('2026-12-20');
    await campaigns.getByLabel('Name').fill('Brand day');
    await campaigns.getByRole('button', { name: 'Add day' }).click();
    await campaigns.getByText('Dec 20, 2026 · Brand day').waitFor();
    const calendar = await apiJson<{ extra: { date: string; label: string }[] }>(server, cookies.viewer ?? '', '/api/campaign-days');
    expect(calendar.extra).toEqual([{ date: '2026-12-20', label: 'Brand day' }]);

    await page.screenshot({ path: `${SCREENSHOTS}alert-rules.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();

    const phone = await openSignedInPage(browser, server, cookies.manager ?? '', PHONE);
    await phone.page.goto(`${server.url}/settings/alert-rules`);
    await phone.page.getByTestId('alert-rule-row').waitFor();
    await phone.page.screenshot({ path: `${SCREENSHOTS}alert-rules-phone.png` });
    expect(phone.problems).toEqual([]);
    await phone.page.context().close();
  });

  it('an analyst reads the open alerts with their drivers and acknowledges one', async () => {
    const { server, browser } = running();
    const before = await openAlerts();
    expect(before.length).toBeGreaterThan(0);
    // One whose drivers name sellers (a subcategory's or the category's), to see the drill-down.
    const target = before.find((a) => (a.explanation?.sellers.length ?? 0) > 0) ?? before[0];
    if (!target) throw new Error('the scan found no alert in the demo');

    const { page, problems } = await openSignedInPage(browser, server, cookies.analyst ?? '');
    await page.goto(`${server.url}/settings/alerts`);
    const item = page.locator(`[data-testid="alert-item"][data-alert-id="${target.id}"]`);
    await item.waitFor();
    expect(await item.getByTestId('alert-sentence').textContent()).toBe(target.explanation?.sentence);
    expect(await item.textContent()).toContain(`${target.metricLabel} · ${target.scopeLabel}`);
    await item.getByTestId('alert-drivers-toggle').click();
    await item.getByTestId('alert-drivers').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}alerts.png`, fullPage: true });

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await item.getByTestId('alert-status').waitFor();
    expect(await item.getByTestId('alert-status').textContent()).toBe(`Acknowledged by ${ANALYST.email}`);
    expect(await item.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    const after = await apiJson<{ alert: ApiAlert }>(server, cookies.analyst ?? '', `/api/alerts/${target.id}`);
    expect(after.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: ANALYST.email });
    expect(problems).toEqual([]);
    await page.context().close();

    const phone = await openSignedInPage(browser, server, cookies.analyst ?? '', PHONE);
    await phone.page.goto(`${server.url}/settings/alerts`);
    const first = phone.page.getByTestId('alert-item').first();
    await first.waitFor();
    await first.getByTestId('alert-drivers-toggle').click();
    await first.getByTestId('alert-drivers').waitFor();
    await first.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: `${SCREENSHOTS}alerts-phone.png` });
    expect(phone.problems).toEqual([]);
    await phone.page.context().close();
  });

  it('the Overview embeds the panel, and a viewer reads alerts without buttons', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.viewer ?? '');
    await page.goto(`${server.url}/`);
    const embedded = page.getByTestId('overview-alerts');
    await embedded.getByTestId('alert-item').first().waitFor();
    expect(await embedded.getByTestId('alert-item').count()).toBeLessThanOrEqual(5);
    expect(await embedded.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await embedded.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    await embedded.screenshot({ path: `${SCREENSHOTS}overview-alerts.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
