/**
 * Each renderer read back: the workbook with exceljs, the slides unzipped and their XML checked,
 * the PDF's text with pdftotext and its pages drawn with pdftoppm (written to
 * test-results/report-pdf/ to look at), the HTML as text. The month is hand-built and its biggest
 * seller is called `=HYPERLINK(...)`, which must come out inert everywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertReportMonth, REPORT_MONTH } from '../../../test/support/report-data.ts';
import { buildReport } from './build-report.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';
import { renderPptx } from './render-pptx.ts';
import { renderXlsx } from './render-xlsx.ts';
import type { ReportModel } from './report-model.ts';

const EVIL = '=HYPERLINK("http://evil.example","Big")';
const PDF_DIR = path.resolve('test-results/report-pdf');

describe('report renderers', () => {
  let db: Database;
  let model: ReportModel;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertReportMonth(db, { evilName: true });
    model = await buildReport(db, { kind: 'monthly', period: REPORT_MONTH, now: new Date('2026-04-01T09:00:00Z') });
    model = { ...model, commentary: 'A strong month for Kitchen.\n\nWatch <b>Home Decor</b>.', commentaryBy: 'manager@example.com', sections: ['commentary', ...model.sections] };
  });
  afterAll(() => db.close());

  it('HTML: every section with escaped text, findings linked to their sections, charts as SVG', () => {
    const html = renderHtml(model);
    for (const id of model.sections) expect(html).toContain(`<section id="${id}"`);
    expect(html).toContain('Watch &lt;b&gt;Home Decor&lt;/b&gt;.');
    expect(html).not.toContain('<b>Home Decor</b>');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Big&quot;)');
    expect(html).toContain('<a href="#kpis">GMV rose 137.9% to $9,990 against the previous month ($4,200).</a>');
    expect(html.match(/<figure class="chart"[^>]*><svg/g)).toHaveLength(3);
  });

  it('XLSX: one sheet per section, real numbers and formats, frozen headers, coloured changes, inert seller names', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Commentary', 'Findings', 'KPIs', 'Trend', 'Adoption', 'Subcategories', 'Top movers', 'Alerts', 'Livestreams', 'Best practices', 'Seller map', 'Follow-up',
    ]);
    const kpis = workbook.getWorksheet('KPIs');
    expect(kpis?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(kpis?.getCell('A5').value).toBe('GMV');
    expect(kpis?.getCell('B5').value).toBe(9990);
    expect(kpis?.getCell('B5').numFmt).toBe('#,##0.00 "USD"');
    expect(kpis?.getCell('D5').value).toBe(1.378571);
    expect(kpis?.getCell('D5').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(kpis?.getCell('B6').numFmt).toBe('#,##0');
    const formatted = (kpis as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map((c) => c.ref);
    expect(formatted).toContain('D5:D13');
    const movers = workbook.getWorksheet('Top movers');
    const names: unknown[] = [];
    movers?.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain(`'${EVIL}`);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value, `${sheet.name}!${cell.address}`).not.toMatch(/^[=+\-@]/);
        }),
      ),
    );
  });

  it('PPTX: title slide, KPI table, native editable charts, findings, best practices and actions', async () => {
    const zip = await JSZip.loadAsync(await renderPptx(model));
    const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]));
    const texts = await Promise.all(slideFiles.map(async (f) => [...(await zip.file(f)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' | ')));
    expect(texts[0]).toContain('Monthly report 2026-03');
    const find = (title: string) => texts.find((t) => t.startsWith(title)) ?? '';
    expect(find('KPIs')).toContain('$9,990');
    expect(find('Key findings')).toContain('GMV rose 137.9% to $9,990 against the previous month ($4,200).');
    expect(find('Best practices')).not.toBe('');
    expect(find('Actions')).toContain('Call Falling Decor about the drop');
    expect(find('Commentary')).toContain('Watch &lt;b&gt;Home Decor&lt;/b&gt;.');
    expect(find('Top movers')).toContain(EVIL.replaceAll('"', '&quot;'));
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(2);
    const chartXml = await Promise.all(charts.map((f) => zip.file(f)!.async('string')));
    expect(chartXml.some((x) => x.includes('<c:lineChart>') && x.includes('Seller adoption rate'))).toBe(true);
    expect(chartXml.some((x) => x.includes('<c:barChart>') && x.includes('Kitchen'))).toBe(true);
    expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/embeddings/'))).toBe(true);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/') && f.endsWith('.png'))).toHaveLength(1);
  });

  it('PDF: A4 pages numbered "Page x of y", the findings as text, pages drawn to PNG', async () => {
    await rm(PDF_DIR, { recursive: true, force: true });
    await mkdir(PDF_DIR, { recursive: true });
    const file = path.join(PDF_DIR, 'monthly.pdf');
    await writeFile(file, await renderPdf(model));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Monthly report 2026-03');
    expect(text).toContain('GMV rose 137.9% to $9,990 against the previous month ($4,200).');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Watch <b>Home Decor</b>.');
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(PDF_DIR, 'page')]);
    expect((await readdir(PDF_DIR)).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });
});
