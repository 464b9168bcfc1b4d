/**
 * Draws a report chart without a browser: ECharts' server-side SVG renderer for HTML and PDF, and
 * resvg for a PNG where a slide needs a picture. Text in the SVG is escaped by ECharts, so a
 * seller or subcategory name cannot inject markup.
 */
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { chartOption, type ChartId } from './report-charts.ts';
import type { ReportModel } from './report-model.ts';

export const CHART_SIZE = { width: 720, height: 300 } as const;

export function chartSvg(model: ReportModel, id: ChartId, size: { width: number; height: number } = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(model, id));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A PNG twice the chart's size, for sharp slides. */
export function chartPng(model: ReportModel, id: ChartId): Buffer {
  const svg = chartSvg(model, id);
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: CHART_SIZE.width * 2 }, font: { loadSystemFonts: true } }).render().asPng());
}
