/**
 * `aisle livestreams list|show`: livestream sessions from the command line through the same core
 * services as the Livestreams pages, so a session's percentile reads the same everywhere. `--json`
 * prints only JSON on stdout (the API's shapes); a refusal exits 1, a malformed option 2.
 */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { PERIOD_PRESETS, type PeriodPreset } from '../../core/kpis/periods.ts';
import { getLivestream, type LivestreamDetail } from '../../core/livestreams/session-detail.ts';
import { LIVESTREAM_SORT_COLUMNS, listLivestreams, MAX_PAGE_SIZE, type LivestreamList } from '../../core/livestreams/session-list.ts';
import { SCORE_BAND_NAMES, type ScoreBand } from '../../core/livestreams/session-metrics.ts';
import { getSessionReviews, type SessionReviews } from '../../core/livestreams/reviews/review-analysis.ts';
import { QUALITY_BAND_NAMES, type QualityBand, type QualityScore } from '../../core/livestreams/reviews/review-scores.sql.ts';
import type { MetricFormat } from '../../core/metrics/types.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';
import { getObservedSession } from '../../core/livestreams/events/observed-session.ts';
import { observedLines } from './livestream-observed.ts';

interface ListOptions {
  seller?: string;
  subcategory?: string;
  host?: string;
  q?: string;
  band?: string;
  reviewed?: 'yes' | 'no';
  scoreBand?: string;
  period?: PeriodPreset;
  from?: string;
  to?: string;
  sort: string;
  asc?: boolean;
  limit: number;
  page: number;
  json?: boolean;
}

const split = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined);

function sortOption(value: string): string {
  if (!LIVESTREAM_SORT_COLUMNS.includes(value)) throw new InvalidArgumentError(`expected one of ${LIVESTREAM_SORT_COLUMNS.join(', ')}.`);
  return value;
}

function bandOption(value: string): string {
  const bad = split(value)?.find((b) => !(SCORE_BAND_NAMES as readonly string[]).includes(b));
  if (bad !== undefined) throw new InvalidArgumentError(`expected bands from ${SCORE_BAND_NAMES.join(', ')}.`);
  return value;
}

function qualityBandOption(value: string): string {
  const bad = split(value)?.find((b) => !(QUALITY_BAND_NAMES as readonly string[]).includes(b));
  if (bad !== undefined) throw new InvalidArgumentError(`expected bands from ${QUALITY_BAND_NAMES.join(', ')}.`);
  return value;
}

const oneDecimal = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** "Quality 62.5 = rubric 75.0 (50%) + peers 50.0 (50%)", saying which part is missing. */
export function qualityLine(q: QualityScore): string {
  if (q.score === null) return 'Quality score: — (not reviewed and too few peers)';
  const parts = `rubric ${q.rubric === null ? '— (not reviewed)' : oneDecimal(q.rubric)}, peers ${q.peers === null ? '— (too few peers)' : oneDecimal(q.peers)}`;
  const how = q.basis === 'rubric_and_peers' ? `${q.weights.rubric * 100}/${q.weights.peers * 100}` : `${q.basis === 'rubric' ? 'rubric' : 'peers'} only`;
  return `Quality score: ${oneDecimal(q.score)} (${how}: ${parts})`;
}

export function formatFigure(value: number | null, format: MetricFormat, currency: string): string {
  if (value === null) return '—';
  switch (format) {
    case 'money':
      return value.toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 2 });
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'duration':
      return value >= 60 ? `${Math.floor(value / 60)}m ${Math.round(value % 60)}s` : `${Math.round(value)}s`;
    case 'count':
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    default: {
      const unknown: never = format;
      return String(unknown);
    }
  }
}

const percentileText = (p: number | null) => (p === null ? '—' : `p${Math.round(p * 100)}`);

