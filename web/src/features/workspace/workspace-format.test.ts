import { describe, expect, it } from 'vitest';
import { addDays, dueText } from './workspace-format';

describe('due texts', () => {
  it('says how late or when, from the server’s due state', () => {
    expect(dueText('2026-03-08', 'overdue', '2026-03-10')).toBe('Overdue 2 days');
    expect(dueText('2026-03-09', 'overdue', '2026-03-10')).toBe('Overdue 1 day');
    expect(dueText('2026-03-10', 'today', '2026-03-10')).toBe('Due today');
    expect(dueText('2026-03-11', 'soon', '2026-03-10')).toBe('Due tomorrow');
    expect(dueText('2026-03-20', 'later', '2026-03-10')).toBe('Due 2026-03-20');
    expect(dueText(null, 'none', '2026-03-10')).toBe('No due date');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
