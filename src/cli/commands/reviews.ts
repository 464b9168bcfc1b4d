/**
 * `aisle reviews list|queue|calibration`: livestream reviews from the command line through the
 * same core as the review pages. Writing reviews is done on the session page (or PUT
 * /api/reviews/sessions/:id); the CLI reads.
 */
import type { Command } from 'commander';
import { getSettings } from '../../core/shared/settings.ts';
import { MAX_QUEUE, reviewCalibration, reviewQueue } from '../../core/livestreams/reviews/review-analysis.ts';
import { listReviews } from '../../core/livestreams/reviews/reviews.ts';
import { dateOption, integerOption } from '../parse-options.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';
import { formatFigure } from './livestreams.ts';

const split = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined);

function table(header: string[], rows: string[][], rightFrom: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= rightFrom ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function registerReviews(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const reviews = program.command('reviews').description('livestream reviews: list them, the review queue and reviewer calibration');

  reviews
    .command('list', { isDefault: true })
    .description('reviews across sessions, newest first')
    .option('--session <ID>', 'reviews of one session')
    .option('--reviewer <EMAIL>', 'reviews by one reviewer')
    .option('--seller <ID>', "reviews of one seller's sessions")
    .option('--tag <TAG>', 'reviews carrying this tag')
    .option('--from <YYYY-MM-DD>', 'sessions from this day', dateOption)
    .option('--to <YYYY-MM-DD>', 'sessions up to this day', dateOption)
    .option('--limit <N>', 'how many', integerOption('--limit', 1, 500), 50)
    .option('--json', 'the list as JSON on stdout')
    .action(
      action(async (o: { session?: string; reviewer?: string; seller?: string; tag?: string; from?: string; to?: string; limit: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const list = await listReviews(db, { livestreamId: o.session, reviewer: o.reviewer, sellerId: o.seller, tag: o.tag, from: o.from, to: o.to, limit: o.limit });
          if (o.json) return void process.stdout.write(`${JSON.stringify(list)}\n`);
          process.stderr.write(`${list.rows.length} of ${list.total} reviews\n`);
          const rows = list.rows.map((r) => [r.livestreamId, r.startedLocal, r.sellerName, r.reviewer, `v${r.rubricVersion}`, r.score.toFixed(2), r.score100.toFixed(1), r.tags.join(',')]);
          process.stdout.write(rows.length ? table(['session', 'started', 'seller', 'reviewer', 'rubric', 'score', '0-100', 'tags'], rows, 5) : '(no reviews)\n');
        });
      }),
    );

  reviews
    .command('queue')
    .description("top sellers' sessions of last week nobody reviewed yet, highest GMV first")
    .option('--from <YYYY-MM-DD>', 'first day (default: Monday of the last complete week)', dateOption)
    .option('--to <YYYY-MM-DD>', 'last day', dateOption)
    .option('--tier <TIERS>', 'seller tiers, comma-separated (default S,A)')
    .option('--limit <N>', 'how many', integerOption('--limit', 1, MAX_QUEUE), 20)
    .option('--json', 'the queue as JSON on stdout')
    .action(
      action(async (o: { from?: string; to?: string; tier?: string; limit: number; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const queue = await reviewQueue(db, { from: o.from, to: o.to, tiers: split(o.tier), limit: o.limit });
          if (o.json) return void process.stdout.write(`${JSON.stringify(queue)}\n`);
          process.stderr.write(`${queue.from} – ${queue.to}, tiers ${queue.tiers.join(', ')}: ${queue.total} waiting, ${queue.reviewed} reviewed\n`);
          const { currency } = await getSettings(db);
          const rows = queue.rows.map((r) => [r.id, r.startedLocal, r.sellerName, r.tier ?? '—', r.host ?? '—', formatFigure(r.liveGmv, 'money', currency), r.peerScore?.toFixed(1) ?? '—']);
          process.stdout.write(rows.length ? table(['session', 'started', 'seller', 'tier', 'host', 'gmv', 'peers'], rows, 5) : '(nothing waiting)\n');
        });
      }),
    );

  reviews
    .command('calibration')
    .description('sessions with several reviewers, biggest disagreement first, and how far each reviewer sits from the others')
    .option('--from <YYYY-MM-DD>', 'sessions from this day', dateOption)
    .option('--to <YYYY-MM-DD>', 'sessions up to this day', dateOption)
    .option('--flagged', 'only sessions where two reviewers differ by 2+ points')
    .option('--json', 'as JSON on stdout')
    .action(
      action(async (o: { from?: string; to?: string; flagged?: boolean; json?: boolean }) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const c = await reviewCalibration(db, { from: o.from, to: o.to, flaggedOnly: o.flagged });
          if (o.json) return void process.stdout.write(`${JSON.stringify(c)}\n`);
          const rows = c.sessions.map((s) => [s.livestreamId, s.startedLocal, s.sellerName, s.reviewers.join(', '), String(s.maxSpread), s.flaggedCriteria.join(', ') || '—']);
          process.stdout.write(rows.length ? table(['session', 'started', 'seller', 'reviewers', 'spread', 'disagree on'], rows, 99) : '(no session has two reviewers)\n');
          const people = c.reviewers.map((r) => [r.reviewer, String(r.sharedSessions), r.meanOffset === null ? '—' : `${r.meanOffset > 0 ? '+' : ''}${r.meanOffset.toFixed(2)}`, String(r.disagreements)]);
          if (people.length) process.stdout.write(`\n${table(['reviewer', 'shared', 'offset', 'disagreements'], people, 1)}`);
        });
      }),
    );
}
