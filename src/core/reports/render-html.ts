/**
 * The report as one self-contained HTML document: the Reports page shows it as the preview and
 * the PDF renderer prints it (A4; the print styles keep tables and charts from splitting badly).
 */
import { esc, sectionHtml } from './html-sections.ts';
import { formatRange } from './report-format.ts';
import type { ReportModel } from './report-model.ts';

const STYLE = `
  :root { color: #1A202C; font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 12px; }
  body { margin: 0; padding: 24px; background: #fff; }
  @media (max-width: 600px) { body { padding: 12px; } td, th { padding: 4px; } }
  header { border-bottom: 3px solid #1F3A5F; margin-bottom: 16px; padding-bottom: 8px; }
  h1 { color: #1F3A5F; font-size: 22px; margin: 0 0 4px; }
  h2 { color: #1F3A5F; font-size: 16px; margin: 20px 0 8px; border-bottom: 1px solid #E2E8F0; padding-bottom: 4px; }
  h3 { font-size: 13px; margin: 12px 0 6px; }
  .note, .meta { color: #5F6B7A; font-size: 11px; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
  th { background: #1F3A5F; color: #fff; text-align: left; padding: 5px 6px; font-weight: 600; }
  td { padding: 4px 6px; border-bottom: 1px solid #EDF2F7; vertical-align: top; }
  tr:nth-child(even) td { background: #F4F6F9; }
  .num { text-align: right; white-space: nowrap; } .nowrap { white-space: nowrap; }
  .strong { font-weight: 700; }
  .up { color: #1B7F3B; } .down { color: #B42318; }
  .findings { padding-left: 18px; } .finding { margin: 4px 0; }
  .finding a { color: inherit; text-decoration: none; }
  .finding.good::marker { color: #1B7F3B; } .finding.bad::marker { color: #B42318; }
  .status { font-size: 10px; padding: 1px 4px; border-radius: 3px; background: #EDF2F7; }
  .status.behind { background: #FDE8E7; color: #B42318; } .status.ahead { background: #E3F4E8; color: #1B7F3B; }
  .sev { font-size: 10px; text-transform: uppercase; padding: 1px 4px; border-radius: 3px; background: #EDF2F7; }
  .sev.critical { background: #B42318; color: #fff; } .sev.warning { background: #F79009; color: #fff; }
  .tiles { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0 10px; }
  .tile { border: 1px solid #E2E8F0; border-radius: 6px; padding: 8px 12px; min-width: 120px; }
  .tile span { display: block; color: #5F6B7A; font-size: 11px; } .tile b { font-size: 18px; } .tile small { display: block; color: #5F6B7A; }
  .chart { margin: 8px 0; } .chart svg { max-width: 100%; height: auto; }
  .commentary { background: #F4F6F9; border-left: 4px solid #2F80ED; padding: 4px 12px; }
  .empty { color: #5F6B7A; font-style: italic; }
  @page { size: A4; margin: 16mm 12mm 18mm; }
  @media print {
    body { padding: 0; } .table-wrap { overflow: visible; }
    .section { break-inside: auto; } h2, h3 { break-after: avoid; } tr, figure, .tile, li { break-inside: avoid; }
  }
`;

export function renderHtml(model: ReportModel): string {
  const sections = model.sections.map((id) => sectionHtml(model, id)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(model.title)}</h1>
<div class="meta">${esc(formatRange(model.range))} · amounts in ${esc(model.currency)} · time zone ${esc(model.timezone)} · data to ${esc(model.asOf ?? 'none')} · generated ${esc(model.generatedAt.slice(0, 16).replace('T', ' '))} UTC</div></header>
${sections}
</body></html>`;
}
