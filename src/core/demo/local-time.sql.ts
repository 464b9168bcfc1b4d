/**
 * Local-time arithmetic for the demo's hot paths. `timezone(zone, …)` goes through ICU's calendar
 * for every row (hundreds of nanoseconds each, twice per order line: 129 M lines at benchmark size),
 * while in UTC an instant and its wall-clock time share the same epoch microseconds, so plain
 * integer arithmetic gives the very same values. Other zones keep ICU, which knows their rules.
 */
import { sql, type Sql } from '../db/sql.ts';

function isUtc(timezone: string): boolean {
  return timezone === 'UTC' || timezone === 'Etc/UTC';
}

/** The instant (TIMESTAMPTZ) at which the workspace's clocks show `local` (a TIMESTAMP). */
export function atLocalTime(timezone: string, local: Sql): Sql {
  return isUtc(timezone) ? sql`make_timestamptz(epoch_us(${local}))` : sql`timezone(${timezone}, ${local})`;
}

/** The workspace's local date (DATE) of an instant. */
export function localDateOf(timezone: string, instant: Sql): Sql {
  return isUtc(timezone)
    ? sql`CAST(make_timestamp(epoch_us(${instant})) AS DATE)`
    : sql`CAST(timezone(${timezone}, ${instant}) AS DATE)`;
}

/**
 * An instant plus whole seconds. Equal to `instant + to_seconds(seconds)` in every zone (an interval
 * without days or months is absolute time), without ICU's calendar addition.
 */
export function plusSeconds(instant: Sql, seconds: Sql): Sql {
  return sql`make_timestamptz(epoch_us(${instant}) + CAST(${seconds} AS BIGINT) * 1000000)`;
}
