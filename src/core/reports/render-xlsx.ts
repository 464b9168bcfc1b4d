/**
 * The report as a workbook: one sheet per section, in the report's order (the charts section
 * gives its three series as three sheets), each a styled table of raw numbers people can sort and
 * re-compute. Text is neutralised cell by cell (xlsx-sheet.ts).
 */
import ExcelJS from 'exceljs';
import { formatRange } from './report-format.ts';
import type { ReportModel } from './report-model.ts';
import { SECTION_TITLES, type SectionId } from './report-sections.ts';
import { addTableSheet, metricCellFormat, type SheetTable } from './xlsx-sheet.ts';

function sectionTables(m: ReportModel, id: SectionId): SheetTable[] {
  const title = SECTION_TITLES[id];
  const period = `${m.title}, ${formatRange(m.range)}. Amounts in ${m.currency}.`;
  switch (id) {
    case 'commentary':
      return [{ name: 'Commentary', title, note: m.commentaryBy ? `Written by ${m.commentaryBy}` : period, columns: [{ key: 'text', header: 'Commentary', format: 'text', width: 100 }], rows: m.commentary.split(/\n{2,}/).map((text) => ({ text })) }];
    case 'findings':
      return [{
        name: 'Findings',
        title,
        note: period,
        columns: [
          { key: 'sentence', header: 'Finding', format: 'text', width: 90 },
          { key: 'rule', header: 'Rule', format: 'text', width: 20 },
          { key: 'tone', header: 'Tone', format: 'text', width: 10 },
          { key: 'evidence', header: 'Evidence (sheet)', format: 'text', width: 18 },
          { key: 'numbers', header: 'Numbers', format: 'text', width: 60 },
        ],
        rows: m.findings.map((f) => ({ sentence: f.sentence, rule: f.rule, tone: f.tone, evidence: SECTION_TITLES[f.evidence.section], numbers: Object.entries(f.numbers).map(([k, v]) => `${k}=${v}`).join('; ') })),
      }];
    case 'kpis':
      return [{
        name: 'KPIs',
        title,
        note: `${formatRange(m.range)} vs previous ${formatRange(m.previousRange)} and last year ${formatRange(m.lastYearRange)}. Amounts in ${m.currency}.`,
        columns: [
          { key: 'label', header: 'KPI', format: 'text', width: 24 },
          { key: 'value', header: 'Value', format: 'row', width: 16 },
          { key: 'previous', header: 'Previous', format: 'row', width: 16 },
          { key: 'previousChange', header: 'Change vs previous', format: 'change', width: 14 },
          { key: 'lastYear', header: 'Last year', format: 'row', width: 16 },
          { key: 'lastYearChange', header: 'Change vs last year', format: 'change', width: 14 },
          { key: 'target', header: 'Target', format: 'row', width: 16 },
          { key: 'targetProgress', header: 'Progress to target', format: 'rate', width: 14 },
          { key: 'targetStatus', header: 'Target status', format: 'text', width: 12 },
        ],
        rows: m.kpis.map((k) => ({ ...k, __format: metricCellFormat(k.format) })),
      }];
    case 'charts':
      return [
        { name: 'Trend', title: 'GMV per day and live GMV share', note: period, columns: [{ key: 'date', header: 'Date', format: 'date' }, { key: 'gmv', header: 'GMV', format: 'money', width: 16 }, { key: 'previousGmv', header: 'GMV, previous period', format: 'money', width: 18 }, { key: 'liveGmvShare', header: 'Live GMV share', format: 'rate' }], rows: m.trend },
        { name: 'Adoption', title: 'Livestream adoption', note: period, columns: [{ key: 'period', header: m.kind === 'weekly' ? 'Week from' : 'Month from', format: 'date' }, { key: 'sellerAdoptionRate', header: 'Seller adoption rate', format: 'rate', width: 18 }, { key: 'liveGmvShare', header: 'Live GMV share', format: 'rate', width: 16 }], rows: m.adoption },
        {
          name: 'Subcategories',
          title: 'GMV and livestreams by subcategory',
          note: `${period} Change against the previous period.`,
          columns: [
            { key: 'name', header: 'Subcategory', format: 'text', width: 26 },
            { key: 'gmv', header: 'GMV', format: 'money', width: 16 },
            { key: 'gmvChange', header: 'GMV change', format: 'change' },
            { key: 'liveGmvShare', header: 'Live GMV share', format: 'rate' },
            { key: 'sellerAdoptionRate', header: 'Seller adoption rate', format: 'rate' },
            { key: 'liveSessions', header: 'Live sessions', format: 'count' },
          ],
          rows: m.breakdown,
        },
      ];
    case 'movers':
      return [{
        name: 'Top movers',
        title,
        note: `${period} GMV against the previous period.`,
        columns: [
          { key: 'side', header: 'Direction', format: 'text', width: 10 },
          { key: 'name', header: 'Seller', format: 'text', width: 32 },
          { key: 'seller', header: 'Seller id', format: 'text', width: 16 },
          { key: 'value', header: 'GMV', format: 'money', width: 16 },
          { key: 'previous', header: 'GMV, previous', format: 'money', width: 16 },
          { key: 'change', header: 'Change', format: 'money', width: 16 },
          { key: 'changeRatio', header: 'Change %', format: 'change' },
        ],
        rows: [...m.movers.up.map((r) => ({ ...r, side: 'rising' })), ...m.movers.down.map((r) => ({ ...r, side: 'falling' }))],
      }];
    case 'alerts':
      return [{ name: 'Alerts', title, note: period, columns: [{ key: 'severity', header: 'Severity', format: 'text' }, { key: 'status', header: 'Status', format: 'text' }, { key: 'metricLabel', header: 'Metric', format: 'text', width: 20 }, { key: 'scopeLabel', header: 'Scope', format: 'text', width: 24 }, { key: 'period', header: 'Period', format: 'text' }, { key: 'sentence', header: 'Explanation', format: 'text', width: 90 }], rows: m.alerts }];
    case 'livestreams':
      return [{
        name: 'Livestreams',
        title: 'Best sessions by GPM',
        note: period,
        columns: [
          { key: 'title', header: 'Session', format: 'text', width: 32 },
          { key: 'sellerName', header: 'Seller', format: 'text', width: 28 },
          { key: 'host', header: 'Host', format: 'text' },
          { key: 'startDate', header: 'Date', format: 'date' },
          { key: 'gpm', header: 'GPM', format: 'money' },
          { key: 'liveGmv', header: 'Live GMV', format: 'money', width: 16 },
          { key: 'views', header: 'Views', format: 'count' },
          { key: 'qualityScore', header: 'Quality score', format: 'number' },
          { key: 'reviews', header: 'Reviews', format: 'count' },
        ],
        rows: m.sessions,
      }];
    case 'best_practices':
      return [{
        name: 'Best practices',
        title,
        note: `Top-quartile sessions against the rest, ${formatRange(m.practiceRange)}; improvement areas of the sellers that fell most.`,
        columns: [
          { key: 'kind', header: 'Kind', format: 'text', width: 18 },
          { key: 'seller', header: 'Seller', format: 'text', width: 28 },
          { key: 'text', header: 'What', format: 'text', width: 80 },
          { key: 'action', header: 'Action', format: 'text', width: 60 },
        ],
        rows: [
          ...m.practiceHighlights.map((text) => ({ kind: 'highlight', seller: null, text, action: null })),
          ...m.practiceExamples.map((e) => ({ kind: 'reviewed example', seller: e.sellerName, text: `${e.title ?? e.livestreamId}: ${e.practices.join(', ')}`, action: null })),
          ...m.improvementAreas.map((a) => ({ kind: 'improvement area', seller: a.sellerName, text: `${a.headline} — ${a.evidence}`, action: a.action })),
        ],
      }];
    case 'seller_map': {
      const s = m.sellerMap;
      return [{
        name: 'Seller map',
        title,
        note: `${period} New ${s.newSellers}, churned ${s.churned}, tier moves up ${s.tierUps} / down ${s.tierDowns}.`,
        columns: [
          { key: 'change', header: 'Change', format: 'text', width: 16 },
          { key: 'seller', header: 'Seller or subject', format: 'text', width: 32 },
          { key: 'detail', header: 'Detail', format: 'text', width: 70 },
          { key: 'amount', header: 'GMV or upside', format: 'money', width: 16 },
        ],
        rows: [
          ...s.newList.map((x) => ({ change: 'new', seller: x.sellerName, detail: `first seen ${x.firstSeen}`, amount: null })),
          ...s.churnedList.map((x) => ({ change: 'churned', seller: x.sellerName, detail: null, amount: null })),
          ...s.tierMoves.map((x) => ({ change: `tier ${x.direction}`, seller: x.sellerName, detail: `${x.from} → ${x.to}`, amount: x.gmvWindow })),
          ...s.opportunities.map((x) => ({ change: 'opportunity', seller: x.subject, detail: `${x.title}: ${x.reason}`, amount: x.upside })),
        ],
      }];
    }
    case 'follow_up': {
      const f = m.followUp;
      return [{
        name: 'Follow-up',
        title,
        note: `Communications ${f.communications} (previous ${f.previousCommunications}); open tasks ${f.openTasks}; overdue ${f.overdue}; due next week ${f.dueSoon}.`,
        columns: [
          { key: 'kind', header: 'Kind', format: 'text' },
          { key: 'title', header: 'Action', format: 'text', width: 50 },
          { key: 'sellerName', header: 'Seller', format: 'text', width: 28 },
          { key: 'owner', header: 'Owner', format: 'text', width: 16 },
          { key: 'dueAt', header: 'Due', format: 'date' },
          { key: 'daysOverdue', header: 'Days overdue', format: 'count' },
        ],
        rows: f.actions,
      }];
    }
    default: {
      const unknown: never = id;
      throw new Error(`unknown section ${String(unknown)}`);
    }
  }
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aisle';
  workbook.created = new Date(model.generatedAt);
  for (const id of model.sections) for (const table of sectionTables(model, id)) addTableSheet(workbook, table, model.currency);
  if (workbook.worksheets.length === 0) {
    addTableSheet(workbook, { name: 'Report', title: model.title, note: 'Every section is switched off.', columns: [{ key: 'x', header: '—', format: 'text' }], rows: [] }, model.currency);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
