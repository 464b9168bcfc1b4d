// Chromium for end-to-end tests: the Debian package driven by playwright-core (never a downloaded
// browser), and a watcher that records console errors and uncaught page errors so every test can
// assert a page ran clean — a page that "looks right" while throwing is still broken.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PageProblem {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
}

/** Starts recording problems on `page`; read the returned array at the end of the test. */
export function watchProblems(page: Page): PageProblem[] {
  const problems: PageProblem[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push({ kind: 'console', text: message.text(), url: message.location().url });
    }
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: error.stack ?? error.message, url: page.url() });
  });
  return problems;
}

export interface WatchedPage {
  page: Page;
  problems: PageProblem[];
}

/**
 * A fresh context (no shared storage) and its page, watched. The browser's timezone is deliberately
 * not UTC: calendar dates from the API must not shift by a day in a user's local time. Reduced
 * motion turns chart animations off, so screenshots show finished charts.
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}
