/**
 * The audit log: every create/update/delete done by someone, with before and after, written with
 * the same executor (so in the same transaction) as the change itself. Reading it is for admins.
 */
import type { Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import { sql, type Sql } from '../db/sql.ts';
import type { Actor } from './actor.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'merge' | 'login' | 'logout' | 'restore';

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

// Secrets never reach the log, whatever the caller passes.
const SECRET_KEYS = /password|token|hash|secret/i;

function scrub(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : scrub(v)]),
    );
  }
  return value;
}

function json(value: unknown): string | null {
  const cleaned = scrub(value);
  return cleaned === null ? null : JSON.stringify(cleaned);
}

export async function writeAudit(executor: Executor, actor: Actor, event: AuditEvent): Promise<void> {
  await executor.run(sql`
    INSERT INTO audit_log (user_id, actor, action, entity, entity_id, before, after)
    VALUES (${actor.userId}, ${actor.label}, ${event.action}, ${event.entity},
            ${event.entityId === undefined || event.entityId === null ? null : String(event.entityId)},
            ${json(event.before)}, ${json(event.after)})`);
}

export interface AuditFilter {
  actor?: string;
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  before: PlainRow | null;
  after: PlainRow | null;
}

export async function listAudit(executor: Executor, filter: AuditFilter): Promise<{ entries: AuditEntry[]; total: number }> {
  const conditions: Sql[] = [sql`true`];
  if (filter.actor) conditions.push(sql`actor = ${filter.actor}`);
  if (filter.entity) conditions.push(sql`entity = ${filter.entity}`);
  if (filter.from) conditions.push(sql`"at" >= CAST(${filter.from} AS DATE)`);
  if (filter.to) conditions.push(sql`"at" < CAST(${filter.to} AS DATE) + INTERVAL 1 DAY`);
  const where = sql.join(conditions, ' AND ');
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const offset = Math.max(filter.offset ?? 0, 0);
  const rows = await executor.query<{ id: number; at: string; actor: string; action: AuditAction; entity: string; entity_id: string | null; before: PlainRow | null; after: PlainRow | null }>(
    sql`SELECT id, "at", actor, action, entity, entity_id, before, after FROM audit_log WHERE ${where}
        ORDER BY "at" DESC, id DESC ${executor.dialect.limit(limit, offset)}`,
  );
  const [count] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE ${where}`);
  return {
    total: count?.n ?? 0,
    entries: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after })),
  };
}
