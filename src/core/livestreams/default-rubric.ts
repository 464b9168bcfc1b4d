/**
 * The livestream review rubric a workspace starts with: seven criteria a category team actually
 * scores (see domain/TIKTOK-SHOP.md, "what reviewers look at"), each with a weight and a written
 * anchor for every level 1–5, so two reviewers give the same session the same score. Version 1 is
 * inserted only when the workspace has no rubric at all — an edited rubric is never overwritten.
 */
import type { Executor } from '../db/database.ts';
import { queryOne } from '../db/database.ts';
import { sql } from '../db/sql.ts';

export type RubricLevel = '1' | '2' | '3' | '4' | '5';

export interface RubricCriterion {
  key: string;
  label: string;
  /** Share of the overall score; the weights of a rubric sum to 1. */
  weight: number;
  anchors: Record<RubricLevel, string>;
}

export const DEFAULT_RUBRIC_CRITERIA: readonly RubricCriterion[] = [
  {
    key: 'host_delivery',
    label: 'Host delivery',
    weight: 0.2,
    anchors: {
      '1': 'Host is often off camera or silent; flat energy, unclear speech, cannot answer basic product questions.',
      '2': 'Host is present but reads from notes; low energy, pace drags, product knowledge is thin.',
      '3': 'Host is on camera the whole slot with steady energy and clear speech; knows the key product facts.',
      '4': 'Energetic, well-paced delivery; answers product questions confidently and keeps the room engaged.',
      '5': 'Natural, confident presence from start to end; expert product knowledge, sets the pace and holds attention.',
    },
  },
  {
    key: 'product_demonstration',
    label: 'Product demonstration',
    weight: 0.15,
    anchors: {
      '1': 'Products are only named or shown in packaging; no demonstration.',
      '2': 'Products are held up briefly; few close-ups, no use shown.',
      '3': 'Main products are shown in use with some close-ups of texture, size or material.',
      '4': 'Hands-on demos for most products, clear close-ups, comparisons of variants or sizes.',
      '5': 'Every featured product is demonstrated hands-on, with close-ups and before/after or real-use results.',
    },
  },
  {
    key: 'visual_audio',
    label: 'Visual & audio quality',
    weight: 0.1,
    anchors: {
      '1': 'Dark or blurry picture, stream drops or freezes, echo or noise makes the host hard to hear.',
      '2': 'Uneven lighting or poor framing; occasional stutters or background noise.',
      '3': 'Acceptable lighting and framing; stable stream, host clearly audible.',
      '4': 'Good lighting and framing, products well lit, clean audio throughout.',
      '5': 'Studio-quality lighting, framing and sound; product close-ups are sharp and the stream never drops.',
    },
  },
  {
    key: 'structure_script',
    label: 'Structure & script',
    weight: 0.15,
    anchors: {
      '1': 'No plan: no opening hook, products appear at random, long dead time.',
      '2': 'Weak opening; product order unclear; newcomers get no recap.',
      '3': 'A hook in the first minutes, a planned product rotation, occasional recaps.',
      '4': 'Strong hook in the first minute, clear product rotation with timed segments, regular recaps for newcomers.',
      '5': 'Tight run of show: immediate hook, rhythm of drops and recaps, every segment has a purpose and a close.',
    },
  },
  {
    key: 'offers_promotions',
    label: 'Offers & promotions',
    weight: 0.15,
    anchors: {
      '1': 'No offer, or prices are unclear or contradict the product page.',
      '2': 'An offer exists but is mentioned once and poorly explained.',
      '3': 'Clear prices with a discount or voucher explained at least once per product.',
      '4': 'Price anchoring against the usual price, time-limited deals and bundles announced clearly.',
      '5': 'Well-paced offers: anchored prices, countdowns, bundles and vouchers that build urgency without confusion.',
    },
  },
  {
    key: 'cta_interaction',
    label: 'Calls to action & interaction',
    weight: 0.15,
    anchors: {
      '1': 'Comments ignored; no product pinned; no call to buy, follow or share.',
      '2': 'A few comments answered late; products pinned inconsistently; rare calls to action.',
      '3': 'Most questions answered; the current product pinned; regular calls to buy.',
      '4': 'Comments answered by name, products pinned as discussed, prompts to follow and share.',
      '5': 'Constant two-way interaction: questions answered fast, polls or games, pinning, and calls to buy/follow/share timed to the drops.',
    },
  },
  {
    key: 'compliance',
    label: 'Compliance',
    weight: 0.1,
    anchors: {
      '1': 'Prohibited or medical claims (e.g. "cures acne"), misleading prices or restricted items shown.',
      '2': 'Exaggerated claims or unclear pricing that could mislead buyers.',
      '3': 'No prohibited claims; pricing accurate; minor wording to tidy up.',
      '4': 'Claims are factual and backed by product information; pricing and terms are accurate.',
      '5': 'Fully compliant: careful claim wording (especially for personal care), accurate prices, clear terms and disclaimers.',
    },
  },
];

export interface RubricRef {
  rubricId: number;
  version: number;
  /** True when this call created the default rubric. */
  created: boolean;
}

/** Inserts the default rubric as active version 1 when no rubric exists; returns the active one. */
export async function ensureDefaultRubric(executor: Executor, createdBy: string): Promise<RubricRef> {
  const inserted = await executor.run(sql`
    INSERT INTO rubrics (version, criteria, is_active, created_by)
    SELECT 1, CAST(${JSON.stringify(DEFAULT_RUBRIC_CRITERIA)} AS JSON), true, ${createdBy}
    WHERE NOT EXISTS (SELECT 1 FROM rubrics)`);
  const active = await queryOne<{ id: number; version: number }>(
    executor,
    sql`SELECT id, version FROM rubrics ORDER BY is_active DESC, version DESC LIMIT 1`,
  );
  return { rubricId: active.id, version: active.version, created: inserted > 0 };
}
