/**
 * Seller segments — tier, lifecycle and livestream adopter status — and the recompute that also
 * re-evaluates the opportunity rules. The module's public face for the server and the CLI.
 */
export { recomputeSellerMap, recomputeQuietly, recomputeSegments, getLastRecompute, LAST_RECOMPUTE_KEY, type RecomputeOptions, type RecomputeSummary } from './recompute.ts';
export { getTierThresholds, setTierThresholds, validateTierThresholds, DEFAULT_TIER_THRESHOLDS, TIERS, WINDOW_DAYS_RANGE, type Tier, type TierThresholds } from './tier-thresholds.ts';
export { LIFECYCLES, LIVE_STATUSES, SEGMENT_RULES, type Lifecycle, type LiveStatus } from './segment-definitions.ts';
