/**
 * `aisle user add|passwd|list|disable`: user administration on the local data dir (the CLI works on
 * the files directly and needs no token). Passwords come from stdin (`--password-stdin`) or are
 * generated and printed once — never taken as a command-line argument, where shells keep history.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { CLI_ACTOR } from '../../core/auth/actor.ts';
import { ROLES } from '../../core/auth/roles.ts';
import { temporaryPassword } from '../../core/auth/secret-tokens.ts';
import { createUser, findUserByEmail, listUsers, setPassword, updateUser } from '../../core/auth/users.ts';
import type { Database } from '../../core/db/database.ts';
import { UserError } from '../../core/shared/errors.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function passwordFrom(options: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (options.passwordStdin) return { password: await readStdin(), generated: false };
  return { password: temporaryPassword(), generated: true };
}

async function userId(db: Database, email: string): Promise<number> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new UserError(`no user with the e-mail ${email}`, { hint: 'see `aisle user list`' });
  return user.id;
}

export function registerUser(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const user = program.command('user').description('manage users (admin work on the local data dir)');

  user
    .command('add')
    .description('add a user; prints a generated password once unless --password-stdin is given')
    .argument('<email>', 'the e-mail the user signs in with')
    .addOption(new Option('--role <ROLE>', 'role').choices([...ROLES]).default('viewer'))
    .option('--name <NAME>', 'display name (default: the part of the e-mail before @)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      action(async (email: string, options: { role: string; name?: string; passwordStdin?: boolean }) => {
        const { password, generated } = await passwordFrom(options);
        await withWorkspace(dataDir(), async ({ db }) => {
          const created = await createUser(db, CLI_ACTOR, { email, displayName: options.name ?? '', role: options.role, password });
          process.stdout.write(`Added ${created.email} (${created.role}).\n`);
          if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
        });
      }),
    );

  user
    .command('passwd')
    .description("set a user's password (ends their sessions); prints a generated one unless --password-stdin")
    .argument('<email>')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      action(async (email: string, options: { passwordStdin?: boolean }) => {
        const { password, generated } = await passwordFrom(options);
        await withWorkspace(dataDir(), async ({ db }) => {
          await setPassword(db, CLI_ACTOR, await userId(db, email), password);
          process.stdout.write(`Password changed for ${email.toLowerCase()}; their sessions have ended.\n`);
          if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
        });
      }),
    );

  user
    .command('list')
    .description('list users')
    .option('--json', 'print as JSON on stdout')
    .action(
      action(async (options: { json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const users = await listUsers(db);
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ users })}\n`);
            return;
          }
          if (users.length === 0) process.stdout.write('No users yet: `aisle user add EMAIL --role admin`, or open the web app to set up.\n');
          const width = Math.max(5, ...users.map((u) => u.email.length));
          for (const u of users) {
            const state = u.disabled ? 'disabled' : `last sign-in ${u.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? 'never'}`;
            process.stdout.write(`${u.email.padEnd(width)}  ${u.role.padEnd(7)}  ${u.displayName}  (${state})\n`);
          }
        });
      }),
    );

  user
    .command('disable')
    .description('disable a user and end their sessions')
    .argument('<email>')
    .action(
      action(async (email: string) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          await updateUser(db, CLI_ACTOR, await userId(db, email), { disabled: true });
          process.stdout.write(`Disabled ${email.toLowerCase()}; their sessions have ended.\n`);
        });
      }),
    );
}
