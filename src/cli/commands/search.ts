/** `aisle search TEXT`: notes, communications and tasks containing every word, newest first. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { searchWorkspace, SEARCH_KINDS, type SearchKind } from '../../core/workspace/workspace-search.ts';
import { action } from '../run-command.ts';
import { integerOption } from '../parse-options.ts';
import { withWorkspace } from '../workspace.ts';

export function registerSearch(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  program
    .command('search')
    .description('search notes, communications and tasks')
    .argument('<text...>', 'words that must all appear')
    .addOption(new Option('--kind <K>', 'only this kind').choices([...SEARCH_KINDS]))
    .option('--limit <N>', 'at most this many', integerOption('--limit', 1, 200), 50)
    .option('--json', 'the hits as JSON on stdout')
    .action(
      action(async (words: string[], o: { kind?: SearchKind; limit: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const hits = await searchWorkspace(db, words.join(' '), { kinds: o.kind ? [o.kind] : undefined, limit: o.limit });
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ hits })}\n`);
            return;
          }
          if (hits.length === 0) process.stdout.write('Nothing found.\n');
          for (const h of hits) {
            process.stdout.write(`${h.kind.padEnd(13)} #${String(h.id).padEnd(5)} ${h.at.slice(0, 10)}  ${h.title}${h.sellerName ? ` · ${h.sellerName}` : ''}\n`);
            process.stdout.write(`    ${h.snippet.slice(0, 120)}\n`);
          }
        });
      }),
    );
}
