// Live event recordings in a real Chromium against the real `aisle serve`: the CLI checks a
// recording with broken lines (`--dry-run --json` names each line); an analyst uploads the
// same recording on the Imports page, sees its events and malformed lines, skips them and loads;
// the session page then shows the observed section (timeline, comment analytics, products), labelled
// as observed, while another session shows the designed empty state. Desktop and phone widths,
// screenshots in e2e/screenshots/.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLiveEventRecording, type RecordingExpectation } from '../test/support/live-event-recording.ts';
import { addUser, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { DESKTOP, launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, runAisle, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Ann Analyst');
const SESSIONS = [
  'livestream_id,seller_id,host,title,started_at,duration_s,views,viewers,likes,comments,shares,new_followers,product_impressions,product_clicks,orders,buyers,gmv',
  'room-7301,S-1,Rina,Kitchen gadgets night,2026-11-20 19:00:00,900,5200,3900,2400,310,42,60,8000,420,35,33,2890.50',
  'room-7302,S-1,Rina,Morning deals,2026-11-21 09:00:00,1800,2100,1500,800,90,10,12,3000,150,9,9,640.00',
].join('\n');

describe('Live event recordings (real server)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  let recording = '';
  let expected: RecordingExpectation | undefined;
  let dryRun:
    | { status: string; kind: string; rowsRejected: number; livestreamId: string; errors: { row: number }[] }
    | undefined;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await createDataDir();
    await runAisle(dataDir, ['init']);
    await writeFile(path.join(dataDir, 'sessions.csv'), SESSIONS);
    await runAisle(dataDir, ['import', path.join(dataDir, 'sessions.csv'), '--kind', 'livestreams']);
    recording = path.join(dataDir, 'room-7301.jsonl');
    expected = await writeLiveEventRecording(recording, {
      roomId: 'room-7301',
      start: new Date('2026-11-20T19:00:00Z'),
      fillerMinutes: 12,
    });
    // The CLI reads the database before the server holds it (DuckDB: one process per file).
    dryRun = JSON.parse(
      (await runAisle(dataDir, ['import', recording, '--kind', 'live_events', '--dry-run', '--json'])).stdout,
    ) as typeof dryRun;
    await addUser(dataDir, ANALYST);
    server = await startServer(dataDir);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  it('the CLI checks the recording and names each broken line in --json', () => {
    if (!expected) throw new Error('beforeAll did not run');
    expect(dryRun).toMatchObject({
      status: 'dry_run',
      kind: 'live_events',
      rowsRejected: 5,
      livestreamId: 'room-7301',
    });
    expect(dryRun?.errors.map((e) => e.row)).toEqual(expected.broken.map((b) => b.line));
  });

  it('an analyst uploads the recording, skips its malformed lines and reads the observed section', async () => {
    if (!server || !browser || !expected) throw new Error('beforeAll did not run');
    const cookie = await signInApi(server, ANALYST.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/imports`);
    await page.getByRole('combobox', { name: 'The file holds' }).click();
    await page.getByRole('option', { name: 'Live event recording (.jsonl)' }).click();
    await page.getByTestId('import-file-input').setInputFiles(recording);
    await page.getByTestId('recording-event-counts').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('recording-session').textContent()).toContain('Kitchen gadgets night');
    expect(await page.getByTestId('import-error-row').count()).toBe(5);
    expect(await page.getByTestId('load-button').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}live-events-preview.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}live-events-preview-phone.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.getByLabel('Skip the 5 malformed lines and load the rest').check();
    await page.getByTestId('load-button').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain(
      'observed figures of session room-7301',
    );

    await page.goto(`${server.url}/livestreams/room-7301`);
    const section = page.getByTestId('observed-section');
    await section.getByTestId('observed-chart').locator('svg').first().waitFor({ timeout: 60_000 });
    expect(await section.getByTestId('observed-note').textContent()).toContain(
      "Observed from the event stream — counts can differ from the platform's figures",
    );
    expect(await section.getByTestId('observed-comments').textContent()).toContain(
      String(expected.chatComments),
    );
    expect(await section.getByTestId('observed-gifts').textContent()).toContain(`${expected.gifts}`);
    expect(await section.getByTestId('observed-gifts').textContent()).toContain(
      `${expected.diamonds} diamonds`,
    );
    expect(await section.getByTestId('observed-products').textContent()).toContain('Mini Rice Cooker 1.2L');
    await page.screenshot({ path: `${SCREENSHOTS}live-events-session.png`, fullPage: true });
    // The section alone at 1440 px, cut from the full page (an element shot would have the app bar over it).
    const box = await section.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: `${SCREENSHOTS}live-events-observed.png`, fullPage: true, clip: box });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the designed empty state for a session without a recording, and holds at phone width', async () => {
    if (!server || !browser) throw new Error('beforeAll did not run');
    const cookie = await signInApi(server, ANALYST.email);
    const { page, problems } = await openSignedInPage(browser, server, cookie);
    await page.goto(`${server.url}/livestreams/room-7302`);
    const empty = page.getByTestId('observed-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toContain(
      'aisle import recording.jsonl --kind live_events --livestream room-7302',
    );
    await page.getByTestId('observed-section').screenshot({ path: `${SCREENSHOTS}live-events-empty.png` });
    await page.context().close();

    const phone = await openSignedInPage(browser, server, cookie, PHONE);
    await phone.page.goto(`${server.url}/livestreams/room-7301`);
    await phone.page.getByTestId('observed-chart').locator('svg').first().waitFor({ timeout: 60_000 });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await phone.page.screenshot({ path: `${SCREENSHOTS}live-events-session-phone.png`, fullPage: true });
    expect([...problems, ...phone.problems]).toEqual([]);
    await phone.page.context().close();
  });
});
