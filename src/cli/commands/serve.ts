/**
 * `aisle serve`: the web app and API on one port, bound to 127.0.0.1 unless told otherwise.
 * `--demo-if-empty` (used by `npm start`) fills a brand-new workspace with the demo dataset first.
 * SIGINT/SIGTERM close the server and then the database cleanly.
 */
import type { Command } from 'commander';
import { sql } from '../../core/db/sql.ts';
import { DEFAULT_DEMO, generateDemo } from '../../core/demo/generate-demo.ts';
import { ensureDefaultRubric } from '../../core/livestreams/default-rubric.ts';
import { addDays, todayIn } from '../../core/shared/dates.ts';
import { getSettings } from '../../core/shared/settings.ts';
import { openDataDir, resolveDataDir } from '../../core/db/open-data-dir.ts';
import type { Database, SlowStatement } from '../../core/db/database.ts';
import { buildApp, LOG_REDACT } from '../../server/app.ts';
import { action } from '../run-command.ts';
import { integerOption } from '../parse-options.ts';
import { progressBar } from '../progress.ts';
import { SYSTEM_ACTOR } from '../../core/auth/actor.ts';
import { temporaryPassword } from '../../core/auth/secret-tokens.ts';
import { countUsers, createUser } from '../../core/auth/users.ts';

/**
 * After an import, a page whose figures take longer than this to recompute (a large workspace)
 * answers with the previous ones, marked refreshing, and the web app asks again until the new
 * ones are there; smaller workspaces never notice.
 */
const STALE_AFTER_MS = staleAfterMs(process.env.AISLE_STALE_AFTER_MS);

/** `AISLE_STALE_AFTER_MS`: milliseconds, `Infinity` (always wait for the current figures) or unset/`default` (200). */
function staleAfterMs(text: string | undefined): number {
  const value = text === undefined || text === 'default' ? 200 : Number(text);
  return Number.isNaN(value) || value < 0 ? 200 : value;
}

/**
 * DuckDB connections the server pools. Imports, report builds and the jobs that follow an import
 * (seller map, alerts, benchmark ranking) each hold one while they run; with enough left over, a
 * page's short queries never queue behind them — DuckDB shares its threads between running queries.
 */
const SERVER_CONNECTIONS = 16;

/**
 * `AISLE_SLOW_STATEMENT_MS`: statements whose wait for a connection plus run time reach this many
 * milliseconds are logged (warn, with both times and the statement's text, which holds no values).
 * Unset: off.
 */
function slowStatementMs(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Reports each time the event loop was held up for at least `thresholdMs` (JavaScript running
 * without a break: every request waits meanwhile), measured as how late a 50 ms tick fires.
 */
function watchEventLoop(thresholdMs: number, report: (blockedMs: number) => void): void {
  const TICK_MS = 50;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late >= Math.max(thresholdMs, TICK_MS)) report(Math.round(late));
  }, TICK_MS).unref();
}

export const DEMO_ADMIN = 'admin@aisle.local';

interface ServeOptions {
  port: number;
  host: string;
  demoIfEmpty?: boolean;
}

async function fillDemoIfEmpty(db: Database): Promise<void> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM sellers`);
  if ((row?.n ?? 0) > 0) return;
  const { timezone } = await getSettings(db);
  const end = addDays(todayIn(timezone), -1);
  process.stderr.write(
    `First run: generating demo data (${DEFAULT_DEMO.sellers.toLocaleString('en-US')} sellers × ${DEFAULT_DEMO.days} days ending ${end})…\n`,
  );
  const bar = progressBar(true);
  await generateDemo(db, { ...DEFAULT_DEMO, end }, bar.update).finally(bar.stop);
  if ((await countUsers(db)) === 0) {
    const password = temporaryPassword();
    await createUser(db, SYSTEM_ACTOR, { email: DEMO_ADMIN, displayName: 'Demo admin', role: 'admin', password });
    process.stderr.write(
      `\nSign in as ${DEMO_ADMIN} with the password ${password}\n` +
        'It is shown this once. Change it in the user menu, or set one with `npx aisle user passwd ' + DEMO_ADMIN + '`.\n\n',
    );
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web app and API')
    .option('--port <PORT>', 'port to listen on', integerOption('--port', 0, 65535), 4173)
    .option('--host <HOST>', 'address to bind (use 0.0.0.0 to accept other machines)', '127.0.0.1')
    .option('--demo-if-empty', 'generate the demo dataset when the workspace has no sellers yet')
    .action(
      action(async (options: ServeOptions) => {
        // Slow statements go to the app's log once it exists (the demo fill before it is not timed).
        let logSlowStatement: (statement: SlowStatement) => void = () => undefined;
        const { db, dataDir } = await openDataDir(resolveDataDir(program.opts<{ dataDir?: string }>().dataDir), {
          connections: SERVER_CONNECTIONS,
          ...(process.env.AISLE_DUCKDB_THREADS ? { config: { threads: process.env.AISLE_DUCKDB_THREADS } } : {}),
          slowStatementMs: slowStatementMs(process.env.AISLE_SLOW_STATEMENT_MS),
          onSlowStatement: (statement) => logSlowStatement(statement),
        });
        try {
          await db.transaction((tx) => ensureDefaultRubric(tx, 'system'));
          if (options.demoIfEmpty) await fillDemoIfEmpty(db);
        } catch (error) {
          await db.close();
          throw error;
        }
        const app = await buildApp({
          db,
          dataDir,
          closeDatabaseOnClose: true,
          scheduleAlerts: true,
          scheduleSellerMap: true,
          warmLivestreamBenchmarks: true,
          scheduleReports: true,
          staleAfterMs: STALE_AFTER_MS,
          logger: { level: process.env.AISLE_LOG_LEVEL ?? 'info', redact: LOG_REDACT },
        });
        logSlowStatement = (statement) => app.log.warn({ statement }, 'slow statement');
        const stallMs = slowStatementMs(process.env.AISLE_SLOW_STATEMENT_MS);
        if (stallMs !== undefined) watchEventLoop(stallMs, (blockedMs) => app.log.warn({ blockedMs }, 'event loop blocked'));
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          app.log.info({ signal }, 'shutting down');
          app.close().then(
            () => process.exit(0),
            (error: unknown) => {
              app.log.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
        try {
          await app.listen({ port: options.port, host: options.host });
        } catch (error) {
          await app.close();
          throw error;
        }
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : options.port;
        const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
        process.stdout.write(`Aisle is running at http://${shownHost}:${port} (data in ${dataDir}). Press Ctrl+C to stop.\n`);
      }),
    );
}
