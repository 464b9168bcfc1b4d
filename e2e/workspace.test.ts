// The workspace in a real Chromium against the real `aisle serve` with the demo data: an analyst
// logs a call from a seller's page, turns its next action into a follow-up task, moves the task on
// the board (drag, then the arrow button), finds both by search, and writes a note whose <script>
// stays inert text; a viewer reads without buttons. Screenshots of every tab and of the seller
// page's cards at 1440 px and 390 px.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, apiJson, openSignedInPage, signInApi, testUser } from './support/auth.ts';
import { launchBrowser, PHONE } from './support/browser.ts';
import { createDataDir, removeDataDir, seedDemo, startServer, type AisleServer } from './support/server.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ANALYST = testUser('analyst', 'Ali Analyst');
const VIEWER = testUser('viewer', 'Vic Viewer');
const WORD = 'zephyrcall';

interface ApiTask {
  id: number;
  title: string;
  status: string;
  sellerId: string | null;
  source: string;
  sourceRef: string | null;
}
interface ApiCommunication {
  id: number;
  subject: string;
  followUp: string;
  followUpTaskId: number | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('Workspace (real server)', () => {
  let dataDir: string | undefined;
  let server: AisleServer | undefined;
  let browser: Browser | undefined;
  const cookies: Record<string, string> = {};
  let seller = { id: '', name: '' };
  let today = '';
  let taskId = 0;
  let communicationId = 0;

  function running(): { server: AisleServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and the browser');
    return { server, browser };
  }
  const api = <T>(path: string) => apiJson<T>(running().server, cookies.viewer ?? '', path);
  const taskStatus = async (id: number) => (await api<{ tasks: ApiTask[] }>(`/api/tasks?q=${WORD}`)).tasks.find((t) => t.id === id)?.status;

  beforeAll(async () => {
    dataDir = await createDataDir();
    await seedDemo(dataDir);
    for (const user of [ANALYST, VIEWER]) await addUser(dataDir, user);
    server = await startServer(dataDir);
    browser = await launchBrowser();
    for (const user of [ANALYST, VIEWER]) cookies[user.role] = await signInApi(server, user.email);
    const list = await api<{ rows: { id: string; name: string }[] }>('/api/sellers?pageSize=1&sort=gmv&dir=desc');
    const first = list.rows[0];
    if (!first) throw new Error('the demo has no seller');
    seller = first;
    today = (await api<{ today: string }>('/api/tasks/options')).today;
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  async function openSeller(page: Page): Promise<void> {
    await page.goto(`${running().server.url}/sellers/${encodeURIComponent(seller.id)}`);
    await page.getByTestId('seller-communications').getByTestId('seller-follow-up').waitFor();
  }

  it('logs a call from a seller page and creates its follow-up task', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.analyst ?? '');
    await openSeller(page);
    await page.getByTestId('seller-log-contact').click();
    const form = page.getByTestId('contact-quick-form');
    await form.getByTestId('contact-subject').fill(`Payday ${WORD} review`);
    await form.getByTestId('contact-summary').fill('Agreed to try a payday livestream.');
    await form.getByTestId('contact-next-action').fill(`Send the ${WORD} payday brief`);
    await form.getByTestId('contact-due').fill(addDays(today, 2));
    await form.getByTestId('contact-submit').click();
    await form.waitFor({ state: 'detached' });

    const timeline = page.getByTestId('seller-communications');
    const item = timeline.getByTestId('communication').filter({ hasText: `Payday ${WORD} review` });
    await item.waitFor();
    expect(await item.getByTestId('follow-up-state').textContent()).toBe('Follow-up open');
    expect(await timeline.getByTestId('seller-last-contact').textContent()).toMatch(/^Last contact .+ \(today\)$/);
    const logged = await api<{ communications: ApiCommunication[] }>(`/api/communications?sellerId=${encodeURIComponent(seller.id)}&q=${WORD}`);
    communicationId = logged.communications[0]?.id ?? 0;
    expect(communicationId).toBeGreaterThan(0);

    await item.getByTestId('create-follow-up-task').click();
    const taskForm = page.getByTestId('task-quick-form');
    expect(await taskForm.getByTestId('task-title').inputValue()).toBe(`Send the ${WORD} payday brief`);
    expect(await taskForm.getByTestId('task-source').textContent()).toContain(`communication #${communicationId}`);
    await taskForm.getByTestId('task-submit').click();
    await taskForm.waitFor({ state: 'detached' });
    await item.getByTestId('follow-up-state').filter({ hasText: /^Task #\d+$/ }).waitFor();

    const tasks = await api<{ tasks: ApiTask[] }>(`/api/tasks?q=${WORD}`);
    expect(tasks.tasks).toHaveLength(1);
    const task = tasks.tasks[0];
    expect(task).toMatchObject({ sellerId: seller.id, status: 'todo', source: 'communication', sourceRef: String(communicationId) });
    taskId = task?.id ?? 0;
    await page.getByTestId('seller-tasks').locator(`[data-task-id="${taskId}"]`).waitFor();
    // …and a note about the seller, linked to it from its page
    await page.getByTestId('seller-new-note').click();
    await page.getByTestId('note-title-input').fill(`Call notes ${WORD}`);
    await page.getByTestId('note-body-input').fill('Payday live on the 25th.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('seller-notes').getByText(`Call notes ${WORD}`).waitFor();
    const notes = await api<{ notes: { sellerId: string | null }[] }>(`/api/notes?q=${WORD}`);
    expect(notes.notes.map((n) => n.sellerId)).toEqual([seller.id]);
    await page.getByTestId('seller-communications').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}seller-workspace-cards.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('moves the task on the board by dragging and with the arrow, then finds both by search', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.analyst ?? '');
    // the board narrowed by a search (kept in the address), so the card and its target column are both on screen
    await page.goto(`${server.url}/workspace?tab=tasks&q=${WORD}`);
    const card = page.getByTestId('task-board').locator(`[data-task-id="${taskId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('todo');
    // grab the card by its padding: a drag that starts on the title button does not start at all
    await card.dragTo(page.locator('[data-testid="board-column"][data-status="doing"]'), { sourcePosition: { x: 4, y: 4 }, targetPosition: { x: 20, y: 20 } });
    await page.locator(`[data-testid="board-column"][data-status="doing"] [data-task-id="${taskId}"]`).waitFor();
    // the card reaches the column only once the server answered the move (no optimistic update)
    expect(await taskStatus(taskId)).toBe('doing');
    await page.locator(`[data-task-id="${taskId}"]`).getByTestId('task-move-next').click();
    await page.locator(`[data-testid="board-column"][data-status="waiting"] [data-task-id="${taskId}"]`).waitFor();
    expect(await taskStatus(taskId)).toBe('waiting');
    await page.screenshot({ path: `${SCREENSHOTS}workspace-board.png`, fullPage: false });

    await page.getByTestId('tab-search').click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('search');
    await page.getByTestId('search-input').fill(`${WORD} payday`);
    await page.getByTestId('search-submit').click();
    const hits = page.getByTestId('search-hit');
    await hits.nth(2).waitFor();
    expect((await hits.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).sort()).toEqual(['communication', 'note', 'task']);
    await page.screenshot({ path: `${SCREENSHOTS}workspace-search.png`, fullPage: true });

    await page.getByTestId('tab-log').click();
    await page.getByTestId('workspace-log').getByTestId('communication').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}workspace-log.png`, fullPage: false });
    await page.goto(`${server.url}/workspace?tab=tasks&view=list`);
    await page.getByTestId('task-list').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}workspace-list.png`, fullPage: false });
    // bulk edit from the list: select the task, set its status, apply
    await page.locator(`[data-testid="task-row"][data-task-id="${taskId}"]`).getByRole('checkbox').check();
    await page.getByTestId('bulk-status').click();
    await page.getByRole('option', { name: 'Doing' }).click();
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    expect(await taskStatus(taskId)).toBe('doing');
    expect(problems).toEqual([]);
  });

  it('renders a note’s Markdown and keeps a <script> in it inert', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.analyst ?? '');
    await page.goto(`${server.url}/workspace?tab=notes`);
    await page.getByTestId('new-note').click();
    await page.getByTestId('note-title-input').fill('Script check');
    await page.getByTestId('note-body-input').fill('**Bold move**\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">\n\n[bad](javascript:window.__pwned=3)');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByTestId('note').filter({ hasText: 'Script check' });
    const body = note.getByTestId('note-body');
    await body.waitFor();
    expect(await body.locator('strong').textContent()).toBe('Bold move');
    expect(await body.locator('script, img, a').count()).toBe(0);
    expect(await body.textContent()).toContain('<script>window.__pwned = 1</script>');
    await body.getByText('[bad](javascript:window.__pwned=3)').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: `${SCREENSHOTS}workspace-notes.png`, fullPage: false });
    expect(problems).toEqual([]);
  });

  it('shows the reminders on the Overview, and a viewer reads the workspace without buttons, on a phone too', async () => {
    const { server, browser } = running();
    const { page, problems } = await openSignedInPage(browser, server, cookies.viewer ?? '', PHONE);
    await page.goto(`${server.url}/workspace?tab=tasks`);
    await page.getByTestId('task-board').locator(`[data-task-id="${taskId}"]`).waitFor();
    expect(await page.getByTestId('new-task').count()).toBe(0);
    expect(await page.getByTestId('task-move-next').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}workspace-board-phone.png`, fullPage: false });
    await openSeller(page);
    expect(await page.getByTestId('seller-log-contact').count()).toBe(0);
    await page.getByTestId('seller-communications').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}seller-workspace-cards-phone.png`, fullPage: false });
    await page.goto(`${server.url}/`);
    const reminders = page.getByTestId('overview-reminders');
    await reminders.waitFor();
    await reminders.getByTestId('reminder').first().waitFor();
    await reminders.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}overview-reminders-phone.png`, fullPage: false });
    expect(problems).toEqual([]);
  });
});
