/**
 * `aisle tasks list|add|done|export|import`: the same tracker as the Workspace page, on the local
 * data dir (changes are audited as `cli`). `--json` output is the only thing on stdout.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { UserError } from '../../core/shared/errors.ts';
import { workspaceToday } from '../../core/workspace/due-dates.ts';
import { listTasks, type Task } from '../../core/workspace/task-query.ts';
import { completeTask, createTask } from '../../core/workspace/tasks.ts';
import { exportTracker, importTracker } from '../../core/workspace/tracker-xlsx.ts';
import { PRIORITIES, RECURRENCES, STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '../../core/workspace/workspace-fields.ts';
import { action } from '../run-command.ts';
import { collect, dateOption, integerOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

function printTasks(tasks: Task[], total: number): void {
  if (tasks.length === 0) {
    process.stdout.write('No tasks.\n');
    return;
  }
  for (const t of tasks) {
    const due = t.dueAt ? `due ${t.dueAt}${t.dueState === 'overdue' ? ' (overdue)' : ''}` : 'no due date';
    const who = [t.owner, t.sellerName ?? t.sellerId].filter(Boolean).join(' · ');
    process.stdout.write(`#${t.id}  ${STATUS_LABELS[t.status].padEnd(17)} ${t.priority.padEnd(7)} ${t.title}  — ${due}${who ? ` · ${who}` : ''}${t.recurrence ? ` · ${t.recurrence}` : ''}\n`);
  }
  if (total > tasks.length) process.stdout.write(`… ${total - tasks.length} more: use --limit or --json\n`);
}

export function registerTasks(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const tasks = program.command('tasks').description('the tracker: list, add, complete, export and import tasks');

  tasks
    .command('list', { isDefault: true })
    .description('list tasks, open first and soonest due first (default: not done)')
    .addOption(new Option('--status <S>', 'only this status, or all').choices([...TASK_STATUSES, 'open', 'all']).default('open'))
    .option('--owner <NAME>', 'only this owner')
    .option('--seller <ID>', 'only tasks about this seller')
    .addOption(new Option('--due <WHEN>', 'only overdue, due today or soon (7 days)').choices(['overdue', 'today', 'soon']))
    .option('--q <WORDS>', 'only tasks containing every word')
    .option('--limit <N>', 'at most this many', integerOption('--limit', 1, 5000), 100)
    .option('--json', 'the tasks as JSON on stdout')
    .action(
      action(async (o: { status: string; owner?: string; seller?: string; due?: 'overdue' | 'today' | 'soon'; q?: string; limit: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const status: TaskStatus[] | undefined = o.status === 'all' ? undefined : o.status === 'open' ? ['todo', 'doing', 'waiting'] : [o.status as TaskStatus];
          const result = await listTasks(db, await workspaceToday(db), { status, owners: o.owner ? [o.owner] : undefined, sellerId: o.seller, due: o.due, q: o.q, limit: o.limit });
          if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else printTasks(result.tasks, result.total);
        });
      }),
    );

  tasks
    .command('add')
    .description('create a task')
    .argument('<title>', 'what has to be done')
    .option('--seller <ID>', 'the seller it is about')
    .option('--owner <NAME>', 'who does it')
    .option('--due <YYYY-MM-DD>', 'due date', dateOption)
    .addOption(new Option('--priority <P>', 'priority').choices([...PRIORITIES]).default('normal'))
    .option('--tag <TAG>', 'a tag (repeatable)', collect, [])
    .addOption(new Option('--repeat <R>', 'make it recurring').choices([...RECURRENCES]))
    .option('--description <TEXT>', 'details')
    .option('--json', 'the task as JSON on stdout')
    .action(
      action(async (title: string, o: { seller?: string; owner?: string; due?: string; priority: (typeof PRIORITIES)[number]; tag: string[]; repeat?: (typeof RECURRENCES)[number]; description?: string; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const { task } = await createTask(db, CLI_ACTOR, { title, sellerId: o.seller, owner: o.owner, dueAt: o.due, priority: o.priority, tags: o.tag, recurrence: o.repeat, description: o.description });
          if (o.json) process.stdout.write(`${JSON.stringify(task)}\n`);
          else process.stdout.write(`Task #${task.id} created: ${task.title}\n`);
        });
      }),
    );

  tasks
    .command('done')
    .description('mark a task done (a recurring one comes back with its next due date)')
    .argument('<id>', 'the task id (see `aisle tasks`)', integerOption('id', 1, Number.MAX_SAFE_INTEGER))
    .option('--json', 'the task and its next occurrence as JSON on stdout')
    .action(
      action(async (id: number, o: { json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const change = await completeTask(db, CLI_ACTOR, id);
          if (o.json) process.stdout.write(`${JSON.stringify(change)}\n`);
          else process.stdout.write(`Task #${id} is done.${change.next ? ` Next occurrence: #${change.next.id}, due ${change.next.dueAt}.` : ''}\n`);
        });
      }),
    );

  tasks
    .command('export')
    .description('write the tracker (every task, every field) to an .xlsx file')
    .argument('<file>', 'where to write, e.g. tracker.xlsx')
    .action(
      action(async (file: string) => {
        if (!file.toLowerCase().endsWith('.xlsx')) throw new UserError('the tracker is written as .xlsx', { hint: 'name the file e.g. tracker.xlsx' });
        await withWorkspace(dataDir(), async ({ db }) => {
          await writeFile(file, await exportTracker(db));
          process.stderr.write(`Tracker written to ${path.resolve(file)}\n`);
        });
      }),
    );

  tasks
    .command('import')
    .description('import a tracker sheet: rows with a known ID update that task, others become new tasks; all rows or none')
    .argument('<file>', 'the .xlsx tracker')
    .option('--json', 'the result (or the list of problems) as JSON on stdout')
    .action(
      action(async (file: string, o: { json?: boolean }) => {
        const content = await readFile(file).catch((cause: unknown) => {
          throw new UserError(`cannot read ${file}`, { cause, hint: 'check the path' });
        });
        await withWorkspace(dataDir(), async ({ db }) => {
          const result = await importTracker(db, CLI_ACTOR, content, { fileName: path.basename(file) }).catch((error: unknown) => {
            const problems = error instanceof UserError ? (error.details?.errors as { row: number; column: string; value: string; message: string }[] | undefined) : undefined;
            for (const p of problems ?? []) process.stderr.write(`  row ${p.row}, ${p.column} "${p.value}": ${p.message}\n`);
            throw error;
          });
          if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else process.stdout.write(`Imported ${path.basename(file)}: ${result.inserted} new, ${result.updated} updated${result.blankRows ? `, ${result.blankRows} blank rows skipped` : ''}.\n`);
        });
      }),
    );
}
