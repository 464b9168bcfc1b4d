/**
 * The `aisle` command. Commands are thin: they parse options, open the data dir and call core
 * services, so the CLI and the web app can never disagree. Exit codes: 0 success, 1 refused or
 * failed, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../server/version.ts';
import { registerAlerts } from './commands/alerts.ts';
import { registerComms } from './commands/comms.ts';
import { registerNotes } from './commands/notes.ts';
import { registerSearch } from './commands/search.ts';
import { registerTasks } from './commands/tasks.ts';
import { registerDb } from './commands/db-info.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerInit } from './commands/init.ts';
import { registerLivestreams } from './commands/livestreams.ts';
import { registerBestPractices } from './commands/best-practices.ts';
import { registerBackup } from './commands/backup.ts';
import { registerReviews } from './commands/reviews.ts';
import { registerOpportunities } from './commands/opportunities.ts';
import { registerQuery } from './commands/query.ts';
import { registerReport } from './commands/report.ts';
import { registerSegments } from './commands/segments.ts';
import { registerSellers } from './commands/sellers.ts';
import { registerServe } from './commands/serve.ts';
import { registerTargets } from './commands/targets.ts';
import { registerUser } from './commands/user.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('aisle')
    .description('Aisle — seller map, livestream quality, daily KPIs and follow-up for a category team')
    .version(APP_VERSION)
    .option('--data-dir <DIR>', 'data directory (default: $AISLE_DATA_DIR, else ./data)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.commands.forEach((c) => c.exitOverride());
  registerInit(program);
  registerDemo(program);
  registerImport(program);
  registerQuery(program);
  registerReport(program);
  registerOpportunities(program);
  registerSegments(program);
  registerSellers(program);
  registerLivestreams(program);
  registerBestPractices(program);
  registerReviews(program);
  registerServe(program);
  registerTargets(program);
  registerUser(program);
  registerDb(program);
  registerBackup(program);
  registerAlerts(program);
  registerTasks(program);
  registerComms(program);
  registerNotes(program);
  registerSearch(program);
  for (const command of program.commands) {
    command.exitOverride();
    command.commands.forEach((sub) => sub.exitOverride());
  }
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
