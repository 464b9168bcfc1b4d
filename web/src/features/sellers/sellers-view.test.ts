import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_SELLERS_VIEW,
  readSellersView,
  sellersApiQuery,
  sellersViewParams,
  stateFromView,
  viewFromState,
} from './sellers-view';

describe('the Sellers grid view in the URL', () => {
  it('reads an Overview link as a custom period with its subcategory and sort', () => {
    const view = readSellersView(
      new URLSearchParams('subcategory=kitchen&from=2026-11-01&to=2026-11-23&sort=gmv'),
    );
    expect(view).toEqual({
      ...DEFAULT_SELLERS_VIEW,
      period: 'custom',
      from: '2026-11-01',
      to: '2026-11-23',
      subcategory: ['kitchen'],
    });
    expect(sellersApiQuery(view, { page: 2, pageSize: 100 })).toBe(
      'from=2026-11-01&to=2026-11-23&compare=previous&subcategory=kitchen&sort=gmv&dir=desc&page=2&pageSize=100',
    );
  });

  it('falls back to defaults for anything it does not know', () => {
    expect(
      readSellersView(
        new URLSearchParams(
          'period=fortnight&sort=buyers&dir=up&not_contacted=-4&from=2026-02-30&to=2026-03-01',
        ),
      ),
    ).toEqual(DEFAULT_SELLERS_VIEW);
  });

  it('writes only what differs from the default, and reads back the same view', () => {
    const view = {
      ...DEFAULT_SELLERS_VIEW,
      period: 'month' as const,
      q: ' glow ',
      tier: ['S', 'A'],
      owner: ['me'],
      not_contacted: 30,
      sort: 'live_gmv_share' as const,
      dir: 'asc' as const,
    };
    const params = sellersViewParams(view);
    expect(params.toString()).toBe(
      'period=month&q=glow&tier=S%2CA&owner=me&not_contacted=30&sort=live_gmv_share&dir=asc',
    );
    expect(readSellersView(params)).toEqual({ ...view, q: 'glow' });
    expect(sellersApiQuery(view)).toBe(
      'period=month&compare=previous&q=glow&tier=S%2CA&owner=me&not_contacted_days=30&sort=live_gmv_share&dir=asc',
    );
    expect(activeFilterCount(view)).toBe(4);
    expect(sellersViewParams(DEFAULT_SELLERS_VIEW).toString()).toBe('');
  });

  it('stores a saved view as its URL parameters and restores it', () => {
    const view = {
      ...DEFAULT_SELLERS_VIEW,
      lifecycle: ['declining'],
      live_status: ['never', 'lapsed'],
      compare: 'last_year' as const,
    };
    expect(stateFromView(view)).toEqual({
      compare: 'last_year',
      lifecycle: 'declining',
      live_status: 'never,lapsed',
    });
    expect(viewFromState(stateFromView(view))).toEqual(view);
    expect(viewFromState({ sort: 12, lifecycle: ['x'] })).toEqual(DEFAULT_SELLERS_VIEW);
  });
});
