import { describe, expect, it } from 'vitest';
import { formatPlainNumber } from './plain-number.ts';

describe('formatPlainNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [123.45, '123.45'],
    [11674555.880000001, '11674555.88'],
    [0.30000000000000004, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [-2.5e25, '-25000000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [1e-7, '0.0000001'],
    [123456789012345680000, '123456789012345680000'],
  ])('%s → %s', (value, text) => {
    expect(formatPlainNumber(value)).toBe(text);
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatPlainNumber(Number.NaN)).toThrow(RangeError);
  });
});
