// The e2e suite's own reading of `GET /api/overview` (src/server/routes/overview.ts) and of
// `aisle query --format json` (CONTRACTS §4), written independently of the web app's types so a
// drift on either side shows up as a failing test.
import { runAisle } from './server.ts';

export interface OverviewKpi {
  metric: string;
  label: string;
  description: string;
  format: 'money' | 'count' | 'number' | 'rate' | 'duration';
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  value: number | null;
  comparison: number | null;
  change: number | null;
  changeRatio: number | null;
  approximate: boolean;
  target: number | null;
  targetProgress: number | null;
  targetStatus: 'ahead' | 'on_track' | 'behind' | null;
  sparkline: (number | null)[];
}

export interface Mover {
  seller: string;
  name: string;
  subcategory: string | null;
  value: number;
  previous: number;
  change: number;
  changeRatio: number | null;
}

type Range = { from: string; to: string };

export interface Overview {
  /** The previous figures while the ones after the latest data change are computed. */
  refreshing: boolean;
  asOf: string | null;
  currency: string;
  timezone: string;
  period: string;
  compare: string;
  current: Range | null;
  comparisonRange: Range | null;
  kpis: OverviewKpi[];
  trend: {
    date: string;
    gmv: number | null;
    liveGmv: number | null;
    liveGmvShare: number | null;
    comparisonGmv: number | null;
  }[];
  breakdown: {
    subcategory: string | null;
    name: string;
    values: Record<string, number | null>;
    comparison: Record<string, number | null>;
    changeRatio: Record<string, number | null>;
  }[];
  movers: { up: Mover[]; down: Mover[] };
}

/** `cookie` is a signed-in session (`aisle_session=…`). `query` defaults to the API's own defaults. */
export async function fetchOverview(
  baseUrl: string,
  cookie: string,
  query: Record<string, string> = {},
): Promise<Overview> {
  const search = new URLSearchParams(query).toString();
  const path = `/api/overview${search ? `?${search}` : ''}`;
  // Right after new data the server may answer with the previous figures, marked refreshing; a
  // client asks again until the current ones are there, as the web app does.
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    const overview = (await response.json()) as Overview;
    if (!overview.refreshing) return overview;
    if (attempt >= 300) throw new Error(`GET ${path}: still refreshing after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function kpiOf(overview: Overview, metric: string): OverviewKpi {
  const kpi = overview.kpis.find((candidate) => candidate.metric === metric);
  if (!kpi)
    throw new Error(
      `/api/overview returned no "${metric}" KPI (got ${overview.kpis.map((k) => k.metric).join(', ')})`,
    );
  return kpi;
}

/** One row of `aisle query --format json` without `--by`: each metric, and with `--compare` its comparisons. */
export type QueryRow = Record<string, number | null>;

/**
 * `aisle query METRIC… --from --to [--compare …] --format json` with the real CLI. DuckDB lets one
 * process hold the database file, so run it before `aisle serve` starts on the same data dir.
 */
export async function aisleQuery(
  dataDir: string,
  metrics: readonly string[],
  range: Range,
  compare: readonly string[] = [],
): Promise<QueryRow> {
  const args = ['query', ...metrics, '--from', range.from, '--to', range.to, '--format', 'json'];
  if (compare.length > 0) args.push('--compare', compare.join(','));
  const { stdout } = await runAisle(dataDir, args);
  const result = JSON.parse(stdout) as { rows: QueryRow[] };
  const [row] = result.rows;
  if (!row || result.rows.length !== 1)
    throw new Error(`aisle ${args.join(' ')} printed ${result.rows.length} rows`);
  return row;
}
