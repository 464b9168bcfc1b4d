/** `aisle db info`: where the database is, its schema version, settings, and every table's row count. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { DATABASE_FILE } from '../../core/db/open-data-dir.ts';
import { describeDatabase } from '../../core/db/describe-database.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database administration');
  db.command('info')
    .description('show the database file, schema version, settings and row counts per table')
    .option('--json', 'print as JSON on stdout')
    .action(
      action(async (options: { json?: boolean }) => {
        await withWorkspace(program.opts<{ dataDir?: string }>().dataDir, async ({ db: database, dataDir }) => {
          const file = path.join(dataDir, DATABASE_FILE);
          const info = { file, bytes: (await stat(file)).size, ...(await describeDatabase(database)) };
          if (options.json) {
            process.stdout.write(`${JSON.stringify(info)}\n`);
            return;
          }
          const width = Math.max(...info.tables.map((t) => t.table.length));
          process.stdout.write(
            `Database   ${info.file} (${(info.bytes / 1024 / 1024).toFixed(1)} MiB)\n` +
              `Schema     version ${info.schemaVersion}\n` +
              `Settings   time zone ${info.settings.timezone}, currency ${info.settings.currency}\n\n` +
              info.tables.map((t) => `${t.table.padEnd(width)}  ${t.rows.toLocaleString('en-US').padStart(12)}`).join('\n') +
              '\n',
          );
        });
      }),
    );
}
