/**
 * Turns the user's demo options into one checked plan: the date range, the chunks of days order
 * lines are generated in (so 100,000 sellers × a year never sit in memory at once), and the day
 * windows of the planted stories. Every later step reads the plan, so a window is decided once.
 */
import { addDays, isIsoDate } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { priceScaleFor, type PriceScale } from './currency-prices.ts';

export interface DemoOptions {
  sellers: number;
  days: number;
  seed: number;
  /** Last day included, `YYYY-MM-DD` in the workspace time zone. */
  end: string;
  /**
   * Days per chunk of order lines; by default sized for about 3 million lines. The data never
   * depends on it (tests check that); only memory and commits do.
   */
  chunkDays?: number;
}

export interface DayChunk {
  fromDay: number;
  toDay: number;
  from: string;
  to: string;
}

/** Day indexes (0 = first day) where each story starts, or null when the dataset is too small. */
export interface StoryWindows {
  collapseFrom: number | null;
  dipFrom: number | null;
  hostFrom: number | null;
  hostWeeks: number;
  neverLive: boolean;
}

export interface DemoPlan extends DemoOptions {
  from: string;
  to: string;
  timezone: string;
  currency: string;
  price: PriceScale;
  chunks: DayChunk[];
  stories: StoryWindows;
  /** First day index that gets per-minute livestream curves. */
  minutesFromDay: number;
  buyerPool: number;
}

/** Order lines per chunk stay around this many, whatever the size asked for. */
const LINES_PER_CHUNK = 3_000_000;
/** Rough order lines per seller and day, used only to size chunks. */
const LINES_PER_SELLER_DAY = 5;
/** Stories name sellers by rank; below this many sellers they would collide. */
export const MIN_SELLERS_FOR_STORIES = 20;
export const MINUTE_CURVE_DAYS = 14;

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError(
      `${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}; got ${value}`,
      {
        hint: `pass ${name} between ${min} and ${max}`,
      },
    );
  }
  return value;
}

export function validateDemoOptions(options: DemoOptions): DemoOptions {
  const sellers = checkInteger('sellers', options.sellers, 1, 1_000_000);
  const days = checkInteger('days', options.days, 1, 3660);
  const seed = checkInteger('seed', options.seed, 0, 2_147_483_647);
  if (typeof options.end !== 'string' || !isIsoDate(options.end)) {
    throw new UserError(
      `end must be a calendar date written YYYY-MM-DD; got ${JSON.stringify(options.end)}`,
      {
        hint: 'pass --end like 2026-11-23',
      },
    );
  }
  if (options.end < '2000-01-01' || options.end > '2100-12-31') {
    throw new UserError(`end ${options.end} is out of range`, {
      hint: 'use an end date between 2000 and 2100',
    });
  }
  if (options.chunkDays === undefined) return { sellers, days, seed, end: options.end };
  return {
    sellers,
    days,
    seed,
    end: options.end,
    chunkDays: checkInteger('chunkDays', options.chunkDays, 1, 3660),
  };
}

function planChunks(sellers: number, days: number, from: string, chunkDays?: number): DayChunk[] {
  const perChunk =
    chunkDays ?? Math.max(1, Math.min(days, Math.floor(LINES_PER_CHUNK / (sellers * LINES_PER_SELLER_DAY))));
  const chunks: DayChunk[] = [];
  for (let fromDay = 0; fromDay < days; fromDay += perChunk) {
    const toDay = Math.min(days - 1, fromDay + perChunk - 1);
    chunks.push({ fromDay, toDay, from: addDays(from, fromDay), to: addDays(from, toDay) });
  }
  return chunks;
}

function planStories(sellers: number, days: number): StoryWindows {
  const enoughSellers = sellers >= MIN_SELLERS_FOR_STORIES;
  const hostWeeks = Math.min(8, Math.floor(days / 7));
  return {
    collapseFrom: enoughSellers && days >= 42 ? days - 21 : null,
    dipFrom: days >= 28 ? days - 14 : null,
    hostFrom: enoughSellers && hostWeeks >= 4 ? days - 7 * hostWeeks : null,
    hostWeeks,
    neverLive: enoughSellers,
  };
}

export function planDemo(options: DemoOptions, settings: { timezone: string; currency: string }): DemoPlan {
  const checked = validateDemoOptions(options);
  const from = addDays(checked.end, -(checked.days - 1));
  return {
    ...checked,
    from,
    to: checked.end,
    timezone: settings.timezone,
    currency: settings.currency,
    price: priceScaleFor(settings.currency),
    chunks: planChunks(checked.sellers, checked.days, from, checked.chunkDays),
    stories: planStories(checked.sellers, checked.days),
    minutesFromDay: Math.max(0, checked.days - MINUTE_CURVE_DAYS),
    buyerPool: Math.max(500, Math.round(checked.sellers * checked.days * 1.5)),
  };
}
