/**
 * The statistics behind a best-practices finding: the Mann–Whitney probability of superiority and
 * z-score from a rank sum, the two-proportion z, and the two separate judgements every finding
 * carries — its size (Cliff's delta or share points) and its evidence (|z|).
 */
/** |z| from which a difference is called strong / moderate. */
export const STRONG_Z = 2.5;
export const MODERATE_Z = 1.5;
export type Strength = 'strong' | 'moderate' | 'weak';
export type Size = 'negligible' | 'small' | 'medium' | 'large';

/** Cliff's delta thresholds (Romano et al.) for numeric findings. */
export const DELTA_THRESHOLDS = { small: 0.147, medium: 0.33, large: 0.474 } as const;
/** Gap thresholds in share points for start hours and tags. */
export const POINT_THRESHOLDS = { small: 0.05, medium: 0.15, large: 0.3 } as const;

export function sizeOf(effect: number, thresholds: { small: number; medium: number; large: number }): Size {
  const e = Math.abs(effect);
  if (e >= thresholds.large) return 'large';
  if (e >= thresholds.medium) return 'medium';
  return e >= thresholds.small ? 'small' : 'negligible';
}

export function strengthOf(z: number): Strength {
  const size = Math.abs(z);
  if (size >= STRONG_Z) return 'strong';
  return size >= MODERATE_Z ? 'moderate' : 'weak';
}

/** Mann–Whitney from the top group's rank sum: probability of superiority and z (no tie correction). */
export function mannWhitney(rankSumTop: number, nTop: number, nRest: number): { superiority: number; z: number } {
  if (nTop === 0 || nRest === 0) return { superiority: 0.5, z: 0 };
  const u = rankSumTop - (nTop * (nTop + 1)) / 2;
  const pairs = nTop * nRest;
  const sigma = Math.sqrt((pairs * (nTop + nRest + 1)) / 12);
  return { superiority: u / pairs, z: sigma === 0 ? 0 : (u - pairs / 2) / sigma };
}

/** Two-proportion z with the pooled share. */
export function twoProportionZ(hitTop: number, nTop: number, hitRest: number, nRest: number): number {
  if (nTop === 0 || nRest === 0) return 0;
  const pooled = (hitTop + hitRest) / (nTop + nRest);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nTop + 1 / nRest));
  return se === 0 ? 0 : (hitTop / nTop - hitRest / nRest) / se;
}
