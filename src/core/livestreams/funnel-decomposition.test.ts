import { describe, expect, it } from 'vitest';
import { decomposeFunnel, percentileBucket, type FactorInput } from './funnel-decomposition.ts';

const usd = (value: number) => `$${value.toFixed(0)}`;

// A session with GMV 100 = 10,000 impressions × 10% view rate × 2% CTR × 10% CTOR × $50 per order.
function session(overrides: Partial<Record<FactorInput['key'], Partial<FactorInput>>> = {}): FactorInput[] {
  const base: FactorInput[] = [
    { key: 'traffic', value: 10_000, median: 10_000, percentile: 0.5 },
    { key: 'view_rate', value: 0.1, median: 0.1, percentile: 0.5 },
    { key: 'ctr', value: 0.02, median: 0.05, percentile: 0.15 },
    { key: 'ctor', value: 0.1, median: 0.1, percentile: 0.5 },
    { key: 'aov', value: 50, median: 50, percentile: 0.5 },
  ];
  return base.map((f) => ({ ...f, ...overrides[f.key] }));
}

describe('funnel decomposition', () => {
  it('finds the step that lost the most money against the peer median, with what it would have made', () => {
    const result = decomposeFunnel(session(), usd);
    expect(result.weakest).toBe('ctr');
    const ctr = result.steps.find((s) => s.key === 'ctr');
    expect(ctr?.gmvAtMedian).toBeCloseTo(250, 9); // the same funnel with CTR 5%
    expect(ctr?.gain).toBeCloseTo(150, 9);
    expect(result.steps.filter((s) => s.key !== 'ctr').every((s) => Math.abs(s.gain ?? 1) < 1e-9)).toBe(true);
    expect(result.sentence).toBe(
      'Same traffic as peers, but CTR in the bottom 20%: pinning products earlier and showing them on camera is the usual fix. ' +
        'At the peer median CTR this session would have made about $150 more.',
    );
  });

  it('picks the biggest loss when several steps are below their medians', () => {
    // GMV 50: CTOR at half its median — fixing it doubles GMV (+50); CTR 2% → 2.5% adds a quarter (+12.5).
    const result = decomposeFunnel(
      session({ ctr: { median: 0.025, percentile: 0.3 }, ctor: { value: 0.05, median: 0.1, percentile: 0.1 } }),
      usd,
    );
    expect(result.weakest).toBe('ctor');
    expect(result.steps.find((s) => s.key === 'ctor')?.gain).toBeCloseTo(50, 9); // GMV 50 → 100
    expect(result.steps.find((s) => s.key === 'ctr')?.gain).toBeCloseTo(12.5, 9); // GMV 50 → 62.5
    expect(result.sentence).toMatch(/^Same traffic as peers, but CTOR in the bottom 10%: a live-only price/);
  });

  it('names low traffic as the problem when reach costs the most', () => {
    const result = decomposeFunnel(session({ traffic: { value: 2_000, percentile: 0.05 }, ctr: { median: 0.02, percentile: 0.5 } }), usd);
    expect(result.weakest).toBe('traffic');
    expect(result.sentence).toBe(
      'Fewer people were shown this session than its peers (bottom 10%): promoting the session beforehand (a short video, a LIVE notice) ' +
        'and going live at the subcategory’s busy hours is the usual fix. With the peer median traffic it would have made about $80 more.',
    );
  });

  it('says when every step is at or above the median, and names the strongest', () => {
    const result = decomposeFunnel(session({ ctr: { value: 0.06, percentile: 0.92 } }), usd);
    expect(result.weakest).toBeNull();
    expect(result.sentence).toBe('Every step of the funnel is at or above the peer median. Its biggest edge is CTR (top 10%).');
  });

  it('still judges a session that sold nothing: order value is taken at the peer median', () => {
    const result = decomposeFunnel(session({ ctor: { value: 0, percentile: 0 }, aov: { value: null, percentile: null } }), usd);
    expect(result.weakest).toBe('ctor');
    expect(result.steps.find((s) => s.key === 'ctor')?.gmvAtMedian).toBeCloseTo(100, 9);
    expect(result.steps.find((s) => s.key === 'aov')?.gain).toBeCloseTo(0, 9);
  });

  it('starts the funnel at views when impressions were not imported, and skips steps without peers', () => {
    const result = decomposeFunnel(
      session({ traffic: { value: null, median: null, percentile: null }, view_rate: { value: null, median: null, percentile: null }, aov: { median: null } }),
      usd,
      1_000,
    );
    expect(result.steps.find((s) => s.key === 'traffic')?.gain).toBeNull();
    expect(result.steps.find((s) => s.key === 'aov')?.gain).toBeNull();
    expect(result.weakest).toBe('ctr');
    expect(result.steps.find((s) => s.key === 'ctr')?.gain).toBeCloseTo(150, 9); // 1,000 views × 2% → 5% CTR × 10% × $50
    expect(result.sentence).toMatch(/^CTR in the bottom 20%: pinning products earlier.* about \$150 more\.$/);
  });

  it('says so when nothing can be compared', () => {
    const nothing = session({
      traffic: { median: null },
      view_rate: { median: null },
      ctr: { median: null },
      ctor: { median: null },
      aov: { median: null },
    });
    expect(decomposeFunnel(nothing, usd)).toMatchObject({ weakest: null, sentence: expect.stringMatching(/^Not enough comparable sessions/) });
  });

  it('words percentiles as the team does', () => {
    expect([0, 0.05, 0.1, 0.18, 0.42, 0.5, 0.75, 0.93, 1].map(percentileBucket)).toEqual([
      'bottom 10%',
      'bottom 10%',
      'bottom 10%',
      'bottom 20%',
      'bottom 50%',
      'top 50%',
      'top 30%',
      'top 10%',
      'top 10%',
    ]);
  });
});
