// Best practices in a real Chromium against the real `aisle serve` with the e2e demo: an analyst
// opens a session, reads its benchmark, submits a review naming a best practice — and finds it on
// the Best practices tab among the reviewers' examples, counted in the reviewed sessions. The tab's
// numbers are the API's; a seller page lists its improvement areas. Screenshots at 1440 and 390 px.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, apiJson, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { DESKTOP, launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Bea Analyst');
const NOTE = 'Pinned each product while it was on camera; a clear hook in the first minute.';

interface Practices {
  sessions: { top: number; rest: number; reviewedTop: number; reviewedRest: number };
  highlights: string[];
  examples: { livestreamId: string; notes: string | null; practices: string[] }[];
  habits: { key: string }[];
}
interface SessionList {
  rows: { id: string; seller_id: string; title: string | null }[];
}
interface Detail {
  peerScore: number | null;
  benchmarks: { metric: string; percentile: number | null }[];
}
interface Areas {
  areas: { key: string; headline: string }[];
  note: string | null;
}

describe('Best practices (real server, demo data)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let cookie = '';

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    await addUser(dataDir, ANALYST);
    server = await startServer(dataDir);
    cookie = await signInApi(server, ANALYST.email);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('a review submitted on a session page shows on the Best practices tab', async () => {
    if (!server || !browser) throw new Error('not started');
    const before = await apiJson<Practices>(server, cookie, '/api/livestreams/best-practices');
    expect(before.sessions.top).toBeGreaterThan(0);
    // The week's biggest session nobody has reviewed yet.
    const list = await apiJson<SessionList>(server, cookie, '/api/livestreams?period=last_7_days&reviewed=no&sort=live_gmv&pageSize=1');
    const session = list.rows[0];
    if (!session) throw new Error('the demo has no unreviewed session in the last 7 days');

    const { page, problems } = await openSignedInPage(browser, server, cookie, DESKTOP);
    await page.goto(`${server.url}/livestreams/${encodeURIComponent(session.id)}`);
    await page.getByTestId('session-body').waitFor({ timeout: 60_000 });
    // Its benchmark, as the API gives it.
    const detail = await apiJson<Detail>(server, cookie, `/api/livestreams/${encodeURIComponent(session.id)}`);
    const ctr = detail.benchmarks.find((b) => b.metric === 'ctr');
    if (!ctr || ctr.percentile === null) throw new Error('the session has no CTR percentile');
    const ctrRow = page.locator('[data-testid="benchmark-row"][data-metric="ctr"]');
    expect((await ctrRow.getByTestId('benchmark-percentile').textContent())?.trim()).toBe(`p${Math.round(ctr.percentile * 100)}`);

    // Review it: every criterion at 4, tagged "Pinned products early" and "Strong hook", with a note.
    await page.getByTestId('review-form').waitFor({ timeout: 30_000 });
    const criteria = await page.getByTestId('review-criterion').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
    for (const key of criteria) await page.getByTestId(`level-${key}-4`).click();
    for (const tag of ['pinned_products_early', 'strong_hook']) {
      const id = await page.getByTestId(`tag-${tag}`).getAttribute('id');
      await page.locator(`label[for="${id ?? ''}"]`).click();
    }
    await page.getByTestId('review-notes').fill(NOTE);
    await page.getByTestId('save-review').click();
    await page.getByTestId('review-saved').waitFor({ timeout: 30_000 });

    // The Best practices tab: the review among the examples, one more reviewed session counted.
    await page.goto(`${server.url}/livestreams?tab=best-practices`);
    await page.getByTestId('practices-examples').waitFor({ timeout: 60_000 });
    const after = await apiJson<Practices>(server, cookie, '/api/livestreams/best-practices');
    expect(after.sessions.reviewedTop + after.sessions.reviewedRest).toBe(before.sessions.reviewedTop + before.sessions.reviewedRest + 1);
    expect(after.examples[0]).toMatchObject({ livestreamId: session.id, notes: NOTE, practices: ['Strong hook', 'Pinned products early'] });
    const example = page.getByTestId('practice-example').first();
    expect(await example.textContent()).toContain(NOTE);
    expect(await example.getByRole('link').getAttribute('href')).toBe(`/livestreams/${encodeURIComponent(session.id)}`);
    expect(await page.getByTestId('practices-reviewed').textContent()).toBe(`${after.sessions.reviewedTop + after.sessions.reviewedRest} reviewed`);
    expect(await page.getByTestId('practices-groups').textContent()).toBe(`${after.sessions.top} top vs ${after.sessions.rest} others`);
    // Highlights and tables are the API's, in its order.
    const highlights = await page.getByTestId('practices-highlights').locator('li').allTextContents();
    expect(highlights).toEqual(after.highlights);
    expect(await page.locator('[data-testid="practices-habits"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-finding')))).toEqual(
      after.habits.map((h) => h.key),
    );
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-best-practices.png`, fullPage: true });

    // Ranked by GMV per live hour, in the URL.
    await page.locator('label', { hasText: 'GMV per live hour' }).click();
    await page.waitForURL(/rankBy=gmv_per_live_hour/);
    await page.getByTestId('practices-summary').getByText('GMV per live hour').waitFor({ timeout: 30_000 });

    // The seller's page lists its improvement areas, as the API does.
    const areas = await apiJson<Areas>(server, cookie, `/api/sellers/${encodeURIComponent(session.seller_id)}/improvement-areas`);
    await page.goto(`${server.url}/sellers/${encodeURIComponent(session.seller_id)}`);
    const card = page.getByTestId('improvement-areas');
    await card.waitFor({ timeout: 60_000 });
    if (areas.areas.length) {
      await card.locator('li').first().waitFor({ timeout: 30_000 });
      expect(await card.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-area')))).toEqual(areas.areas.map((a) => a.key));
    } else {
      expect(await card.getByTestId('improvement-areas-note').textContent()).toBe(areas.note);
    }
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${SCREENSHOTS}seller-improvement-areas.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reads on a phone', async () => {
    if (!server || !browser) throw new Error('not started');
    const { page, problems } = await openSignedInPage(browser, server, cookie, PHONE);
    await page.goto(`${server.url}/livestreams?tab=best-practices`);
    await page.getByTestId('practices-highlights').waitFor({ timeout: 60_000 });
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-best-practices-phone.png` });
    await page.getByTestId('practices-interactions').screenshot({ path: `${SCREENSHOTS}livestreams-best-practices-phone-table.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
