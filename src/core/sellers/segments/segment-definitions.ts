/**
 * What each lifecycle state and livestream adopter status means, in days and weeks counted back
 * from the latest day with data (D). The recompute applies them in this order, first match wins:
 *
 * Lifecycle (activity = a day with GMV or a livestream; `sellers.first_seen`/`last_seen`):
 * - churned:   last activity 60 or more days before D.
 * - dormant:   last activity 30–59 days before D, or no activity recorded at all.
 * - new:       first activity within the last 30 days.
 * - growing:   GMV of the last 4 weeks (28 days) at least 20% above the 4 weeks before, or sales
 *              after 4 weeks without any.
 * - declining: GMV of the last 4 weeks at least 20% below the 4 weeks before.
 * - steady:    otherwise.
 *
 * Livestream adopter status:
 * - never:      no livestream up to D.
 * - lapsed:     livestreams before, none in the last 30 days.
 * - regular:    a livestream in at least 4 of the last 8 weeks (rolling 7-day blocks).
 * - occasional: otherwise (live in the last 30 days, in fewer than 4 of the last 8 weeks).
 */
export const LIFECYCLES = ['new', 'growing', 'steady', 'declining', 'dormant', 'churned'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const LIVE_STATUSES = ['never', 'lapsed', 'occasional', 'regular'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export const SEGMENT_RULES = {
  churnedAfterDays: 60,
  dormantAfterDays: 30,
  newWithinDays: 30,
  trendDays: 28,
  trendChange: 0.2,
  liveLapsedAfterDays: 30,
  liveWeeks: 8,
  liveRegularWeeks: 4,
} as const;
