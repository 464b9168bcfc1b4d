import { describe, expect, it } from 'vitest';
import { judgeAnomaly, robustSigma, scoreOf, type BaselineStats, type JudgeRules } from './robust-score.ts';

const RULES: JudgeRules = { minPoints: 4, minBaseline: 0, minChange: 0.15, relativeChange: true, scaleFloor: 0.02, minImpact: 0, goodDirection: 'up', reportGoodNews: true };

/** Baseline statistics of a hand-built series, worked out here in plain JS (DuckDB does it in production). */
function statsOf(observed: number, baseline: number[]): BaselineStats {
  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  };
  const m = median(baseline);
  const scores = baseline.map((v) => scoreOf(v, false, m));
  const center = median(scores);
  return {
    observed,
    median: m,
    points: baseline.length,
    score: {
      observed: scoreOf(observed, false, m),
      median: center,
      mad: median(scores.map((s) => Math.abs(s - center))),
      meanAbsDev: scores.reduce((sum, s) => sum + Math.abs(s - center), 0) / scores.length,
    },
  };
}

const usual = [1000, 980, 1030, 1010, 960, 1040, 995, 1020];

describe('judgeAnomaly', () => {
  it('finds a planted drop and grades it by |z|', () => {
    expect(judgeAnomaly(statsOf(700, usual), RULES)).toMatchObject({ direction: 'down', severity: 'critical' });
    const mild = judgeAnomaly(statsOf(780, [1000, 950, 1060, 1010, 930, 1080, 990, 1030]), RULES);
    expect(mild).toMatchObject({ direction: 'down', severity: 'warning' });
    expect(Math.abs(mild?.z ?? 0)).toBeGreaterThanOrEqual(3.5);
    expect(Math.abs(mild?.z ?? 0)).toBeLessThan(5);
  });

  it('stays quiet on an ordinary value and on a small change of a very steady series', () => {
    expect(judgeAnomaly(statsOf(1015, usual), RULES)).toBeNull();
    expect(judgeAnomaly(statsOf(1100, [1000, 1001, 999, 1000, 1000, 1002, 998, 1000]), RULES)).toBeNull(); // +10% < 15% minimum
  });

  it('handles MAD = 0: the mean absolute deviation, then the floor, never ±∞', () => {
    const flatButOne = statsOf(500, [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1100]);
    expect(flatButOne.score.mad).toBe(0);
    expect(robustSigma(flatButOne.score, 0)).toBeCloseTo(1.2533 * (flatButOne.score.meanAbsDev ?? 0), 6);
    const flat = statsOf(500, Array(8).fill(1000));
    expect(robustSigma(flat.score, 0.02)).toBe(0.02);
    const judged = judgeAnomaly(flat, RULES);
    expect(judged?.severity).toBe('critical');
    expect(Number.isFinite(judged?.z)).toBe(true);
    expect(judgeAnomaly(flat, { ...RULES, scaleFloor: 0 })).toBeNull(); // no spread at all and no floor: not judged
  });

  it('reports good news as info only when it is strong, and never when told not to', () => {
    expect(judgeAnomaly(statsOf(1600, usual), RULES)).toMatchObject({ direction: 'up', severity: 'info' });
    expect(judgeAnomaly(statsOf(1600, usual), { ...RULES, reportGoodNews: false })).toBeNull();
    expect(judgeAnomaly(statsOf(1600, usual), { ...RULES, goodDirection: 'down' })).toMatchObject({ severity: 'critical' });
  });

  it('leaves out a move too small for the whole category when an impact share is set', () => {
    const stats = { ...statsOf(700, usual), categoryLevel: 100_000 };
    expect(judgeAnomaly(stats, { ...RULES, minImpact: 0.005 })).toBeNull(); // −300 is 0.3% of the category
    expect(judgeAnomaly({ ...stats, categoryLevel: 20_000 }, { ...RULES, minImpact: 0.005 })?.severity).toBe('critical');
  });

  it('does not judge a short or too small baseline', () => {
    expect(judgeAnomaly(statsOf(300, [1000, 1000, 1000]), RULES)).toBeNull();
    expect(judgeAnomaly(statsOf(3, [10, 11, 9, 10, 12]), { ...RULES, minBaseline: 20 })).toBeNull();
    expect(judgeAnomaly(statsOf(5, [0, 0, 0, 0, 0]), RULES)).toBeNull();
  });
});
