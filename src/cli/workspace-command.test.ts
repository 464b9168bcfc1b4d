import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDataDir } from '../core/db/open-data-dir.ts';
import { makeTempDir } from '../../test/support/temp-db.ts';
import { insertWorkspaceSellers } from '../../test/support/workspace-data.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/aisle.cjs');

async function aisle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('aisle tasks, comms, notes and search (the real binary)', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  const inDir = (...args: string[]) => aisle(['--data-dir', tmp.dir, ...args]);
  beforeAll(async () => {
    tmp = await makeTempDir();
    const { db } = await openDataDir(tmp.dir);
    await insertWorkspaceSellers(db);
    await db.close();
  });
  afterAll(() => tmp.remove());

  // Each step starts the real binary (a few seconds each on a busy machine), hence the longer limits.
  it('logs a contact and lists the seller timeline', { timeout: 180_000 }, async () => {
    const logged = await inDir('comms', 'log', '--seller', 'S1', '--channel', 'call', '--subject', 'Payday campaign call', '--next', 'Send brief', '--json');
    expect(logged.code).toBe(0);
    const communication = JSON.parse(logged.stdout) as { id: number; followUp: string; createdBy: string };
    expect(communication).toMatchObject({ followUp: 'open', createdBy: 'cli' });
    expect((await inDir('comms', '--seller', 'S1')).stdout).toMatch(/^#\d+ {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}call {4}outbound Lumi Home — Payday campaign call\n {4}next: Send brief \(open\)\n$/);
  });

  it('adds and completes a weekly task, adds a note, and finds them all by search', { timeout: 180_000 }, async () => {

    const added = await inDir('tasks', 'add', 'Weekly payday check', '--seller', 'S1', '--due', '2026-01-05', '--repeat', 'weekly', '--tag', 'payday', '--json');
    const task = JSON.parse(added.stdout) as { id: number; recurrence: string };
    expect(task.recurrence).toBe('weekly');
    const done = await inDir('tasks', 'done', String(task.id), '--json');
    const change = JSON.parse(done.stdout) as { task: { status: string }; next: { id: number; dueAt: string } };
    expect(change.task.status).toBe('done');
    expect(change.next.dueAt > '2026-01-05').toBe(true);
    const open = JSON.parse((await inDir('tasks', 'list', '--json')).stdout) as { tasks: { id: number }[] };
    expect(open.tasks.map((t) => t.id)).toEqual([change.next.id]);

    expect((await inDir('notes', 'add', 'Payday playbook', '--body', '**Bundle** first', '--tag', 'payday')).stdout).toMatch(/^Note #\d+ added: Payday playbook\n$/);
    const notes = JSON.parse((await inDir('notes', '--tag', 'payday', '--json')).stdout) as { notes: { bodyHtml: string }[] };
    expect(notes.notes[0]?.bodyHtml).toBe('<p><strong>Bundle</strong> first</p>\n');

    const search = JSON.parse((await inDir('search', 'payday', '--json')).stdout) as { hits: { kind: string }[] };
    expect(search.hits.map((h) => h.kind).sort()).toEqual(['communication', 'note', 'task', 'task']);
  });

  it('exports the tracker and imports it back without copies; bad input exits 1, bad options 2', { timeout: 180_000 }, async () => {
    const file = path.join(tmp.dir, 'tracker.xlsx');
    expect((await inDir('tasks', 'export', file)).code).toBe(0);
    const imported = JSON.parse((await inDir('tasks', 'import', file, '--json')).stdout) as { inserted: number; updated: number };
    expect(imported).toMatchObject({ inserted: 0, updated: 2 });
    const missing = await inDir('tasks', 'done', '9999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no task with id 9999/);
    const unknownSeller = await inDir('comms', 'log', '--seller', 'NOPE', '--channel', 'call', '--subject', 'x');
    expect(unknownSeller).toMatchObject({ code: 1 });
    expect(unknownSeller.stderr).toMatch(/no seller with id NOPE/);
    expect((await inDir('tasks', 'add', 'x', '--priority', 'asap')).code).toBe(2);
    expect((await inDir('comms', 'log', '--seller', 'S1', '--channel', 'fax', '--subject', 'x')).code).toBe(2);
  });
});
