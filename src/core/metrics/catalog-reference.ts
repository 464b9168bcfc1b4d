/**
 * The metric catalog as a reference: the public list (API `/api/metrics/catalog`, the pages'
 * pickers and tooltips) and the markdown in docs/metrics.md, both generated from the one catalog so
 * the documentation cannot drift from the definitions.
 */
import { DIMENSIONS, METRICS } from './catalog/index.ts';
import type { FactSource, MetricDefinition, MetricDirection, MetricFormat } from './types.ts';

export interface MetricInfo {
  name: string;
  label: string;
  description: string;
  format: MetricFormat;
  type: MetricDefinition['type'];
  additive: boolean;
  direction: MetricDirection;
  /** Metrics this one is computed from (ratios and combined metrics). */
  from: string[];
  /** Fact sources it reads (its own and its alternatives). */
  sources: FactSource[];
  /** Dimensions it can be split by. */
  dimensions: string[];
  internal: boolean;
}

export interface DimensionInfo {
  name: string;
  label: string;
}

function sourcesOf(metric: MetricDefinition): FactSource[] {
  if (metric.type === 'ratio') return [...new Set([...sourcesOf(get(metric.numerator)), ...sourcesOf(get(metric.denominator))])];
  if (metric.type === 'combined') return [...new Set(metric.parts.flatMap((part) => sourcesOf(get(part))))];
  return [metric.source, ...(metric.alternatives ?? []).map((alt) => alt.source)];
}

function get(name: string): MetricDefinition {
  const metric = METRICS.get(name);
  if (!metric) throw new Error(`unknown metric ${name}`);
  return metric;
}

/** Dimensions every base metric behind `metric` can be read by (through its own source or an alternative). */
function dimensionsOf(metric: MetricDefinition): string[] {
  const bases = (m: MetricDefinition): MetricDefinition[] =>
    m.type === 'ratio' ? [...bases(get(m.numerator)), ...bases(get(m.denominator))] : m.type === 'combined' ? m.parts.flatMap((p) => bases(get(p))) : [m];
  return [...DIMENSIONS.values()]
    .filter((dimension) =>
      bases(metric).every(
        (base) =>
          base.type !== 'ratio' &&
          base.type !== 'combined' &&
          (dimension.name === 'period' ||
            [base.source, ...(base.alternatives ?? []).map((alt) => alt.source)].some((source) => dimension.exprBySource[source] !== undefined)),
      ),
    )
    .map((dimension) => dimension.name);
}

export function metricCatalog(): { metrics: MetricInfo[]; dimensions: DimensionInfo[] } {
  return {
    metrics: [...METRICS.values()].map((metric) => ({
      name: metric.name,
      label: metric.label,
      description: metric.description,
      format: metric.format,
      type: metric.type,
      additive: metric.additive,
      direction: metric.direction ?? 'higher_is_better',
      from: metric.type === 'ratio' ? [metric.numerator, metric.denominator] : metric.type === 'combined' ? [...metric.parts] : [],
      sources: sourcesOf(metric),
      dimensions: dimensionsOf(metric),
      internal: metric.internal ?? false,
    })),
    dimensions: [...DIMENSIONS.values()].map((dimension) => ({ name: dimension.name, label: dimension.label })),
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function catalogMarkdown(): string {
  const { metrics, dimensions } = metricCatalog();
  const row = (m: MetricInfo) =>
    `| \`${m.name}\` | ${cell(m.label)} | ${cell(m.description)} | ${m.format} | ${m.type}${m.from.length ? ` of ${m.from.map((f) => `\`${f}\``).join(', ')}` : ''} | ${m.additive ? 'yes' : 'no'} | ${m.dimensions.filter((d) => d !== 'period').join(', ')} |`;
  const header = ['| metric | label | definition | format | computed as | additive | split by (besides period) |', '|---|---|---|---|---|---|---|'];
  return [
    '# Metric reference',
    '',
    '<!-- Generated from src/core/metrics/catalog by `npm run docs:metrics`; a test fails when it is out of date. -->',
    '',
    'Every number in Aisle — pages, `aisle query`, `/api/metrics`, reports, alerts — comes from these',
    'definitions. Ratios are computed from the period’s sums, never as an average of daily ratios;',
    'a division by zero gives an empty value. Money is in the workspace currency with two decimals,',
    'rates are fractions (0.034 = 3.4%).',
    '',
    ...header,
    ...metrics.filter((m) => !m.internal).map(row),
    '',
    '## Building blocks',
    '',
    'Metrics used to build the ones above; they can be queried too.',
    '',
    ...header,
    ...metrics.filter((m) => m.internal).map(row),
    '',
    '## Dimensions',
    '',
    '| dimension | label |',
    '|---|---|',
    ...dimensions.map((d) => `| \`${d.name}\` | ${cell(d.label)} |`),
    '',
    '`period` groups by `--grain day|week|month|quarter|year` (weeks start on Monday); its value is the',
    'period’s first day. Comparisons (`--compare previous,last_year,target`) add',
    '`<metric>_<comparison>`, `<metric>_<comparison>_change` and `<metric>_<comparison>_change_ratio` to',
    'every row: the previous period of the same length (whole months stay whole months), the same',
    'period 52 weeks earlier (a calendar year for months), and the target pro-rated to the period.',
    '',
  ].join('\n');
}
