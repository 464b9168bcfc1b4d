import { describe, expect, it } from 'vitest';
import { parseMapOptions } from './parse-map-option.ts';

describe('parseMapOptions', () => {
  it('splits at the last equals sign and keeps empty targets as "ignore"', () => {
    expect(parseMapOptions(['Order No=order_id', 'A=B=amount', 'Notes='])).toEqual({
      'Order No': 'order_id',
      'A=B': 'amount',
      Notes: '',
    });
  });

  it('refuses a value without a source header, and a header named twice', () => {
    expect(() => parseMapOptions(['order_id'])).toThrow(/Source header=field/);
    expect(() => parseMapOptions(['=order_id'])).toThrow(/Source header=field/);
    expect(() => parseMapOptions(['X=a', 'X=b'])).toThrow(/twice/);
  });
});
