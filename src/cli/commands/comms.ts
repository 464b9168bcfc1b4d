/**
 * `aisle comms list|log`: the communication log, team-wide or one seller's timeline, and logging
 * a contact from a script (audited as `cli`). `--json` output is the only thing on stdout.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { listCommunications, type Communication } from '../../core/workspace/communication-query.ts';
import { logCommunication } from '../../core/workspace/communications.ts';
import { workspaceToday } from '../../core/workspace/due-dates.ts';
import { CHANNELS, DIRECTIONS, type Channel, type Direction } from '../../core/workspace/workspace-fields.ts';
import { action } from '../run-command.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

function printCommunications(rows: Communication[], total: number): void {
  if (rows.length === 0) {
    process.stdout.write('No communications.\n');
    return;
  }
  for (const c of rows) {
    process.stdout.write(
      `#${c.id}  ${c.at.slice(0, 16).replace('T', ' ')}  ${c.channel.padEnd(7)} ${c.direction.padEnd(8)} ${c.sellerName ?? c.sellerId} — ${c.subject}\n`,
    );
    if (c.nextAction)
      process.stdout.write(`    next: ${c.nextAction}${c.dueAt ? ` by ${c.dueAt}` : ''} (${c.followUp})\n`);
  }
  if (total > rows.length) process.stdout.write(`… ${total - rows.length} more: use --limit or --json\n`);
}

export function registerComms(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const comms = program.command('comms').description('communication records with sellers: list and log');

  comms
    .command('list', { isDefault: true })
    .description('communications, newest first')
    .option('--seller <ID>', "one seller's timeline")
    .addOption(new Option('--channel <C>', 'only this channel').choices([...CHANNELS]))
    .option('--from <YYYY-MM-DD>', 'from this day (workspace time zone)', dateOption)
    .option('--to <YYYY-MM-DD>', 'up to this day', dateOption)
    .addOption(
      new Option('--follow-up <STATE>', 'only follow-ups in this state').choices([
        'open',
        'overdue',
        'closed',
        'tasked',
      ]),
    )
    .option('--q <WORDS>', 'only those containing every word')
    .option('--limit <N>', 'at most this many', integerOption('--limit', 1, 5000), 50)
    .option('--json', 'the communications as JSON on stdout')
    .action(
      action(
        async (o: {
          seller?: string;
          channel?: Channel;
          from?: string;
          to?: string;
          followUp?: 'open' | 'overdue' | 'closed' | 'tasked';
          q?: string;
          limit: number;
          json?: boolean;
        }) => {
          await withWorkspace(dataDir(), async ({ db }) => {
            const result = await listCommunications(db, await workspaceToday(db), {
              sellerId: o.seller,
              channel: o.channel,
              from: o.from,
              to: o.to,
              followUp: o.followUp,
              q: o.q,
              limit: o.limit,
            });
            if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
            else printCommunications(result.communications, result.total);
          });
        },
      ),
    );

  comms
    .command('log')
    .description('log a contact with a seller')
    .requiredOption('--seller <ID>', 'the seller')
    .addOption(new Option('--channel <C>', 'how').choices([...CHANNELS]).makeOptionMandatory())
    .requiredOption('--subject <TEXT>', 'what it was about')
    .addOption(new Option('--direction <D>', 'who reached out').choices([...DIRECTIONS]).default('outbound'))
    .option('--at <ISO>', 'when it happened (default: now)')
    .option('--participants <TEXT>', 'who took part')
    .option('--summary <TEXT>', 'what was said')
    .option('--outcome <TEXT>', 'what was agreed')
    .option('--next <TEXT>', 'the next action')
    .option('--due <YYYY-MM-DD>', 'when the next action is due', dateOption)
    .option('--owner <NAME>', 'who owns the next action')
    .option('--json', 'the communication as JSON on stdout')
    .action(
      action(
        async (o: {
          seller: string;
          channel: Channel;
          subject: string;
          direction: Direction;
          at?: string;
          participants?: string;
          summary?: string;
          outcome?: string;
          next?: string;
          due?: string;
          owner?: string;
          json?: boolean;
        }) => {
          await withWorkspace(dataDir(), async ({ db }) => {
            const c = await logCommunication(db, CLI_ACTOR, {
              sellerId: o.seller,
              channel: o.channel,
              subject: o.subject,
              direction: o.direction,
              at: o.at,
              participants: o.participants,
              summary: o.summary,
              outcome: o.outcome,
              nextAction: o.next,
              dueAt: o.due,
              owner: o.owner,
            });
            if (o.json) process.stdout.write(`${JSON.stringify(c)}\n`);
            else process.stdout.write(`Communication #${c.id} logged with ${c.sellerName ?? c.sellerId}.\n`);
          });
        },
      ),
    );
}
