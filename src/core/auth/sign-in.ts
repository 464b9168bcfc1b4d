/**
 * Signing in and the first-run setup. Wrong e-mail and wrong password give the same answer (no
 * account discovery), and the password check runs even for unknown e-mails so timing tells nothing.
 */
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, revokeAllSessions, type SessionUser } from './sessions.ts';
import { countUsers, createUser, findUserByEmail, setPassword, type User } from './users.ts';

let dummyHash: Promise<string> | null = null;

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, label: user.email, role: user.role };
}

export async function signIn(db: Database, email: string, password: string): Promise<{ user: SessionUser; token: string }> {
  const found = await findUserByEmail(db, email);
  dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
  const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash), password);
  if (!found || !ok || found.disabled) {
    throw new UserError('wrong e-mail or password', { code: 'refused', details: { code: 'bad_credentials' } });
  }
  const user: SessionUser = { id: found.id, email: found.email, displayName: found.displayName, role: found.role };
  const token = await db.transaction(async (tx) => {
    await tx.run(sql`UPDATE users SET last_login_at = now() WHERE id = ${found.id}`);
    await writeAudit(tx, actorOf(user), { action: 'login', entity: 'session' });
    return createSession(tx, found.id);
  });
  return { user, token };
}

export async function signOut(db: Database, user: SessionUser, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, token);
    await writeAudit(tx, actorOf(user), { action: 'logout', entity: 'session' });
  });
}

/** Creates the first admin; refused once any user exists. */
export async function setupFirstAdmin(db: Database, input: { email: string; displayName: string; password: string }): Promise<User> {
  if ((await countUsers(db)) > 0) {
    throw new UserError('Aisle is already set up', { code: 'conflict', hint: 'sign in, or ask an admin to invite you' });
  }
  return createUser(db, { userId: null, label: 'setup', role: 'admin' }, { ...input, role: 'admin' });
}

/** Changes one's own password after checking the current one; every session ends. */
export async function changeOwnPassword(db: Database, user: SessionUser, currentPassword: string, newPassword: string): Promise<void> {
  const found = await findUserByEmail(db, user.email);
  if (!found || !(await verifyPassword(found.passwordHash, currentPassword))) {
    throw new UserError('the current password is not right', { details: { field: 'currentPassword' } });
  }
  await setPassword(db, actorOf(user), user.id, newPassword);
}

export { revokeAllSessions };
