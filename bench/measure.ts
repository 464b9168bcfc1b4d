/** Repeats a piece of work and reports median and p95 wall time in milliseconds. */
export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  target?: string;
  pass?: boolean;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export async function measure(name: string, runs: number, work: (run: number) => Promise<void>): Promise<Measurement> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work(run);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}
