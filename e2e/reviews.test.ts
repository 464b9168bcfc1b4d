// Livestream reviews in a real Chromium against the real `aisle serve` with the e2e demo: an analyst
// opens the top session of last week's review queue, reads its benchmark, scores every criterion
// by clicking its anchors, tags and submits it — the review shows in the session's reviews with
// the quality score's rubric part, and the queue loses the session. A manager saves a new rubric
// version in Settings and the analyst's review keeps version 1. Screenshots at 1440 px and 390 px.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ADMIN, apiJson, openSignedInPage, signInApi, testUser, type TestUser } from './support/auth.ts';
import { DESKTOP, launchBrowser, PHONE, type WatchedPage } from './support/browser.ts';
import { createDataDir, removeDataDir, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Ann Analyst');
const MANAGER = testUser('manager', 'Max Manager');
/** The e2e demo ends on Monday 2026-11-23: the last complete week with data starts 2026-11-16. */
const WEEK = { from: '2026-11-16', to: '2026-11-22' };

interface Queue {
  total: number;
  rows: { id: string; title: string | null }[];
}
interface Detail {
  peerScore: number | null;
  benchmarks: { metric: string; percentile: number | null }[];
}
interface SessionReviews {
  reviews: { reviewer: string; rubricVersion: number; score100: number; tags: string[] }[];
  quality: { score: number | null; rubric: number | null; peers: number | null };
}

describe('Livestream reviews (real server, demo data)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  const cookies: Partial<Record<'admin' | 'analyst' | 'manager', string>> = {};
  let reviewed: string | undefined;

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }
  function open(who: 'admin' | 'analyst' | 'manager', viewport: { width: number; height: number } = DESKTOP): Promise<WatchedPage> {
    const { server, browser } = running();
    return openSignedInPage(browser, server, cookies[who] ?? '', viewport);
  }
  const queueUrl = () => `/api/reviews/queue?from=${WEEK.from}&to=${WEEK.to}&limit=200`;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    for (const user of [ADMIN, ANALYST, MANAGER] as TestUser[]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    for (const [who, user] of [['admin', ADMIN], ['analyst', ANALYST], ['manager', MANAGER]] as const) cookies[who] = await signInApi(server, user.email);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('reviews the top session of the queue: benchmark, form, the review in the session, the queue shrinks', async () => {
    const { server } = running();
    const cookie = cookies.analyst ?? '';
    const before = await apiJson<Queue>(server, cookie, queueUrl());
    const top = before.rows[0];
    if (!top) throw new Error('the demo has no unreviewed top-seller session last week');
    const { page, problems } = await open('analyst');
    await page.goto(`${server.url}/livestreams?tab=queue&week=${WEEK.from}`);
    await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
    const shown = await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown).toEqual(before.rows.slice(0, 100).map((r) => r.id));
    expect(await page.getByTestId('queue-summary').textContent()).toContain(`${before.total} waiting`);
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-review-queue.png`, fullPage: true });

    await page.locator(`[data-testid="queue-row"][data-id="${top.id}"] [data-testid="queue-review"]`).click();
    await page.getByTestId('session-body').waitFor({ timeout: 60_000 });
    // The benchmark the session is judged on, as the API gives it.
    const detail = await apiJson<Detail>(server, cookie, `/api/livestreams/${top.id}`);
    const ctr = detail.benchmarks.find((b) => b.metric === 'ctr');
    if (ctr?.percentile === null || ctr === undefined) throw new Error('the session has no CTR percentile');
    const ctrRow = page.locator('[data-testid="benchmark-row"][data-metric="ctr"]');
    expect((await ctrRow.getByTestId('benchmark-percentile').textContent())?.trim()).toBe(`p${Math.round(ctr.percentile * 100)}`);
    await page.getByTestId('review-form').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reviews-empty').count()).toBe(1);

    // Submitting with criteria missing names them instead of sending.
    await page.getByTestId('save-review').click();
    expect(await page.getByTestId('review-missing').textContent()).toContain('Host delivery');
    const criteria = await page.getByTestId('review-criterion').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
    expect(criteria.length).toBe(7);
    for (const key of criteria) await page.getByTestId(`level-${key}-${key === 'visual_audio' ? 2 : 4}`).click();
    // Six criteria at 4 and visual & audio (10%) at 2: 3.8 / 5 → 70.
    expect((await page.getByTestId('draft-score').textContent())?.trim()).toBe('70');
    // A tag is a chip: its checkbox is hidden behind the label the reviewer clicks.
    for (const tag of ['hands_on_demo', 'poor_lighting']) {
      const id = await page.getByTestId(`tag-${tag}`).getAttribute('id');
      await page.locator(`label[for="${id ?? ''}"]`).click();
    }
    await page.getByTestId('review-notes').fill('Great demos; the product table is too dark.');
    await page.getByTestId('save-review').click();
    await page.locator('[data-testid="review-item"][data-reviewer="analyst@e2e.aisle"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('review-saved').waitFor();

    const saved = await apiJson<SessionReviews>(server, cookie, `/api/reviews/sessions/${top.id}`);
    expect(saved.reviews).toEqual([expect.objectContaining({ reviewer: 'analyst@e2e.aisle', rubricVersion: 1, score100: 70, tags: ['hands_on_demo', 'poor_lighting'] })]);
    expect(saved.quality).toMatchObject({ rubric: 70, peers: detail.peerScore });
    await page.getByTestId('quality-rubric').getByText('70').waitFor();
    expect((await page.getByTestId('quality-score').textContent())?.trim()).toBe(saved.quality.score?.toFixed(0));
    // The form now holds the saved review for editing.
    expect(await page.getByTestId('save-review').textContent()).toBe('Save changes');
    await page.getByTestId('review-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}livestream-session-review.png`, fullPage: true });
    await page.getByTestId('review-section').screenshot({ path: `${SCREENSHOTS}livestream-review-section.png` });

    const after = await apiJson<Queue>(server, cookie, queueUrl());
    expect(after.total).toBe(before.total - 1);
    await page.goto(`${server.url}/livestreams?tab=queue&week=${WEEK.from}`);
    await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
    expect(await page.locator(`[data-testid="queue-row"][data-id="${top.id}"]`).count()).toBe(0);
    expect(await page.getByTestId('queue-summary').textContent()).toContain(`${before.total - 1} waiting`);

    // The list marks it reviewed and filters by it.
    await page.goto(`${server.url}/livestreams?from=${WEEK.from}&to=${WEEK.to}&reviewed=yes&sort=quality_score`);
    await page.locator(`[data-testid="session-row"][data-id="${top.id}"]`).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('filter-reviewed').inputValue()).toBe('yes');
    expect(await page.locator(`[data-testid="session-row"][data-id="${top.id}"] [data-testid="quality-cell"]`).getAttribute('data-reviews')).toBe('1');
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-reviewed.png` });
    reviewed = top.id;
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows calibration, and a manager saves a new rubric version while the review keeps version 1', async () => {
    const { server } = running();
    if (!reviewed) throw new Error('the first test did not review a session');
    const { page, problems } = await open('manager');
    await page.goto(`${server.url}/livestreams?tab=calibration`);
    await page.getByTestId('calibration-row').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-calibration.png`, fullPage: true });

    await page.goto(`${server.url}/settings/rubric`);
    await page.getByTestId('rubric-editor').waitFor({ timeout: 30_000 });
    const criteria = page.getByTestId('rubric-criterion');
    await criteria.first().locator('button').first().click();
    await criteria.first().getByTestId('criterion-weight').fill('25');
    await page.getByTestId('rubric-problem').waitFor();
    expect(await page.getByTestId('rubric-problem').textContent()).toBe('The weights add up to 105%, not 100%.');
    await criteria.nth(2).locator('button').first().click();
    await criteria.nth(2).getByTestId('criterion-weight').fill('5');
    await page.getByTestId('save-rubric').click();
    await page.getByTestId('rubric-saved').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('rubric-version').count()).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}settings-rubric.png`, fullPage: true });

    const after = await apiJson<SessionReviews>(server, cookies.manager ?? '', `/api/reviews/sessions/${reviewed}`);
    expect(after.reviews.map((r) => [r.rubricVersion, r.score100])).toEqual([[1, 70]]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('holds at phone width: the session page with the form in one column', async () => {
    const { server } = running();
    if (!reviewed) throw new Error('the first test did not review a session');
    const { page, problems } = await open('analyst', PHONE);
    await page.goto(`${server.url}/livestreams/${reviewed}`);
    await page.getByTestId('review-form').waitFor({ timeout: 60_000 });
    // The manager saved version 2 meanwhile: the analyst's review stays on version 1 and says so.
    expect(await page.getByTestId('review-old-version').textContent()).toContain('Scored on rubric v1');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('review-section').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}livestream-session-review-phone.png`, fullPage: true });
    await page.getByTestId('review-section').screenshot({ path: `${SCREENSHOTS}livestream-review-section-phone.png` });
    await page.goto(`${server.url}/livestreams?tab=queue&week=${WEEK.from}`);
    await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}livestreams-review-queue-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
