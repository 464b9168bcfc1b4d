/**
 * The report as slides a manager presents (pptxgenjs): a title slide, then one slide per section
 * in the report's order — KPIs as a table, findings, charts (adoption and subcategories as native
 * editable charts; the daily trend, which mixes money bars with a percentage line on a second
 * axis, as a PNG of the same ECharts option), livestream highlights and best practices, the seller
 * map and the actions list. Text is placed as text runs, never as markup.
 */
import pptxgenModule from 'pptxgenjs';
import { chartPng } from './chart-images.ts';
import { chartSeries, PALETTE } from './report-charts.ts';
import { formatChange, formatMetric, formatPercent, formatRange } from './report-format.ts';
import type { ReportModel } from './report-model.ts';
import { SECTION_TITLES, type SectionId } from './report-sections.ts';

// pptxgenjs ships an ESM build whose default export is the class, but types written for CommonJS:
// under NodeNext TypeScript sees the class on `.default`, while Node gives it directly.
type PptxGenJS = InstanceType<typeof pptxgenModule.default>;
const PptxGenJS = ((pptxgenModule as unknown as { default?: unknown }).default ?? pptxgenModule) as typeof pptxgenModule.default;
type Slide = ReturnType<PptxGenJS['addSlide']>;
type TableCellProps = NonNullable<Extract<Parameters<Slide['addTable']>[0][number][number], { options?: unknown }>['options']>;
type TableCell = { text: string; options: TableCellProps };
type Row = TableCell[];

const INK = '1A202C';
const BRAND = PALETTE.primary.slice(1);
const MUTED = '5F6B7A';
const hex = (c: string) => c.replace('#', '');

const cell = (text: unknown, options: TableCellProps = {}): TableCell => ({ text: String(text ?? '—'), options });
const head = (labels: string[]): Row => labels.map((l) => cell(l, { bold: true, color: 'FFFFFF', fill: { color: BRAND } }));

function titled(pptx: PptxGenJS, model: ReportModel, title: string): Slide {
  const slide = pptx.addSlide();
  slide.addText(title, { x: 0.4, y: 0.25, w: 12.5, h: 0.6, fontSize: 24, bold: true, color: BRAND });
  slide.addText(`${model.title} · ${formatRange(model.range)}`, { x: 0.4, y: 7.0, w: 12.5, h: 0.3, fontSize: 9, color: MUTED });
  return slide;
}

function bullets(slide: Slide, lines: string[], box = { x: 0.5, y: 1.1, w: 12.3, h: 5.7 }, empty = 'Nothing to report.') {
  const items = lines.length ? lines : [empty];
  slide.addText(
    items.map((text) => ({ text, options: { bullet: lines.length > 0, breakLine: true } })),
    // Long lists get a smaller type; PowerPoint shrinks whatever still overflows.
    { ...box, fontSize: items.length > 8 ? 13 : items.length > 5 ? 14 : 16, color: INK, valign: 'top', paraSpaceAfter: 6, fit: 'shrink' },
  );
}

function table(slide: Slide, rows: Row[], y = 1.1, colW?: number[]) {
  slide.addTable(rows, { x: 0.4, y, w: 12.5, colW, fontSize: 11, color: INK, border: { type: 'solid', pt: 0.5, color: 'E2E8F0' }, autoPage: false });
}

