/**
 * API tokens for scripts: scoped to a role no higher than their owner's, shown once at creation
 * (only a SHA-256 is kept), revocable, with the time they were last used.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { writeAudit } from './audit-log.ts';
import { can, isRole, roleCovers, type Role } from './roles.ts';
import { randomToken, sha256 } from './secret-tokens.ts';
import type { SessionUser } from './sessions.ts';

export const API_TOKEN_PREFIX = 'aisle_';

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface TokenRow {
  id: number;
  name: string;
  role: Role;
  owner: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role,
  owner: r.owner,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const SELECT_TOKENS = sql`SELECT t.id, t.name, t.role, u.email AS owner, t.created_at, t.last_used_at, t.revoked_at
  FROM api_tokens t JOIN users u ON u.id = t.user_id`;

/** Admins see every token; everyone else sees their own. */
export async function listApiTokens(executor: Executor, actor: Actor): Promise<ApiToken[]> {
  const scope = can(actor.role, 'admin') ? sql`true` : sql`t.user_id = ${actor.userId ?? -1}`;
  const rows = await executor.query<TokenRow>(sql`${SELECT_TOKENS} WHERE ${scope} ORDER BY t.created_at DESC, t.id DESC`);
  return rows.map(toToken);
}

export async function createApiToken(db: Database, actor: Actor, input: { name: string; role: string }): Promise<{ token: string; apiToken: ApiToken }> {
  const name = input.name.trim();
  if (!name) throw new UserError('give the token a name, e.g. "weekly export script"', { details: { field: 'name' } });
  if (!isRole(input.role)) throw new UserError(`unknown role "${input.role}"`, { details: { field: 'role' } });
  if (actor.userId === null) throw new UserError('API tokens belong to a user; sign in first', { code: 'refused' });
  if (!roleCovers(actor.role, input.role)) {
    throw new UserError(`a token cannot have more rights than its owner (${actor.role})`, { code: 'refused', details: { field: 'role' } });
  }
  const token = randomToken(API_TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO api_tokens (user_id, name, token_sha256, role) VALUES (${actor.userId}, ${name}, ${sha256(token)}, ${input.role})
      RETURNING id`);
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, actor, { action: 'create', entity: 'api_token', entityId: row.id, after: { name, role: input.role } });
    const [created] = await tx.query<TokenRow>(sql`${SELECT_TOKENS} WHERE t.id = ${row.id}`);
    if (!created) throw new Error('token vanished');
    return { token, apiToken: toToken(created) };
  });
}

export async function revokeApiToken(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ user_id: number; name: string; revoked_at: string | null }>(
      sql`SELECT user_id, name, revoked_at FROM api_tokens WHERE id = ${id}`,
    );
    if (!row || (row.user_id !== actor.userId && !can(actor.role, 'admin'))) {
      throw new UserError(`no API token with id ${id}`, { code: 'not_found' });
    }
    if (row.revoked_at) return;
    await tx.run(sql`UPDATE api_tokens SET revoked_at = now() WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'api_token', entityId: id, before: { name: row.name } });
  });
}

/** The token's effective identity (its own role, never more than the owner's current role). */
export async function resolveApiToken(executor: Executor, token: string): Promise<SessionUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const [row] = await executor.query<{ id: number; email: string; display_name: string; owner_role: Role; token_role: Role }>(sql`
    SELECT u.id, u.email, u.display_name, u.role AS owner_role, t.role AS token_role
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_sha256 = ${hash} AND t.revoked_at IS NULL AND u.disabled_at IS NULL`);
  if (!row) return null;
  await executor.run(sql`UPDATE api_tokens SET last_used_at = now() WHERE token_sha256 = ${hash}`);
  const role = roleCovers(row.owner_role, row.token_role) ? row.token_role : row.owner_role;
  return { id: row.id, email: row.email, displayName: row.display_name, role };
}
