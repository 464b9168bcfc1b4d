import { describe, expect, it } from 'vitest';
import { headerSignature } from './header-signature.ts';

describe('headerSignature', () => {
  it('is stable under case, punctuation, blanks and column order', () => {
    const a = headerSignature(['Order ID', 'Created Time', '', 'Quantity']);
    expect(headerSignature(['quantity', 'order_id', 'CREATED TIME'])).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes when a column is renamed or added', () => {
    const a = headerSignature(['Order ID', 'Quantity']);
    expect(headerSignature(['Order ID', 'Qty'])).not.toBe(a);
    expect(headerSignature(['Order ID', 'Quantity', 'Buyer'])).not.toBe(a);
  });
});