function addSection(pptx: PptxGenJS, m: ReportModel, id: SectionId): void {
  const title = SECTION_TITLES[id];
  const money = (v: number | null | undefined) => formatMetric(v, 'money', m.currency);
  switch (id) {
    case 'commentary':
      bullets(titled(pptx, m, title), m.commentary.split(/\n{2,}/));
      return;
    case 'findings':
      bullets(titled(pptx, m, title), m.findings.map((f) => f.sentence), undefined, 'No finding rule fired for this period.');
      return;
    case 'kpis':
      table(titled(pptx, m, 'KPIs'), [
        head(['KPI', 'Value', 'vs previous', 'vs last year', 'Target', 'Progress']),
        ...m.kpis.map((k) => [
          cell(k.label),
          cell(formatMetric(k.value, k.format, m.currency), { bold: true, align: 'right' }),
          cell(formatChange(k.previousChange), { align: 'right', color: (k.previousChange ?? 0) >= 0 ? hex(PALETTE.good) : hex(PALETTE.bad) }),
          cell(formatChange(k.lastYearChange), { align: 'right' }),
          cell(formatMetric(k.target, k.format, m.currency), { align: 'right' }),
          cell(k.targetProgress === null ? '—' : `${formatPercent(k.targetProgress)} ${k.targetStatus?.replace('_', ' ') ?? ''}`, { align: 'right' }),
        ]),
      ]);
      return;
    case 'charts': {
      const trend = titled(pptx, m, 'GMV trend');
      trend.addImage({ data: `data:image/png;base64,${chartPng(m, 'trend').toString('base64')}`, x: 0.9, y: 1.1, w: 11.5, h: 4.8 });
      for (const chartId of ['adoption', 'breakdown'] as const) {
        const data = chartSeries(m, chartId);
        const slide = titled(pptx, m, data.title);
        const series = data.series.map((s) => ({ name: s.name, labels: data.categories, values: s.values }));
        const rate = data.series[0]?.format === 'rate';
        slide.addChart(chartId === 'adoption' ? pptx.ChartType.line : pptx.ChartType.bar, series, {
          x: 0.6, y: 1.1, w: 12, h: 5.6,
          barDir: chartId === 'breakdown' ? 'bar' : undefined,
          chartColors: chartId === 'adoption' ? [BRAND, hex(PALETTE.live)] : [hex(PALETTE.accent)],
          valAxisLabelFormatCode: rate ? '0%' : '#,##0',
          showLegend: series.length > 1,
          legendPos: 'b',
          catAxisLabelFontSize: 11,
          valAxisLabelFontSize: 10,
        });
      }
      return;
    }
    case 'movers':
      table(titled(pptx, m, title), [
        head(['', 'Seller', 'GMV', 'Previous', 'Change']),
        ...[...m.movers.up.map((r) => ['▲', r] as const), ...m.movers.down.map((r) => ['▼', r] as const)].map(([arrow, r]) => [
          cell(arrow, { color: arrow === '▲' ? hex(PALETTE.good) : hex(PALETTE.bad) }),
          cell(r.name),
          cell(money(r.value), { align: 'right' }),
          cell(money(r.previous), { align: 'right' }),
          cell(formatChange(r.changeRatio), { align: 'right' }),
        ]),
      ], 1.1, [0.5, 6, 2, 2, 2]);
      return;
    case 'alerts':
      bullets(titled(pptx, m, title), m.alerts.slice(0, 8).map((a) => `[${a.severity}] ${a.metricLabel} · ${a.scopeLabel}: ${a.sentence}`), undefined, 'No alerts were raised for this period.');
      return;
    case 'livestreams': {
      const slide = titled(pptx, m, title);
      if (m.sessions.length === 0) bullets(slide, [], undefined, 'No livestream ranked in this period.');
      else
        table(slide, [
          head(['Session', 'Seller', 'GPM', 'Live GMV', 'Quality']),
          ...m.sessions.map((s) => [cell(s.title ?? s.id), cell(s.sellerName), cell(money(s.gpm), { align: 'right' }), cell(money(s.liveGmv), { align: 'right' }), cell(s.qualityScore === null ? '—' : Math.round(s.qualityScore), { align: 'right' })]),
        ], 1.1, [4.5, 3.5, 1.5, 1.5, 1.5]);
      return;
    }
    case 'best_practices':
      bullets(titled(pptx, m, 'Best practices'), [
        ...m.practiceHighlights,
        ...m.practiceExamples.map((e) => `Example: ${e.title ?? e.livestreamId} (${e.sellerName}) — ${e.practices.join(', ')}`),
      ], undefined, 'Not enough ranked sessions to tell what the best do differently.');
      return;
    case 'seller_map': {
      const s = m.sellerMap;
      bullets(titled(pptx, m, title), [
        `New sellers: ${s.newSellers}${s.newList.length ? ` (${s.newList.slice(0, 5).map((x) => x.sellerName).join(', ')})` : ''}`,
        `Churned: ${s.churned}${s.churnedList.length ? ` (${s.churnedList.slice(0, 5).map((x) => x.sellerName).join(', ')})` : ''}`,
        `Tier moves: ${s.tierUps} up, ${s.tierDowns} down`,
        ...s.opportunities.slice(0, 3).map((o) => `Opportunity: ${o.title} — ${o.subject} (${money(o.upside)} upside)`),
      ]);
      return;
    }
    case 'follow_up': {
      const f = m.followUp;
      const slide = titled(pptx, m, 'Actions');
      slide.addText(`Communications ${f.communications} · open tasks ${f.openTasks} · overdue ${f.overdue} · due next week ${f.dueSoon}`, { x: 0.4, y: 0.9, w: 12.5, h: 0.4, fontSize: 13, color: MUTED });
      const rows: Row[] = [
        ...m.improvementAreas.map((a) => [cell('Improve'), cell(a.sellerName), cell(a.action), cell('')]),
        ...f.actions.slice(0, 8).map((a) => [cell(a.overdue ? 'Overdue' : 'Due', { color: a.overdue ? hex(PALETTE.bad) : INK }), cell(a.sellerName ?? '—'), cell(a.title), cell(a.dueAt)]),
      ];
      if (rows.length === 0) bullets(slide, [], { x: 0.5, y: 1.4, w: 12.3, h: 5 }, 'Nothing overdue or due in the next week.');
      else table(slide, [head(['', 'Seller', 'Action', 'Due']), ...rows], 1.4, [1.2, 3, 6.8, 1.5]);
      return;
    }
    default: {
      const unknown: never = id;
      throw new Error(`unknown section ${String(unknown)}`);
    }
  }
}

export async function renderPptx(model: ReportModel): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Aisle';
  pptx.title = model.title;
  const cover = pptx.addSlide();
  cover.background = { color: BRAND };
  cover.addText(model.title, { x: 0.8, y: 2.4, w: 11.7, h: 1.2, fontSize: 40, bold: true, color: 'FFFFFF' });
  cover.addText(`${formatRange(model.range)} · amounts in ${model.currency}`, { x: 0.8, y: 3.7, w: 11.7, h: 0.6, fontSize: 20, color: 'FFFFFF' });
  cover.addText(`Data to ${model.asOf ?? '—'} · generated ${model.generatedAt.slice(0, 10)}`, { x: 0.8, y: 4.4, w: 11.7, h: 0.5, fontSize: 14, color: 'D6E4F0' });
  for (const id of model.sections) addSection(pptx, model, id);
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
