/**
 * The planted stories: patterns the demo puts in the data on purpose so that later features
 * (alerts, seller opportunities, host benchmarks) have something real to find, and tests can
 * check that they do. This module owns both sides — the SQL multipliers that plant them and the
 * description saved under `settings['demo.stories']` — so the record can never drift from the data.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { addDays } from '../shared/dates.ts';
import { lit } from './demo-random.sql.ts';
import type { DemoPlan } from './demo-plan.ts';
import { DIP_SUBCATEGORY } from './taxonomy.ts';
import { STORY_HOST_NAME } from './word-lists.ts';

interface StoryBase {
  title: string;
  description: string;
  /** First and last day the pattern is visible (inclusive). */
  from: string;
  to: string;
}

export type PlantedStory =
  | (StoryBase & {
      kind: 'seller_collapse';
      sellerId: string;
      sellerName: string;
      tier: string;
      change: number;
    })
  | (StoryBase & { kind: 'subcategory_dip'; subcategoryId: string; change: number })
  | (StoryBase & { kind: 'big_seller_never_live'; sellerId: string; sellerName: string; tier: string })
  | (StoryBase & {
      kind: 'host_improving';
      host: string;
      sellerId: string;
      sellerName: string;
      weeks: number;
    });

export const COLLAPSE_FLOOR = 0.3;
export const DIP_FACTOR = 0.7;
/** The improving host's skill multiplier: from START to END over the story's weeks. */
export const HOST_SKILL_START = 0.55;
export const HOST_SKILL_END = 1.6;

/** A day index no day reaches, for stories that were not planted. */
function dayOrNever(plan: DemoPlan, day: number | null): Sql {
  return lit(day ?? plan.days + 1_000_000);
}

/** Multiplier on a seller-day's order volume and live audience (`s` = demo_sellers, `d` = demo_days). */
export function storyVolumeFactor(plan: DemoPlan): Sql {
  const collapseFrom = dayOrNever(plan, plan.stories.collapseFrom);
  const dipFrom = dayOrNever(plan, plan.stories.dipFrom);
  return sql`(CASE WHEN s.story = 'collapse' AND d.day_idx >= ${collapseFrom}
        THEN greatest(${lit(COLLAPSE_FLOOR)}, 1 - 0.35 * (d.day_idx - ${collapseFrom} + 1)) ELSE 1 END
      * CASE WHEN s.sub_id = ${DIP_SUBCATEGORY} AND d.day_idx >= ${dipFrom} THEN ${lit(DIP_FACTOR)} ELSE 1 END)`;
}

/** Multiplier on how often a seller goes live: the collapsing seller also stops streaming. */
export function storyLiveFactor(plan: DemoPlan): Sql {
  const collapseFrom = dayOrNever(plan, plan.stories.collapseFrom);
  return sql`(CASE WHEN s.story = 'collapse' AND d.day_idx >= ${collapseFrom} THEN 0.4 ELSE 1 END)`;
}

/** Skill of the story host on a day: flat before the story, then a fixed step up every week. */
export function storyHostSkill(plan: DemoPlan, dayIdx: Sql): Sql {
  const from = dayOrNever(plan, plan.stories.hostFrom);
  const weeklyGrowth = Math.log(HOST_SKILL_END / HOST_SKILL_START) / Math.max(1, plan.stories.hostWeeks - 1);
  return sql`(${lit(HOST_SKILL_START)} * exp(${lit(weeklyGrowth)} * greatest(0, (${dayIdx} - ${from}) // 7)))`;
}

interface StorySeller {
  story: string;
  id: string;
  name: string;
  tier: string;
}

/** Reads the planted sellers back and describes every story that fits the dataset's size. */
export async function describeStories(tx: Executor, plan: DemoPlan): Promise<PlantedStory[]> {
  const rows = await tx.query<StorySeller>(sql`
    SELECT d.story, s.id, s.name, s.tier FROM demo_sellers d JOIN sellers s ON s.id = d.id
    WHERE d.story IS NOT NULL ORDER BY d.story`);
  const seller = (story: string): StorySeller | undefined => rows.find((row) => row.story === story);
  const day = (index: number): string => addDays(plan.from, index);
  const stories: PlantedStory[] = [];
  const collapse = seller('collapse');
  if (collapse && plan.stories.collapseFrom !== null) {
    stories.push({
      kind: 'seller_collapse',
      title: `${collapse.name}: GMV down 70% in the last 3 weeks`,
      description: `Tier ${collapse.tier} seller ${collapse.name} (${collapse.id}) lost about 70% of its daily GMV from ${day(plan.stories.collapseFrom)} and streams far less.`,
      sellerId: collapse.id,
      sellerName: collapse.name,
      tier: collapse.tier,
      change: COLLAPSE_FLOOR - 1,
      from: day(plan.stories.collapseFrom),
      to: plan.to,
    });
  }
  if (plan.stories.dipFrom !== null) {
    stories.push({
      kind: 'subcategory_dip',
      title: 'Home Decor down 30% in the last 2 weeks',
      description: `Sellers in ${DIP_SUBCATEGORY} sell about 30% less from ${day(plan.stories.dipFrom)} while the other subcategories hold.`,
      subcategoryId: DIP_SUBCATEGORY,
      change: DIP_FACTOR - 1,
      from: day(plan.stories.dipFrom),
      to: plan.to,
    });
  }
  const neverLive = seller('never_live');
  if (neverLive) {
    stories.push({
      kind: 'big_seller_never_live',
      title: `${neverLive.name} is a top-5% seller that never goes live`,
      description: `Tier ${neverLive.tier} brand ${neverLive.name} (${neverLive.id}) ranks in the top 5% by GMV but has not held a single livestream.`,
      sellerId: neverLive.id,
      sellerName: neverLive.name,
      tier: neverLive.tier,
      from: plan.from,
      to: plan.to,
    });
  }
  const host = seller('host');
  if (host && plan.stories.hostFrom !== null) {
    stories.push({
      kind: 'host_improving',
      title: `Host ${STORY_HOST_NAME} improves week after week`,
      description: `${STORY_HOST_NAME}, host of ${host.name} (${host.id}), raises CTR, engagement and GPM every week for ${plan.stories.hostWeeks} weeks from ${day(plan.stories.hostFrom)}.`,
      host: STORY_HOST_NAME,
      sellerId: host.id,
      sellerName: host.name,
      weeks: plan.stories.hostWeeks,
      from: day(plan.stories.hostFrom),
      to: plan.to,
    });
  }
  return stories;
}
