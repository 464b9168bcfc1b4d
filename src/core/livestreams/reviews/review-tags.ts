/**
 * The tags a reviewer can put on a session, declared once: best practices (what made the session
 * work), issues (what held it back) and workflow tags (what should happen with the review). The
 * best-practices analysis compares how often top- and bottom-quartile sessions carry each tag, so
 * tags are a closed list — free text belongs in the notes. The demo's older tags `best_practice`,
 * `coaching_needed` and `follow_up` are the workflow tags, so every stored review stays valid.
 */
import { UserError } from '../../shared/errors.ts';

export type ReviewTagKind = 'best_practice' | 'issue' | 'workflow';

export interface ReviewTag {
  key: string;
  label: string;
  kind: ReviewTagKind;
  /** The rubric criterion the tag is mostly about, when there is one. */
  criterion: string | null;
  description: string;
}

export const REVIEW_TAGS: readonly ReviewTag[] = [
  { key: 'strong_hook', label: 'Strong hook', kind: 'best_practice', criterion: 'structure_script', description: 'A reason to stay within the first minute' },
  { key: 'hands_on_demo', label: 'Hands-on demo', kind: 'best_practice', criterion: 'product_demonstration', description: 'Products shown in use, with close-ups' },
  { key: 'pinned_products_early', label: 'Pinned products early', kind: 'best_practice', criterion: 'cta_interaction', description: 'The product on camera is pinned as soon as it is introduced' },
  { key: 'price_anchoring', label: 'Price anchoring', kind: 'best_practice', criterion: 'offers_promotions', description: 'The live price is set against the usual price' },
  { key: 'limited_time_offer', label: 'Limited-time offer', kind: 'best_practice', criterion: 'offers_promotions', description: 'Countdowns, flash deals or live-only vouchers' },
  { key: 'answers_comments', label: 'Answers comments', kind: 'best_practice', criterion: 'cta_interaction', description: 'Questions answered quickly, by name' },
  { key: 'recap_for_newcomers', label: 'Recap for newcomers', kind: 'best_practice', criterion: 'structure_script', description: 'Regular recaps of the offer for people who just joined' },
  { key: 'clear_call_to_action', label: 'Clear call to action', kind: 'best_practice', criterion: 'cta_interaction', description: 'Explicit prompts to buy, follow and share' },
  { key: 'good_lighting', label: 'Good lighting & sound', kind: 'best_practice', criterion: 'visual_audio', description: 'Products well lit, clean audio' },
  { key: 'energetic_host', label: 'Energetic host', kind: 'best_practice', criterion: 'host_delivery', description: 'Confident, well-paced delivery that holds attention' },
  { key: 'weak_opening', label: 'Weak opening', kind: 'issue', criterion: 'structure_script', description: 'No hook; the first minutes lose viewers' },
  { key: 'dead_air', label: 'Dead air', kind: 'issue', criterion: 'structure_script', description: 'Long stretches with nothing happening' },
  { key: 'off_camera', label: 'Host off camera', kind: 'issue', criterion: 'host_delivery', description: 'The host leaves the frame or the stream shows an empty set' },
  { key: 'poor_lighting', label: 'Poor lighting', kind: 'issue', criterion: 'visual_audio', description: 'Dark or uneven picture; products hard to see' },
  { key: 'poor_audio', label: 'Poor audio', kind: 'issue', criterion: 'visual_audio', description: 'Echo, noise or a host who is hard to hear' },
  { key: 'no_demo', label: 'No demonstration', kind: 'issue', criterion: 'product_demonstration', description: 'Products only named or held up' },
  { key: 'no_call_to_action', label: 'No call to action', kind: 'issue', criterion: 'cta_interaction', description: 'Never asks viewers to buy, follow or share' },
  { key: 'ignored_comments', label: 'Ignored comments', kind: 'issue', criterion: 'cta_interaction', description: 'Questions in the chat go unanswered' },
  { key: 'unclear_pricing', label: 'Unclear pricing', kind: 'issue', criterion: 'offers_promotions', description: 'Prices or vouchers unclear or contradicting the product page' },
  { key: 'prohibited_claims', label: 'Prohibited claims', kind: 'issue', criterion: 'compliance', description: 'Medical or exaggerated claims, restricted items' },
  { key: 'best_practice', label: 'Share as example', kind: 'workflow', criterion: null, description: 'A session to show others as a good example' },
  { key: 'coaching_needed', label: 'Coaching needed', kind: 'workflow', criterion: null, description: 'The seller or host needs a coaching session' },
  { key: 'follow_up', label: 'Follow up', kind: 'workflow', criterion: null, description: 'Something to raise with the seller' },
];

export const REVIEW_TAG_KEYS: readonly string[] = REVIEW_TAGS.map((t) => t.key);
export const MAX_TAGS = 12;

export function reviewTag(key: string): ReviewTag | undefined {
  return REVIEW_TAGS.find((t) => t.key === key);
}

/** Unknown tags are refused (naming the valid ones); duplicates are dropped; order is the catalog's. */
export function validateTags(tags: readonly string[]): string[] {
  const unknown = tags.filter((t) => !REVIEW_TAG_KEYS.includes(t));
  if (unknown.length > 0) {
    throw new UserError(`unknown review tag${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      hint: `use tags from the catalog: ${REVIEW_TAG_KEYS.join(', ')}`,
      details: { field: 'tags', value: unknown.join(',') },
    });
  }
  const set = new Set(tags);
  if (set.size > MAX_TAGS) throw new UserError(`a review can carry at most ${MAX_TAGS} tags`, { hint: 'keep the tags that matter most', details: { field: 'tags' } });
  return REVIEW_TAG_KEYS.filter((k) => set.has(k));
}
