/**
 * The report's charts as ECharts options, built once from the model: the HTML preview and the
 * PDF draw them as SVG (server-side rendering, no DOM), the slides use the same series as native
 * editable charts and fall back to a PNG of this option where pptx has no matching chart. Colours
 * follow the app's palette.
 */
import type { EChartsOption } from 'echarts';
import type { ReportModel } from './report-model.ts';

export const CHART_IDS = ['trend', 'adoption', 'breakdown'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const PALETTE = { primary: '#1F3A5F', accent: '#2F80ED', muted: '#A0AEC0', good: '#1B7F3B', bad: '#B42318', live: '#E8590C' } as const;

/** A chart's data as plain series, for renderers that draw natively (pptx). */
export interface ChartSeries {
  id: ChartId;
  title: string;
  categories: string[];
  series: { name: string; values: number[]; format: 'money' | 'rate' }[];
}

const BREAKDOWN_ROWS = 8;
const shortDate = (date: string) => date.slice(5);

export function chartSeries(model: ReportModel, id: ChartId): ChartSeries {
  switch (id) {
    case 'trend':
      return {
        id,
        title: `GMV per day and live GMV share (${model.currency})`,
        categories: model.trend.map((p) => shortDate(p.date)),
        series: [
          { name: 'GMV', values: model.trend.map((p) => p.gmv ?? 0), format: 'money' },
          { name: 'GMV, previous period', values: model.trend.map((p) => p.previousGmv ?? 0), format: 'money' },
          { name: 'Live GMV share', values: model.trend.map((p) => p.liveGmvShare ?? 0), format: 'rate' },
        ],
      };
    case 'adoption':
      return {
        id,
        title: `Livestream adoption by ${model.kind === 'weekly' ? 'week' : 'month'}`,
        categories: model.adoption.map((p) => (model.kind === 'weekly' ? shortDate(p.period) : p.period.slice(0, 7))),
        series: [
          { name: 'Seller adoption rate', values: model.adoption.map((p) => p.sellerAdoptionRate ?? 0), format: 'rate' },
          { name: 'Live GMV share', values: model.adoption.map((p) => p.liveGmvShare ?? 0), format: 'rate' },
        ],
      };
    case 'breakdown': {
      const rows = model.breakdown.slice(0, BREAKDOWN_ROWS);
      return {
        id,
        title: `GMV by subcategory (${model.currency})`,
        categories: rows.map((r) => r.name),
        series: [{ name: 'GMV', values: rows.map((r) => r.gmv ?? 0), format: 'money' }],
      };
    }
    default: {
      const unknown: never = id;
      throw new Error(`unknown chart ${String(unknown)}`);
    }
  }
}

const axisLabel = { color: '#5F6B7A', fontSize: 11 };
const compactMoney = (value: number) => (Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : Math.abs(value) >= 1e3 ? `${(value / 1e3).toFixed(0)}K` : String(value));
const percent = (value: number) => `${Math.round(value * 100)}%`;

export function chartOption(model: ReportModel, id: ChartId): EChartsOption {
  const data = chartSeries(model, id);
  const base: EChartsOption = {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' },
    title: { text: data.title, left: 0, textStyle: { fontSize: 13, color: PALETTE.primary } },
    legend: { bottom: 0, itemGap: 24, textStyle: { fontSize: 11 } },
    grid: { left: 56, right: 48, top: 40, bottom: 48 },
  };
  switch (id) {
    case 'trend': {
      const [gmv, previous, share] = data.series;
      return {
        ...base,
        color: [PALETTE.accent, PALETTE.muted, PALETTE.live],
        xAxis: { type: 'category', data: data.categories, axisLabel },
        yAxis: [
          { type: 'value', axisLabel: { ...axisLabel, formatter: compactMoney } },
          { type: 'value', min: 0, max: 1, axisLabel: { ...axisLabel, formatter: percent }, splitLine: { show: false } },
        ],
        series: [
          { type: 'bar', name: gmv?.name, data: gmv?.values ?? [] },
          { type: 'line', name: previous?.name, data: previous?.values ?? [], lineStyle: { type: 'dashed' }, symbol: 'none' },
          { type: 'line', name: share?.name, yAxisIndex: 1, data: share?.values ?? [], symbol: 'circle' },
        ],
      };
    }
    case 'adoption':
      return {
        ...base,
        color: [PALETTE.primary, PALETTE.live],
        xAxis: { type: 'category', data: data.categories, axisLabel },
        yAxis: { type: 'value', min: 0, axisLabel: { ...axisLabel, formatter: percent } },
        series: data.series.map((s) => ({ type: 'line', name: s.name, data: s.values, symbol: 'circle' })),
      };
    case 'breakdown':
      return {
        ...base,
        color: [PALETTE.accent],
        grid: { left: 8, right: 24, top: 40, bottom: 40, containLabel: true },
        xAxis: { type: 'value', axisLabel: { ...axisLabel, formatter: compactMoney } },
        yAxis: { type: 'category', inverse: true, data: data.categories, axisLabel },
        series: data.series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
      };
    default: {
      const unknown: never = id;
      throw new Error(`unknown chart ${String(unknown)}`);
    }
  }
}
