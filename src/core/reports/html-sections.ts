/**
 * Each report section as HTML, from the model only. Every piece of text goes through `esc`, so a
 * seller called `<script>` or `=HYPERLINK(…)` prints as itself. Charts are inline SVG.
 */
import { chartSvg } from './chart-images.ts';
import { CHART_IDS } from './report-charts.ts';
import { formatChange, formatMetric, formatPercent, formatRange } from './report-format.ts';
import type { Finding, ReportModel } from './report-model.ts';
import { SECTION_TITLES, type SectionId } from './report-sections.ts';

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const money = (m: ReportModel, v: number | null | undefined) => formatMetric(v, 'money', m.currency);
const changeCell = (ratio: number | null | undefined, good = true) => {
  const cls = ratio === null || ratio === undefined || ratio === 0 ? '' : (ratio > 0) === good ? 'up' : 'down';
  return `<td class="num ${cls}">${esc(formatChange(ratio))}</td>`;
};
const empty = (text: string) => `<p class="empty">${esc(text)}</p>`;

function table(headers: string[], rows: string[], numericFrom = 1): string {
  const head = headers.map((h, i) => `<th${i >= numericFrom ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function findingItem(f: Finding): string {
  return `<li class="finding ${f.tone}" data-rule="${esc(f.rule)}"><a href="#${esc(f.evidence.section)}">${esc(f.sentence)}</a></li>`;
}

function kpis(m: ReportModel): string {
  const rows = m.kpis.map((k) => {
    const good = k.direction !== 'lower_is_better';
    const status = k.targetStatus ? `<span class="status ${k.targetStatus}">${esc(k.targetStatus.replace('_', ' '))}</span>` : '';
    return `<tr id="kpi-${esc(k.metric)}"><td>${esc(k.label)}</td><td class="num strong">${esc(formatMetric(k.value, k.format, m.currency))}</td>
      <td class="num">${esc(formatMetric(k.previous, k.format, m.currency))}</td>${changeCell(k.previousChange, good)}
      <td class="num">${esc(formatMetric(k.lastYear, k.format, m.currency))}</td>${changeCell(k.lastYearChange, good)}
      <td class="num">${esc(formatMetric(k.target, k.format, m.currency))}</td><td class="num">${esc(formatPercent(k.targetProgress))} ${status}</td></tr>`;
  });
  return `<p class="note">Previous ${esc(formatRange(m.previousRange))}; last year ${esc(formatRange(m.lastYearRange))}.</p>${table(
    ['KPI', 'Value', 'Previous', 'Change', 'Last year', 'Change', 'Target', 'Progress'],
    rows,
  )}`;
}

function charts(m: ReportModel): string {
  return CHART_IDS.map((id) => `<figure class="chart" data-chart="${id}">${chartSvg(m, id)}</figure>`).join('');
}

function movers(m: ReportModel): string {
  const side = (title: string, list: ReportModel['movers']['up']) =>
    `<h3>${esc(title)}</h3>` +
    (list.length === 0
      ? empty('No seller moved.')
      : table(
          ['Seller', 'GMV', 'Previous', 'Change'],
          list.map((r) => `<tr id="mover-${esc(r.seller)}"><td>${esc(r.name)}</td><td class="num">${esc(money(m, r.value))}</td><td class="num">${esc(money(m, r.previous))}</td>${changeCell(r.changeRatio)}</tr>`),
        ));
  return side('Rising', m.movers.up) + side('Falling', m.movers.down);
}

function alerts(m: ReportModel): string {
  if (m.alerts.length === 0) return empty('No alerts were raised for this period.');
  return `<ul class="alerts">${m.alerts
    .map((a) => `<li><span class="sev ${esc(a.severity)}">${esc(a.severity)}</span> <strong>${esc(a.metricLabel)} · ${esc(a.scopeLabel)} · ${esc(a.period)}</strong> — ${esc(a.sentence)}</li>`)
    .join('')}</ul>`;
}

function livestreams(m: ReportModel): string {
  if (m.sessions.length === 0) return empty('No livestream ranked in this period.');
  return table(
    ['Session', 'Seller', 'Date', 'GPM', 'Live GMV', 'Views', 'Quality'],
    m.sessions.map(
      (s) => `<tr id="session-${esc(s.id)}"><td>${esc(s.title ?? s.id)}</td><td>${esc(s.sellerName)}</td><td class="nowrap">${esc(s.startDate)}</td>
        <td class="num">${esc(money(m, s.gpm))}</td><td class="num">${esc(money(m, s.liveGmv))}</td><td class="num">${esc(formatMetric(s.views, 'count', m.currency))}</td>
        <td class="num">${s.qualityScore === null ? '—' : esc(Math.round(s.qualityScore))}${s.reviews ? ` <small>(${esc(s.reviews)} reviews)</small>` : ''}</td></tr>`,
    ),
    3,
  );
}

function bestPractices(m: ReportModel): string {
  const highlights = m.practiceHighlights.length ? `<ul>${m.practiceHighlights.map((h) => `<li>${esc(h)}</li>`).join('')}</ul>` : empty('Not enough ranked sessions to tell what the best do differently.');
  const examples = m.practiceExamples.length
    ? `<h3>Reviewed examples</h3><ul>${m.practiceExamples.map((e) => `<li><strong>${esc(e.title ?? e.livestreamId)}</strong> (${esc(e.sellerName)}, reviewed by ${esc(e.reviewer)}): ${esc(e.practices.join(', '))}</li>`).join('')}</ul>`
    : '';
  const areas = m.improvementAreas.length
    ? `<h3>Areas for improvement</h3>${table(['Seller', 'Area', 'Evidence', 'Action'], m.improvementAreas.map((a) => `<tr><td>${esc(a.sellerName)}</td><td>${esc(a.headline)}</td><td>${esc(a.evidence)}</td><td>${esc(a.action)}</td></tr>`), 9)}`
    : '';
  return `<h3>What the top quartile does</h3><p class="note">Top-quartile sessions of each subcategory against the rest, ${esc(formatRange(m.practiceRange))}.</p>${highlights}${examples}${areas}`;
}

function sellerMap(m: ReportModel): string {
  const s = m.sellerMap;
  const names = (list: { sellerName: string }[]) => (list.length ? esc(list.map((x) => x.sellerName).join(', ')) : '—');
  const moves = s.tierMoves.length
    ? table(['Seller', 'From', 'To', 'GMV (tier window)'], s.tierMoves.map((t) => `<tr><td>${esc(t.sellerName)}</td><td>${esc(t.from)}</td><td class="${t.direction === 'up' ? 'up' : 'down'}">${esc(t.to)}</td><td class="num">${esc(money(m, t.gmvWindow))}</td></tr>`), 3)
    : '';
  const opps = s.opportunities.length
    ? `<h3>Biggest open opportunities (${esc(s.opportunitiesTotal)} open, ${esc(money(m, s.opportunitiesUpside))} upside)</h3>${table(['Opportunity', 'Seller or subcategory', 'Upside', 'Why'], s.opportunities.map((o) => `<tr><td>${esc(o.title)}</td><td>${esc(o.subject)}</td><td class="num">${esc(money(m, o.upside))}</td><td>${esc(o.reason)}</td></tr>`), 2)}`
    : '';
  return `<div class="tiles">
      <div class="tile" id="seller-map-new"><span>New sellers</span><b>${esc(s.newSellers)}</b></div>
      <div class="tile" id="seller-map-churned"><span>Churned</span><b>${esc(s.churned)}</b></div>
      <div class="tile" id="seller-map-tiers"><span>Tier moves up / down</span><b>${esc(s.tierUps)} / ${esc(s.tierDowns)}</b></div></div>
    <p><strong>New:</strong> ${names(s.newList)}</p><p><strong>Churned:</strong> ${names(s.churnedList)}</p>${moves}${opps}`;
}

function followUp(m: ReportModel): string {
  const f = m.followUp;
  const actions = f.actions.length
    ? table(['Action', 'Seller', 'Owner', 'Due', 'State'], f.actions.map((a) => `<tr><td>${esc(a.title)}</td><td>${esc(a.sellerName ?? '—')}</td><td>${esc(a.owner ?? '—')}</td><td class="nowrap">${esc(a.dueAt)}</td><td class="nowrap ${a.overdue ? 'down' : ''}">${a.overdue ? `overdue ${esc(a.daysOverdue)} d` : 'due soon'}</td></tr>`), 9)
    : empty('Nothing overdue or due in the next week.');
  return `<div class="tiles">
      <div class="tile"><span>Communications</span><b>${esc(f.communications)}</b><small>previous ${esc(f.previousCommunications)}</small></div>
      <div class="tile"><span>Open tasks</span><b>${esc(f.openTasks)}</b></div>
      <div class="tile"><span>Overdue</span><b>${esc(f.overdue)}</b></div>
      <div class="tile"><span>Due next week</span><b>${esc(f.dueSoon)}</b></div></div>${actions}`;
}

export function sectionHtml(m: ReportModel, id: SectionId): string {
  const body = (() => {
    switch (id) {
      case 'commentary':
        return `<div class="commentary">${m.commentary.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('')}${m.commentaryBy ? `<p class="note">— ${esc(m.commentaryBy)}</p>` : ''}</div>`;
      case 'findings':
        return m.findings.length ? `<ul class="findings">${m.findings.map(findingItem).join('')}</ul>` : empty('No finding rule fired for this period.');
      case 'kpis':
        return kpis(m);
      case 'charts':
        return charts(m);
      case 'movers':
        return movers(m);
      case 'alerts':
        return alerts(m);
      case 'livestreams':
        return livestreams(m);
      case 'best_practices':
        return bestPractices(m);
      case 'seller_map':
        return sellerMap(m);
      case 'follow_up':
        return followUp(m);
      default: {
        const unknown: never = id;
        throw new Error(`unknown section ${String(unknown)}`);
      }
    }
  })();
  return `<section id="${id}" class="section"><h2>${esc(SECTION_TITLES[id])}</h2>${body}</section>`;
}
