/**
 * `aisle livestreams best-practices`: what the top quartile of a subcategory's sessions does
 * differently, and with `--seller ID` that seller's improvement areas — the same core services as
 * the Best practices tab and the seller page. `--json` prints the API's shape only.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { getBestPractices, type BestPractices, type NumericFinding, type ShareFinding } from '../../core/livestreams/best-practices/best-practices.ts';
import { formatValue } from '../../core/livestreams/best-practices/format-value.ts';
import { getImprovementAreas, type ImprovementAreas } from '../../core/livestreams/best-practices/improvement-areas.ts';
import { OUTCOMES, type Outcome } from '../../core/livestreams/best-practices/practice-features.ts';
import { dateOption } from '../parse-options.ts';
import { action } from '../run-command.ts';
import { withWorkspace } from '../workspace.ts';

interface Options {
  subcategory?: string;
  rankBy?: Outcome;
  from?: string;
  to?: string;
  seller?: string;
  json?: boolean;
}

function table(header: string[], rows: string[][], rightFrom: number): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= rightFrom && i < header.length - 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** `large (strong evidence)`, or `uncertain` when the evidence is weak. */
function verdictText(f: NumericFinding | ShareFinding): string {
  return f.strength === 'weak' ? 'uncertain' : `${f.size} (${f.strength} evidence)`;
}

function numericRows(findings: NumericFinding[], currency: string): string[][] {
  return findings.map((f) => [
    f.label,
    formatValue(f.topMedian, f.format, currency),
    formatValue(f.restMedian, f.format, currency),
    `${Math.round(f.superiority * 100)}%`,
    `${f.topSessions} vs ${f.restSessions}`,
    verdictText(f),
  ]);
}

function shareRows(findings: ShareFinding[]): string[][] {
  return findings.map((f) => [
    f.label,
    `${Math.round(f.topShare * 100)}%`,
    `${Math.round(f.restShare * 100)}%`,
    `${f.difference >= 0 ? '+' : '−'}${Math.abs(Math.round(f.difference * 100))} pts`,
    `${f.topSessions} vs ${f.restSessions}`,
    verdictText(f),
  ]);
}

export function printBestPractices(b: BestPractices): string {
  const out = [
    `${b.from} – ${b.to}: top quartile of each subcategory by ${b.outcomeLabel}, ${b.sessions.top} top vs ${b.sessions.rest} other sessions` +
      ` (${b.sessions.reviewedTop + b.sessions.reviewedRest} reviewed)`,
  ];
  const left = b.subcategories.filter((s) => !s.included);
  if (left.length) out.push(`Left out (fewer than 8 ranked sessions): ${left.map((s) => s.subcategoryName ?? 'no subcategory').join(', ')}`);
  if (b.sessions.top === 0) {
    out.push('', 'Too few sessions to find a top quartile: choose every subcategory or a longer range.');
    return `${out.join('\n')}\n`;
  }
  out.push('', 'What the best do differently:', ...(b.highlights.length ? b.highlights.map((h, i) => `  ${i + 1}. ${h}`) : ['  no difference with enough evidence yet']));
  const numericHeader = ['', 'top median', 'others', 'top higher', 'sessions', 'verdict'];
  const shareHeader = ['', 'top', 'others', 'gap', 'sessions', 'verdict'];
  const sections: [string, string[][], string[]][] = [
    ['Session habits', numericRows(b.habits, b.currency), numericHeader],
    ['Start hour', shareRows(b.startHours), shareHeader],
    ['Interaction', numericRows(b.interactions, b.currency), numericHeader],
    ['Rubric criteria', numericRows(b.rubric, b.currency), numericHeader],
    ['Review tags', shareRows(b.tags), shareHeader],
  ];
  for (const [title, rows, header] of sections) {
    if (rows.length === 0) continue;
    out.push('', title, ...table(header, rows, 1).map((l) => `  ${l}`));
  }
  return `${out.join('\n')}\n`;
}

export function printImprovementAreas(a: ImprovementAreas): string {
  const out = [`${a.sellerName}: ${a.sessions} session${a.sessions === 1 ? '' : 's'} from ${a.from} to ${a.to}`];
  if (a.areas.length === 0) out.push(a.note ?? 'No improvement area.');
  a.areas.forEach((area, i) => {
    out.push('', `${i + 1}. ${area.headline}`, `   ${area.evidence}`, `   → ${area.action}`);
  });
  return `${out.join('\n')}\n`;
}

/** Adds `best-practices` to the `aisle livestreams` command. */
export function registerBestPractices(program: Command): void {
  const dataDir = () => program.opts<{ dataDir?: string }>().dataDir;
  const livestreams = program.commands.find((c) => c.name() === 'livestreams');
  if (!livestreams) throw new Error('register the livestreams command before best-practices');
  livestreams
    .command('best-practices')
    .description("what the top quartile of each subcategory's sessions does differently (default: the last 8 weeks); with --seller, that seller's improvement areas")
    .option('--subcategory <ID>', 'one subcategory id (default: every subcategory)')
    .addOption(new Option('--rank-by <OUTCOME>', 'what the top quartile is ranked by').choices([...OUTCOMES]).default('gpm'))
    .option('--from <YYYY-MM-DD>', 'first day', dateOption)
    .option('--to <YYYY-MM-DD>', 'last day (default: the latest day with data)', dateOption)
    .option('--seller <ID>', "a seller's two or three improvement areas instead")
    .option('--json', 'the result as JSON on stdout')
    .action(
      action(async (options: Options) => {
        await withWorkspace(dataDir(), async ({ db }) => {
          const range = { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
          if (options.seller) {
            const areas = await getImprovementAreas(db, options.seller, range);
            process.stdout.write(options.json ? `${JSON.stringify(areas)}\n` : printImprovementAreas(areas));
            return;
          }
          const result = await getBestPractices(db, {
            ...range,
            outcome: options.rankBy,
            ...(options.subcategory === undefined ? {} : { subcategory: options.subcategory }),
          });
          process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : printBestPractices(result));
        });
      }),
    );
}
