// Checks the tier form before it is sent, with the same rules as the server (which checks again):
// a whole number of days in range, shares above 0 and below 100 with at most one decimal, and
// S < A < B because each share is cumulative.
import type { TierThresholds } from './segments-api';

export type TierProblems = Partial<Record<keyof TierThresholds, string>>;

export function tierProblems(t: TierThresholds, range: { min: number; max: number }): TierProblems {
  const problems: TierProblems = {};
  if (!Number.isInteger(t.windowDays) || t.windowDays < range.min || t.windowDays > range.max) {
    problems.windowDays = `A whole number of days from ${range.min} to ${range.max}.`;
  }
  for (const key of ['s', 'a', 'b'] as const) {
    const value = t[key];
    if (!Number.isFinite(value) || value <= 0 || value >= 100) problems[key] = 'A share above 0% and below 100%.';
    else if (Math.round(value * 10) !== value * 10) problems[key] = 'One decimal at most.';
  }
  if (!problems.a && !problems.s && t.a <= t.s) problems.a = `Must be more than tier S (${t.s}%).`;
  if (!problems.b && !problems.a && t.b <= t.a) problems.b = `Must be more than tier A (${t.a}%).`;
  return problems;
}

/** "S top 5% · A next 10% · B next 25% · C the other 60%" */
export function tierBands(t: TierThresholds): { tier: string; band: string }[] {
  const round = (n: number) => Math.round(n * 10) / 10;
  return [
    { tier: 'S', band: `top ${t.s}%` },
    { tier: 'A', band: `next ${round(t.a - t.s)}% (to top ${t.a}%)` },
    { tier: 'B', band: `next ${round(t.b - t.a)}% (to top ${t.b}%)` },
    { tier: 'C', band: `the other ${round(100 - t.b)}%, and sellers without sales` },
  ];
}
