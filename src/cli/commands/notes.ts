/** `aisle notes list|add`: the team's notes (Markdown), on the local data dir. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { UserError } from '../../core/shared/errors.ts';
import { createNote, listNotes } from '../../core/workspace/notes.ts';
import { action } from '../run-command.ts';
import { collect } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

export function registerNotes(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const notes = program.command('notes').description('the team’s notes: list and add');

  notes
    .command('list', { isDefault: true })
    .description('notes, last changed first')
    .option('--seller <ID>', 'only notes about this seller')
    .option('--tag <TAG>', 'only notes with this tag')
    .option('--q <WORDS>', 'only notes containing every word')
    .option('--json', 'the notes as JSON on stdout (with the body rendered as safe HTML)')
    .action(
      action(async (o: { seller?: string; tag?: string; q?: string; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const rows = await listNotes(db, { sellerId: o.seller, tag: o.tag, q: o.q });
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ notes: rows })}\n`);
            return;
          }
          if (rows.length === 0) process.stdout.write('No notes.\n');
          for (const n of rows) {
            const tags = n.tags.length ? `  [${n.tags.join(', ')}]` : '';
            process.stdout.write(`#${n.id}  ${n.updatedAt.slice(0, 10)}  ${n.title}${n.sellerName ? ` · ${n.sellerName}` : ''}${tags}\n`);
          }
        });
      }),
    );

  notes
    .command('add')
    .description('add a note; the body is Markdown, given inline or read from a file')
    .argument('<title>', 'the title')
    .option('--body <MARKDOWN>', 'the body')
    .option('--file <PATH>', 'read the body from this file')
    .option('--seller <ID>', 'the seller it is about')
    .option('--tag <TAG>', 'a tag (repeatable)', collect, [])
    .option('--json', 'the note as JSON on stdout')
    .action(
      action(async (title: string, o: { body?: string; file?: string; seller?: string; tag: string[]; json?: boolean }) => {
        if (o.body !== undefined && o.file) throw new UserError('give the body inline or as a file, not both');
        const body = o.file
          ? await readFile(o.file, 'utf8').catch((cause: unknown) => {
              throw new UserError(`cannot read ${o.file}`, { cause, hint: 'check the path' });
            })
          : (o.body ?? '');
        await withWorkspace(dataDir(), async ({ db }) => {
          const note = await createNote(db, CLI_ACTOR, { title, bodyMd: body, sellerId: o.seller, tags: o.tag });
          if (o.json) process.stdout.write(`${JSON.stringify(note)}\n`);
          else process.stdout.write(`Note #${note.id} added: ${note.title}\n`);
        });
      }),
    );
}
