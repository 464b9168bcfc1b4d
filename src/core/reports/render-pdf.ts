/**
 * The report as a PDF: the HTML renderer's document printed by Debian's Chromium through
 * playwright-core (never a downloaded browser), on A4 with "page X of Y" in the footer. Charts
 * stay vector (inline SVG). One browser per call; nothing is fetched from the network — the
 * document is self-contained and set as content.
 */
import { chromium } from 'playwright-core';
import { renderHtml } from './render-html.ts';
import type { ReportModel } from './report-model.ts';
import { esc } from './html-sections.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const footer = (title: string) => `<div style="width:100%;font-size:8px;color:#5F6B7A;padding:0 12mm;display:flex;justify-content:space-between;font-family:Arial,sans-serif">
  <span>${esc(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(renderHtml(model), { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer(model.title),
      margin: { top: '14mm', bottom: '18mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
