import { describe, expect, it } from 'vitest';
import { hasFilters, readFilters, toQuery, writeFilters } from './opportunity-filters';

describe('opportunity filters in the URL', () => {
  it('reads defaults from an empty or broken query', () => {
    expect(readFilters(new URLSearchParams('status=nope&page=-3'))).toEqual({ status: 'open', rule: null, subcategory: null, tier: null, owner: null, page: 1 });
  });

  it('round-trips filters, leaving defaults out of the URL', () => {
    const filters = { status: 'snoozed' as const, rule: 'gmv_declining', subcategory: null, tier: 'S', owner: 'none', page: 3 };
    const params = writeFilters(new URLSearchParams('other=kept'), filters);
    expect(params.toString()).toBe('other=kept&rule=gmv_declining&tier=S&owner=none&status=snoozed&page=3');
    expect(readFilters(params)).toEqual(filters);
    expect(writeFilters(params, { ...filters, status: 'open', page: 1, rule: null }).toString()).toBe('other=kept&tier=S&owner=none');
  });

  it('turns filters into the API query with paging', () => {
    const filters = readFilters(new URLSearchParams('tier=A&page=2'));
    expect(toQuery(filters)).toEqual({ status: 'open', tier: 'A', limit: 20, offset: 20 });
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(readFilters(new URLSearchParams('page=2')))).toBe(false);
  });
});
