/**
 * Users: create, list, change role or name, disable, set password. Every change is audited in the
 * same transaction, and a change that would leave the workspace without an active admin is refused.
 * Disabling a user or changing a password ends all of that user's sessions.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { hashPassword, validatePassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';
import { revokeAllSessions } from './sessions.ts';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
}

const USER_COLUMNS = sql`id, email, display_name, role, disabled_at, last_login_at, created_at`;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export function normalizeEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(value) || value.length > 254) {
    throw new UserError(`"${email}" is not an e-mail address`, { details: { field: 'email' } });
  }
  return value;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new UserError(`unknown role "${role}"`, { hint: 'roles: admin, manager, analyst, viewer', details: { field: 'role' } });
  return role;
}

export async function countUsers(executor: Executor): Promise<number> {
  const [row] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM users`);
  return row?.n ?? 0;
}

export async function listUsers(executor: Executor): Promise<User[]> {
  const rows = await executor.query<UserRow>(sql`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(display_name), id`);
  return rows.map(toUser);
}

export async function findUserByEmail(executor: Executor, email: string): Promise<(User & { passwordHash: string | null }) | null> {
  const rows = await executor.query<UserRow & { password_hash: string | null }>(
    sql`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = ${email.trim().toLowerCase()}`,
  );
  const row = rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function getUser(executor: Executor, id: number): Promise<User> {
  const [row] = await executor.query<UserRow>(sql`SELECT ${USER_COLUMNS} FROM users WHERE id = ${id}`);
  if (!row) throw new UserError(`no user with id ${id}`, { code: 'not_found' });
  return toUser(row);
}

export interface NewUser {
  email: string;
  displayName: string;
  role: string;
  password: string;
}

export async function createUser(db: Database, actor: Actor, input: NewUser): Promise<User> {
  const email = normalizeEmail(input.email);
  const role = checkRole(input.role);
  const displayName = input.displayName.trim() || email.split('@')[0] || email;
  validatePassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) {
      throw new UserError(`a user with the e-mail ${email} already exists`, { code: 'conflict', details: { field: 'email' } });
    }
    const [row] = await tx.query<UserRow>(sql`
      INSERT INTO users (email, display_name, role, password_hash) VALUES (${email}, ${displayName}, ${role}, ${passwordHash})
      RETURNING ${USER_COLUMNS}`);
    if (!row) throw new Error('insert returned no row');
    const user = toUser(row);
    await writeAudit(tx, actor, { action: 'create', entity: 'user', entityId: user.id, after: { email, displayName, role } });
    return user;
  });
}

async function activeAdmins(executor: Executor): Promise<number> {
  const [row] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`);
  return row?.n ?? 0;
}

export interface UserChanges {
  role?: string;
  displayName?: string;
  disabled?: boolean;
}

export async function updateUser(db: Database, actor: Actor, id: number, changes: UserChanges): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    const role = changes.role === undefined ? before.role : checkRole(changes.role);
    const displayName = changes.displayName === undefined ? before.displayName : changes.displayName.trim();
    if (!displayName) throw new UserError('the display name cannot be empty', { details: { field: 'displayName' } });
    const disabled = changes.disabled ?? before.disabled;
    const losesAdmin = before.role === 'admin' && !before.disabled && (role !== 'admin' || disabled);
    if (losesAdmin && (await activeAdmins(tx)) <= 1) {
      throw new UserError('this is the last active admin', { code: 'conflict', hint: 'make another user admin first' });
    }
    await tx.run(sql`
      UPDATE users SET role = ${role}, display_name = ${displayName},
        disabled_at = CASE WHEN ${disabled} THEN coalesce(disabled_at, now()) ELSE NULL END, updated_at = now()
      WHERE id = ${id}`);
    if (disabled && !before.disabled) await revokeAllSessions(tx, id);
    const after = await getUser(tx, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: { role: before.role, displayName: before.displayName, disabled: before.disabled },
      after: { role: after.role, displayName: after.displayName, disabled: after.disabled },
    });
    return after;
  });
}

/** Sets a new password and ends every session of the user (the caller may start a fresh one). */
export async function setPassword(db: Database, actor: Actor, id: number, password: string): Promise<void> {
  const user = await getUser(db, id);
  validatePassword(password, user.email);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.run(sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = now() WHERE id = ${id}`);
    await revokeAllSessions(tx, id);
    await writeAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, after: { password: 'changed' } });
  });
}
