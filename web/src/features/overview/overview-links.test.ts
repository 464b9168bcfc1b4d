import { describe, expect, it } from 'vitest';
import { dayHref, kpiHref, sellerHref, subcategoryHref } from './overview-links';

const range = { from: '2026-11-17', to: '2026-11-23' };

describe('overview links', () => {
  it('opens sellers for seller figures and livestreams for live figures, with the period', () => {
    expect(kpiHref('gmv', range)).toBe('/sellers?from=2026-11-17&to=2026-11-23&sort=gmv');
    expect(kpiHref('orders', range)).toBe('/sellers?from=2026-11-17&to=2026-11-23&sort=orders');
    expect(kpiHref('seller_adoption_rate', range)).toBe(
      '/sellers?from=2026-11-17&to=2026-11-23&sort=live_sessions',
    );
    expect(kpiHref('live_sessions', range)).toBe('/livestreams?from=2026-11-17&to=2026-11-23');
    expect(kpiHref('gpm', range)).toBe('/livestreams?from=2026-11-17&to=2026-11-23&sort=gpm');
  });

  it('falls back to sellers by GMV for a metric it does not know, and leaves out a missing period', () => {
    expect(kpiHref('new_metric', null)).toBe('/sellers?sort=gmv');
  });

  it('carries the subcategory of a breakdown row', () => {
    expect(subcategoryHref('skin_care', 'orders', range)).toBe(
      '/sellers?subcategory=skin_care&from=2026-11-17&to=2026-11-23&sort=orders',
    );
    expect(subcategoryHref('home & living', 'live_sessions', range)).toBe(
      '/livestreams?subcategory=home+%26+living&from=2026-11-17&to=2026-11-23',
    );
  });

  it('opens a seller by id (escaped) and a day of the trend', () => {
    expect(sellerHref('73013703562', range)).toBe('/sellers/73013703562?from=2026-11-17&to=2026-11-23');
    expect(sellerHref('a/b', null)).toBe('/sellers/a%2Fb');
    expect(dayHref('2026-11-20')).toBe('/sellers?from=2026-11-20&to=2026-11-20&sort=gmv');
  });
});
