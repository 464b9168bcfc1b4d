/** `aisle init`: create or migrate the database and set the workspace time zone and currency. */
import type { Command } from 'commander';
import { updateSettings } from '../../core/shared/settings.ts';
import { ensureDefaultRubric } from '../../core/livestreams/default-rubric.ts';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { writeAudit } from '../../core/auth/audit-log.ts';
import { getSettings } from '../../core/shared/settings.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create or migrate the database and set workspace settings')
    .option('--timezone <TZ>', 'workspace time zone (IANA name, e.g. Asia/Jakarta)')
    .option('--currency <CUR>', 'workspace currency (ISO 4217 code, e.g. IDR)')
    .action(
      action(async (options: { timezone?: string; currency?: string }) => {
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db, dataDir, migrations }) => {
          const settings = await db.transaction(async (tx) => {
            const before = await getSettings(tx);
            const updated = await updateSettings(tx, options);
            if (JSON.stringify(before) !== JSON.stringify(updated)) {
              await writeAudit(tx, CLI_ACTOR, { action: 'update', entity: 'settings', before, after: updated });
            }
            await ensureDefaultRubric(tx, 'system');
            return updated;
          });
          const applied = migrations.applied.length ? `applied migrations ${migrations.applied.join(', ')}` : 'schema up to date';
          process.stdout.write(
            `Aisle database ready in ${dataDir} (schema version ${migrations.current}, ${applied}).\n` +
              `Time zone ${settings.timezone}, currency ${settings.currency}.\n`,
          );
        });
      }),
    );
}
