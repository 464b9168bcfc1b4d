/**
 * Which step of a session's funnel lost the most money against its peers. GMV is the product
 * impressions × view rate × CTR × CTOR × order value, so for each step the question "what if this
 * step alone had been at the peer median?" has an exact answer: the session's own product with
 * that one factor swapped for the median. The step whose swap adds the most GMV is the one to fix,
 * and the sentence says so in the team's words ("same traffic as peers, but CTR in the bottom 20%:
 * pinning products earlier is the usual fix").
 *
 * Guards: a factor the session has no value for (no orders → no order value) is taken at the peer
 * median, so a session that sold nothing still gets a counterfactual; without impressions the
 * funnel starts at views and traffic is not judged; a step whose peers have no median is skipped.
 */
import { FUNNEL_FACTORS, type FunnelFactorKey } from './session-metrics.ts';

export interface FactorInput {
  key: FunnelFactorKey;
  value: number | null;
  median: number | null;
  percentile: number | null;
}

export interface DecompositionStep {
  key: FunnelFactorKey;
  label: string;
  metric: string;
  value: number | null;
  peerMedian: number | null;
  percentile: number | null;
  /** GMV the session would have made with this step alone at the peer median. */
  gmvAtMedian: number | null;
  /** gmvAtMedian − the session's GMV: positive when the step cost money. */
  gain: number | null;
}

export interface Decomposition {
  steps: DecompositionStep[];
  /** The step that lost the most money, null when none lost any. */
  weakest: FunnelFactorKey | null;
  sentence: string;
}

/** `0.18` → `bottom 20%`, `0.93` → `top 10%`. */
export function percentileBucket(percentile: number): string {
  if (percentile < 0.5) return `bottom ${Math.max(10, Math.ceil(percentile * 10 - 1e-9) * 10)}%`;
  return `top ${Math.max(10, Math.ceil((1 - percentile) * 10 - 1e-9) * 10)}%`;
}

function trafficPhrase(percentile: number | null): string {
  if (percentile === null) return '';
  if (percentile < 0.35) return `Less traffic than peers (${percentileBucket(percentile)})`;
  if (percentile > 0.65) return `More traffic than peers (${percentileBucket(percentile)})`;
  return 'Same traffic as peers';
}

const nounOf = (key: FunnelFactorKey) => FUNNEL_FACTORS.find((f) => f.key === key)?.noun ?? key;

/**
 * `views` is the funnel's start when impressions were not imported (the traffic and view-rate
 * steps are then not judged).
 */
export function decomposeFunnel(inputs: FactorInput[], formatMoney: (value: number) => string, views: number | null = null): Decomposition {
  const byKey = new Map(inputs.map((f) => [f.key, f]));
  const hasImpressions = byKey.get('traffic')?.value != null;
  const chain = FUNNEL_FACTORS.filter((f) => hasImpressions || (f.key !== 'traffic' && f.key !== 'view_rate'));
  const start = hasImpressions ? 1 : views;
  const effective = chain.map((f) => {
    const input = byKey.get(f.key);
    return input?.value ?? input?.median ?? null;
  });
  const modelled =
    start !== null && effective.every((v) => v !== null) ? effective.reduce<number>((product, v) => product * (v ?? 0), start) : null;

  const steps: DecompositionStep[] = FUNNEL_FACTORS.map((f) => {
    const input = byKey.get(f.key);
    const index = chain.findIndex((c) => c.key === f.key);
    const median = input?.median ?? null;
    let gmvAtMedian: number | null = null;
    if (index >= 0 && median !== null && modelled !== null) {
      gmvAtMedian = effective.reduce<number>((product, v, i) => product * (i === index ? median : (v ?? 0)), start ?? 0);
    }
    return {
      key: f.key,
      label: f.label,
      metric: f.metric,
      value: input?.value ?? null,
      peerMedian: median,
      percentile: input?.percentile ?? null,
      gmvAtMedian,
      gain: gmvAtMedian === null || modelled === null ? null : gmvAtMedian - modelled,
    };
  });

  const losing = steps.filter((s) => s.gain !== null && s.gain > 0.005).sort((a, b) => (b.gain ?? 0) - (a.gain ?? 0));
  const weakest = losing[0] ?? null;
  return { steps, weakest: weakest?.key ?? null, sentence: sentence(steps, weakest, formatMoney) };
}

function sentence(steps: DecompositionStep[], weakest: DecompositionStep | null, formatMoney: (value: number) => string): string {
  const judged = steps.filter((s) => s.gain !== null);
  if (judged.length === 0) return 'Not enough comparable sessions to say which step of the funnel held this session back.';
  if (!weakest) {
    const strongest = judged
      .filter((s) => s.percentile !== null)
      .sort((a, b) => (b.percentile ?? 0) - (a.percentile ?? 0))[0];
    const edge = strongest?.percentile != null ? ` Its biggest edge is ${nounOf(strongest.key)} (${percentileBucket(strongest.percentile)}).` : '';
    return `Every step of the funnel is at or above the peer median.${edge}`;
  }
  const fix = FUNNEL_FACTORS.find((f) => f.key === weakest.key)?.fix ?? '';
  const more = formatMoney(weakest.gain ?? 0);
  const where = weakest.percentile !== null ? ` (${percentileBucket(weakest.percentile)})` : '';
  if (weakest.key === 'traffic') {
    return `Fewer people were shown this session than its peers${where}: ${fix}. With the peer median traffic it would have made about ${more} more.`;
  }
  const trafficStep = steps.find((s) => s.key === 'traffic');
  const lead = trafficPhrase(trafficStep?.gain != null ? trafficStep.percentile : null);
  const noun = nounOf(weakest.key);
  const step = weakest.percentile !== null ? `${noun} in the ${percentileBucket(weakest.percentile)}` : `${noun} below the peer median`;
  const opening = lead ? `${lead}, but ${step}` : `${step.charAt(0).toUpperCase()}${step.slice(1)}`;
  return `${opening}: ${fix}. At the peer median ${nounOf(weakest.key)} this session would have made about ${more} more.`;
}
