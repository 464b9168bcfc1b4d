/**
 * `aisle backup FILE` and `aisle restore FILE` (CONTRACTS.md §1, admin).
 *
 * A backup of a data dir nobody has open is taken directly. While `aisle serve` holds the database
 * (DuckDB lets one process open it), the backup is taken by the server itself: pass `--server URL`
 * and an admin's API token (`--token` or `AISLE_TOKEN`), and the file is streamed down. A restore
 * goes into an empty data dir only, and brings the schema up to date afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { createBackup, restoreBackup } from '../../core/admin/backup.ts';
import { openDataDir, resolveDataDir } from '../../core/db/open-data-dir.ts';
import { isUserError, UserError } from '../../core/shared/errors.ts';
import { APP_VERSION } from '../../server/version.ts';
import { action } from '../run-command.ts';

interface BackupOptions {
  server?: string;
  token?: string;
  json?: boolean;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function backupThroughServer(server: string, token: string | undefined, target: string): Promise<{ file: string; bytes: number }> {
  if (!token) {
    throw new UserError('a backup through the server needs an admin API token', {
      hint: 'create one in Settings → API tokens (as an admin) and pass --token or set AISLE_TOKEN',
    });
  }
  let url: URL;
  try {
    url = new URL('/api/admin/backup', server);
  } catch {
    throw new UserError(`--server ${server} is not a URL`, { hint: 'pass the address of aisle serve, e.g. http://127.0.0.1:4173' });
  }
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new UserError(`cannot reach the server at ${url.origin}`, { hint: 'check that aisle serve is running there', cause: error });
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; hint?: string } } | null;
    throw new UserError(`the server refused the backup (${response.status}): ${body?.error?.message ?? response.statusText}`, {
      hint: body?.error?.hint ?? 'use an API token of an admin',
    });
  }
  const file = path.resolve(target);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, bytes: (await stat(file)).size };
}

export function registerBackup(program: Command): void {
  const dataDir = () => resolveDataDir(program.opts<{ dataDir?: string }>().dataDir);

  program
    .command('backup')
    .description('write a consistent backup of the workspace to FILE (.tar.gz); through --server while aisle serve runs')
    .argument('<FILE>', 'the backup file to write')
    .option('--server <URL>', 'take the backup through a running aisle serve, e.g. http://127.0.0.1:4173')
    .option('--token <TOKEN>', "an admin's API token for --server (default: AISLE_TOKEN)")
    .option('--json', 'print the result as JSON on stdout')
    .action(
      action(async (file: string, options: BackupOptions) => {
        const print = (result: Record<string, unknown>, text: string) =>
          process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${text}\n`);
        if (options.server) {
          const result = await backupThroughServer(options.server, options.token ?? process.env.AISLE_TOKEN, file);
          print(result, `Backup written to ${result.file} (${mib(result.bytes)}) by the server at ${options.server}.`);
          return;
        }
        let workspace;
        try {
          workspace = await openDataDir(dataDir());
        } catch (error) {
          if (isUserError(error) && /in use by another Aisle process/.test(error.message)) {
            throw new UserError(error.message, {
              hint: "the server holds the database: run aisle backup FILE --server http://127.0.0.1:4173 --token <an admin's API token>",
              cause: error,
            });
          }
          throw error;
        }
        try {
          const summary = await createBackup(workspace.db, file, { appVersion: APP_VERSION });
          print(
            { ...summary },
            `Backup written to ${summary.file} (${mib(summary.bytes)}): ${summary.tables} tables, ${summary.rows.toLocaleString('en-US')} rows, schema version ${summary.schemaVersion}.`,
          );
        } finally {
          await workspace.db.close();
        }
      }),
    );

  program
    .command('restore')
    .description('restore a backup FILE into an empty data dir (--data-dir), then bring its schema up to date')
    .argument('<FILE>', 'a backup written by aisle backup')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        const summary = await restoreBackup(file, dataDir());
        const { db, migrations } = await openDataDir(summary.dataDir);
        await db.close();
        const result = { ...summary, migrationsApplied: migrations.applied };
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result)}\n`
            : `Restored ${summary.tables} tables, ${summary.rows.toLocaleString('en-US')} rows (backup of ${summary.createdAt}) into ${summary.dataDir}` +
                `${migrations.applied.length ? `; schema brought up to version ${migrations.current}` : ''}.\n`,
        );
      }),
    );
}
