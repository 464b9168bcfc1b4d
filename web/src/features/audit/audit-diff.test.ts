import { describe, expect, it } from 'vitest';
import { changedFields, displayValue } from './audit-diff';

describe('changedFields', () => {
  it('keeps only the fields an update changed', () => {
    const before = { title: 'Plan', bodyMd: 'Call sellers', tags: ['q4'], updatedAt: '2026-11-01T10:00:00Z' };
    const after = {
      title: 'Weekly plan',
      bodyMd: 'Call sellers',
      tags: ['q4', 'gmv'],
      updatedAt: '2026-11-02T10:00:00Z',
    };
    expect(changedFields(before, after)).toEqual([
      { field: 'title', before: 'Plan', after: 'Weekly plan' },
      { field: 'tags', before: 'q4', after: 'q4, gmv' },
    ]);
  });

  it('lists what a creation set and what a deletion removed, without empty fields', () => {
    expect(changedFields(null, { title: 'New', tags: [], sellerId: null })).toEqual([
      { field: 'title', before: null, after: 'New' },
      { field: 'tags', before: null, after: 'none' },
    ]);
    expect(changedFields({ role: 'viewer' }, null)).toEqual([
      { field: 'role', before: 'viewer', after: null },
    ]);
  });

  it('reports a field that appears, disappears or becomes empty in an update', () => {
    expect(
      changedFields({ disabled: false, sellerId: 's1' }, { disabled: true, sellerId: null, role: 'admin' }),
    ).toEqual([
      { field: 'disabled', before: 'false', after: 'true' },
      { field: 'sellerId', before: 's1', after: 'empty' },
      { field: 'role', before: null, after: 'admin' },
    ]);
  });

  it('has nothing to show when both sides are empty or equal', () => {
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });
});

describe('displayValue', () => {
  it('reads lists as lists and other structures as JSON', () => {
    expect(displayValue(['q4', 'gmv'])).toBe('q4, gmv');
    expect(displayValue([])).toBe('none');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(false)).toBe('false');
  });

  it('shortens long values', () => {
    const text = displayValue('x'.repeat(200));
    expect(text).toHaveLength(80);
    expect(text.endsWith('…')).toBe(true);
  });
});
