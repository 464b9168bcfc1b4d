/**
 * Workspace settings (time zone, currency) stored in the `settings` table. Every period is
 * bucketed in the workspace time zone and every amount is in the workspace currency, so both are
 * validated here, once.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from './errors.ts';

export interface WorkspaceSettings {
  timezone: string;
  currency: string;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { timezone: 'UTC', currency: 'USD' };

export function validateTimezone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new UserError(`unknown time zone "${value}"`, {
      hint: 'use an IANA time zone name such as UTC, Asia/Jakarta or Europe/Berlin',
    });
  }
  return value;
}

export function validateCurrency(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !Intl.supportedValuesOf('currency').includes(code)) {
    throw new UserError(`unknown currency "${value}"`, { hint: 'use an ISO 4217 code such as USD, IDR or MYR' });
  }
  return code;
}

export async function getSettings(executor: Executor): Promise<WorkspaceSettings> {
  const rows = await executor.query<{ key: string; value: string }>(
    sql`SELECT key, value FROM settings WHERE key IN ('timezone', 'currency')`,
  );
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return {
    timezone: byKey.get('timezone') ?? DEFAULT_SETTINGS.timezone,
    currency: byKey.get('currency') ?? DEFAULT_SETTINGS.currency,
  };
}

export async function updateSettings(executor: Executor, changes: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  const entries: [string, string][] = [];
  if (changes.timezone !== undefined) entries.push(['timezone', validateTimezone(changes.timezone)]);
  if (changes.currency !== undefined) entries.push(['currency', validateCurrency(changes.currency)]);
  for (const [key, value] of entries) {
    await executor.run(sql`
      INSERT INTO settings (key, value) VALUES (${key}, ${value})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  }
  return getSettings(executor);
}