function printList(list: LivestreamList): void {
  const { current } = list.period;
  process.stderr.write(
    `${current.from} – ${current.to}, sorted by ${list.sort.column} ${list.sort.direction}: ${list.rows.length} of ${list.total} sessions\n`,
  );
  const header = ['id', 'started', 'seller', 'host', 'views', 'gmv', 'ctr', 'gpm', 'gmv/h', 'peers', 'reviews', 'quality'];
  const rows = list.rows.map((r) => [
    r.id,
    r.started_local,
    r.seller_name,
    r.host ?? '—',
    formatFigure(r.views, 'count', list.currency),
    formatFigure(r.live_gmv, 'money', list.currency),
    formatFigure(r.ctr, 'rate', list.currency),
    formatFigure(r.gpm, 'money', list.currency),
    formatFigure(r.gmv_per_live_hour, 'money', list.currency),
    oneDecimal(r.peer_score),
    String(r.reviews),
    oneDecimal(r.quality_score),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  process.stdout.write([line(header), ...rows.map(line), ...(rows.length ? [] : ['(no sessions)'])].join('\n') + '\n');
}

function printReviews(r: SessionReviews): string[] {
  if (r.reviews.length === 0) return ['Reviews: none yet (aisle reviews queue lists what to review next)'];
  const out = [`Reviews: ${r.reviews.length}, rubric score ${r.rubricScore?.toFixed(2) ?? '—'} / 5`];
  for (const review of r.reviews) {
    out.push(`  ${review.reviewer} (rubric v${review.rubricVersion}): ${review.score.toFixed(2)} / 5 = ${review.score100.toFixed(1)}` +
      `${review.tags.length ? ` · ${review.tags.join(', ')}` : ''}${review.notes ? ` — ${review.notes}` : ''}`);
  }
  if (r.agreement.reviewers >= 2) {
    const flagged = r.agreement.criteria.filter((c) => c.flagged);
    out.push(flagged.length
      ? `  Reviewers disagree on ${flagged.map((c) => `${c.label} (${c.min}–${c.max})`).join(', ')}`
      : `  Reviewers agree within ${r.agreement.maxSpread ?? 0} point(s) on every criterion`);
  }
  return out;
}

function printDetail(d: LivestreamDetail, reviews: SessionReviews): void {
  const s = d.session;
  const out = [
    `${s.title ?? s.id} — ${s.seller_name}${s.host ? `, host ${s.host}` : ''}`,
    `${s.started_local} · ${formatFigure(s.duration_s, 'duration', d.currency)} · session ${s.id}`,
    `Peers: ${d.peerGroup.peers} sessions of ${d.peerGroup.subcategoryName ?? 'no subcategory'}, ${d.peerGroup.bandLabel}, ${d.peerGroup.from} – ${d.peerGroup.to}`,
    `Peer score: ${d.peerScore === null ? '—' : d.peerScore.toFixed(1)}${d.scoreBand ? ` (${d.scoreBand})` : ''}`,
    qualityLine(d.quality),
    ...printReviews(reviews),
    '',
    `Funnel: ${d.funnel.map((f) => `${f.label} ${formatFigure(f.value, f.format, d.currency)}`).join(' → ')}`,
    '',
  ];
  const rows = d.benchmarks.map((b) => [
    b.label,
    formatFigure(b.value, b.format, d.currency),
    formatFigure(b.peerMedian, b.format, d.currency),
    percentileText(b.percentile),
    b.rating ?? (b.value === null ? 'no value' : 'too few peers'),
  ]);
  const header = ['metric', 'value', 'peer median', 'percentile', 'rating'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i > 0 && i < 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  out.push(line(header), ...rows.map(line), '', d.decomposition.sentence);
  if (d.hostTrend?.weeks.length) {
    const t = d.hostTrend;
    out.push('', `Host trend (${t.direction ?? 'too few weeks'}${t.slope === null ? '' : `, ${t.slope > 0 ? '+' : ''}${t.slope} points a week`}): ${t.weeks.map((w) => `${w.week} ${w.score ?? '—'}`).join(' · ')}`);
  }
  out.push('', d.minutes > 0 ? `Minute timeline: ${d.minutes} minutes (see the session page)` : 'No per-minute data for this session.');
  process.stdout.write(`${out.join('\n')}\n`);
}

export function registerLivestreams(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const livestreams = program.command('livestreams').description('livestream sessions: list with peer scores, show one with its benchmarks');

  livestreams
    .command('list', { isDefault: true })
    .description('sessions of a period with their rates and peer score (default: the last 7 days, newest first)')
    .option('--seller <IDS>', 'seller ids, comma-separated')
    .option('--subcategory <IDS>', 'subcategory ids, comma-separated')
    .option('--host <NAMES>', 'host names, comma-separated')
    .option('--q <TEXT>', 'part of the title, host or seller name')
    .option('--band <BANDS>', `peer score bands: ${SCORE_BAND_NAMES.join(', ')}`, bandOption)
    .addOption(new Option('--reviewed <YES_NO>', 'only sessions with (yes) or without (no) a review').choices(['yes', 'no']))
    .option('--score-band <BANDS>', `quality score bands: ${QUALITY_BAND_NAMES.join(', ')}`, qualityBandOption)
    .addOption(new Option('--period <P>', 'period preset (ends on the latest day with data)').choices([...PERIOD_PRESETS]))
    .option('--from <YYYY-MM-DD>', 'first day (with --to: a custom period)', dateOption)
    .option('--to <YYYY-MM-DD>', 'last day', dateOption)
    .option('--sort <COLUMN>', `sort column: ${LIVESTREAM_SORT_COLUMNS.join(', ')}`, sortOption, 'started_at')
    .option('--asc', 'ascending (default descending)')
    .option('--limit <N>', 'sessions per page', integerOption('--limit', 1, MAX_PAGE_SIZE), 50)
    .option('--page <N>', 'page number', integerOption('--page', 1, 1_000_000), 1)
    .option('--json', 'the list as JSON on stdout')
    .action(
      action(async (options: ListOptions) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const list = await listLivestreams(db, {
            period: options.period,
            from: options.from,
            to: options.to,
            page: options.page,
            pageSize: options.limit,
            sort: { column: options.sort, direction: options.asc ? 'asc' : 'desc' },
            filters: {
              seller: split(options.seller),
              subcategory: split(options.subcategory),
              host: split(options.host),
              q: options.q,
              band: split(options.band) as ScoreBand[] | undefined,
              reviewed: options.reviewed === undefined ? undefined : options.reviewed === 'yes',
              scoreBand: split(options.scoreBand) as QualityBand[] | undefined,
            },
          });
          if (options.json) process.stdout.write(`${JSON.stringify(list)}\n`);
          else printList(list);
        });
      }),
    );

  livestreams
    .command('show')
    .description("one session: funnel, every rate against its peers, the funnel's weakest step and the host trend")
    .argument('<id>', 'the session id (see `aisle livestreams list`)')
    .option('--json', 'the session as JSON on stdout')
    .action(
      action(async (id: string, options: { json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const detail = await getLivestream(db, id);
          if (options.json) process.stdout.write(`${JSON.stringify(detail)}\n`);
          else {
            printDetail(detail, await getSessionReviews(db, id));
            process.stdout.write(`${observedLines(await getObservedSession(db, id)).join('\n')}\n`);
          }
        });
      }),
    );
}
