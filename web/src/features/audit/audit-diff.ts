// The "before → after" of an audit entry, reduced to what changed: a note edit that fixed a typo
// shows one line (`title: Plan → Weekly plan`), not two copies of the whole record. A creation
// lists what was set, a deletion what was removed (empty fields left out of both).
import type { AuditValues } from './audit-api';

export interface FieldChange {
  field: string;
  /** Display text; null when the field did not exist on that side. */
  before: string | null;
  after: string | null;
}

/** Bookkeeping that changes with every edit and is already the entry's own timestamp. */
const IGNORED = new Set(['updatedAt']);

const MAX_VALUE_LENGTH = 80;

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `'Plan'` → `Plan`; `['q4', 'gmv']` → `q4, gmv`; `[]` → `none`; null → `empty`; objects as JSON. */
export function displayValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = 'empty';
  else if (typeof value === 'string') text = value;
  else if (Array.isArray(value) && value.every(isPrimitive)) text = value.length ? value.join(', ') : 'none';
  else text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function changedFields(before: AuditValues | null, after: AuditValues | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const inBefore = before !== null && field in before;
    const inAfter = after !== null && field in after;
    const oldValue = inBefore ? before[field] : undefined;
    const newValue = inAfter ? after[field] : undefined;
    if (inBefore && inAfter && same(oldValue, newValue)) continue;
    // A creation or deletion has one side only: an empty field there says nothing.
    if (inBefore !== inAfter && (oldValue ?? newValue) === null) continue;
    changes.push({
      field,
      before: inBefore ? displayValue(oldValue) : null,
      after: inAfter ? displayValue(newValue) : null,
    });
  }
  return changes;
}
