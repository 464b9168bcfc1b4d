import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertWorkspaceSellers } from '../../../test/support/workspace-data.ts';
import { logCommunication } from './communications.ts';
import { createNote, listNotes, updateNote } from './notes.ts';
import { createTask } from './tasks.ts';
import { searchWorkspace } from './workspace-search.ts';

const analyst: Actor = { userId: 7, label: 'analyst@shop.test', role: 'analyst' };

describe('search across notes, communications and tasks', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertWorkspaceSellers(db);
    await createNote(db, analyst, { title: 'Livestream playbook', bodyMd: 'Open with the **flash sale**, pin the bundle at minute 5.', tags: ['playbook'] });
    await createNote(db, analyst, { title: 'Lumi meeting notes', bodyMd: 'Discount 50% on diffusers', sellerId: 'S1' });
    await logCommunication(db, analyst, { sellerId: 'S1', channel: 'call', subject: 'Flash sale timing', summary: 'They want the flash sale on payday.' });
    await createTask(db, analyst, { title: 'Prepare flash sale brief', sellerId: 'S2', tags: ['campaign'] });
  });
  afterAll(() => db.close());

  it('finds every kind, every word required, case-insensitive, with the seller and a snippet', async () => {
    const hits = await searchWorkspace(db, 'FLASH sale');
    expect(hits.map((h) => h.kind).sort()).toEqual(['communication', 'note', 'task']);
    const call = hits.find((h) => h.kind === 'communication');
    expect(call).toMatchObject({ title: 'Flash sale timing', sellerId: 'S1', sellerName: 'Lumi Home', detail: 'call' });
    expect(hits.find((h) => h.kind === 'note')?.snippet).toContain('flash sale');
    expect((await searchWorkspace(db, 'flash payday')).map((h) => h.kind)).toEqual(['communication']);
    expect(await searchWorkspace(db, 'flash nonsense')).toEqual([]);
  });

  it('matches seller names and tags, filters by kind, and takes % and _ literally', async () => {
    expect((await searchWorkspace(db, 'bright care')).map((h) => h.title)).toEqual(['Prepare flash sale brief']);
    expect((await searchWorkspace(db, 'campaign', { kinds: ['note'] }))).toEqual([]);
    expect((await searchWorkspace(db, '50%')).map((h) => h.title)).toEqual(['Lumi meeting notes']);
    expect(await searchWorkspace(db, '5_%')).toEqual([]);
    await expect(searchWorkspace(db, '   ')).rejects.toThrow(/type something/);
  });

  it('notes: tags and words filter, the seller link can change and the body comes rendered safely', async () => {
    const [note] = await listNotes(db, { tag: 'playbook' });
    expect(note?.bodyHtml).toContain('<strong>flash sale</strong>');
    const linked = await updateNote(db, analyst, note?.id ?? 0, { sellerId: 'S2', bodyMd: '<script>alert(1)</script>' });
    expect(linked).toMatchObject({ sellerId: 'S2', sellerName: 'Bright Care' });
    expect(linked.bodyHtml).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expect((await listNotes(db, { q: 'diffusers' })).map((n) => n.title)).toEqual(['Lumi meeting notes']);
    await expect(updateNote(db, analyst, note?.id ?? 0, { sellerId: 'NOPE' })).rejects.toThrow(/no seller with id NOPE/);
  });
});
