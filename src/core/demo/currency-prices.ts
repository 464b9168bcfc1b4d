/**
 * Demo prices are set in US-dollar-like units and shown in the workspace currency, so a workspace
 * in IDR does not sell a serum for Rp 16. The rates are rough orders of magnitude (the demo needs
 * believable prices, not exchange rates) and `step` keeps the rounding local: RM 39.99, Rp 249.900.
 */

export interface PriceScale {
  /** Multiplier from the demo's base units to the workspace currency. */
  rate: number;
  /** Prices are multiples of this; below 1 they end in .99 instead. */
  step: number;
}

const SCALES: Record<string, PriceScale> = {
  USD: { rate: 1, step: 0.01 },
  EUR: { rate: 0.92, step: 0.01 },
  GBP: { rate: 0.79, step: 0.01 },
  SGD: { rate: 1.35, step: 0.01 },
  AUD: { rate: 1.5, step: 0.01 },
  MYR: { rate: 4.4, step: 0.01 },
  CNY: { rate: 7.2, step: 0.01 },
  BRL: { rate: 5.2, step: 0.01 },
  THB: { rate: 35, step: 1 },
  PHP: { rate: 57, step: 1 },
  INR: { rate: 83, step: 1 },
  JPY: { rate: 150, step: 10 },
  KRW: { rate: 1350, step: 100 },
  IDR: { rate: 16000, step: 100 },
  VND: { rate: 25000, step: 1000 },
};

export function priceScaleFor(currency: string): PriceScale {
  return SCALES[currency.toUpperCase()] ?? { rate: 1, step: 0.01 };
}
