// The e2e suite's own reading of `GET /api/overview` (CONTRACTS and the API brief), written
// independently of the web app's types so a drift on either side shows up as a failing test.
export interface OverviewKpi {
  metric: string;
  label: string;
  format: 'money' | 'count' | 'number' | 'rate' | 'duration';
  value: number | null;
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
}

export interface Overview {
  asOf: string | null;
  currency: string;
  timezone: string;
  days: number;
  current: { from: string; to: string } | null;
  previous: { from: string; to: string } | null;
  kpis: OverviewKpi[];
  trend: { date: string; gmv: number; orders: number }[];
}

/** `cookie` is a signed-in session (`aisle_session=…`): every /api route but a few needs one. */
export async function fetchOverview(baseUrl: string, cookie: string, days = 7): Promise<Overview> {
  const response = await fetch(`${baseUrl}/api/overview?days=${days}`, { headers: { cookie } });
  if (!response.ok)
    throw new Error(`GET /api/overview?days=${days}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Overview;
}

export function kpiOf(overview: Overview, metric: string): OverviewKpi {
  const kpi = overview.kpis.find((candidate) => candidate.metric === metric);
  if (!kpi)
    throw new Error(
      `/api/overview returned no "${metric}" KPI (got ${overview.kpis.map((k) => k.metric).join(', ')})`,
    );
  return kpi;
}
