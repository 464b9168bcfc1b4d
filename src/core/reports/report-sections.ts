/**
 * The sections a report is made of, declared once, and the manager's layout per report kind: which
 * sections are shown, in what order, and a free-text commentary that every format prints as it is
 * (it is the only free text in a report, and it is signed by the layout's last editor). Stored in
 * the setting `reports.layout.<kind>`; every change is audited.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { UserError } from '../shared/errors.ts';
import type { ReportKind } from './report-period.ts';

export const SECTION_IDS = ['commentary', 'findings', 'kpis', 'charts', 'movers', 'alerts', 'livestreams', 'best_practices', 'seller_map', 'follow_up'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  commentary: 'Commentary',
  findings: 'Key findings',
  kpis: 'KPIs against previous period, last year and target',
  charts: 'Trends and breakdown',
  movers: 'Top movers',
  alerts: 'Alerts',
  livestreams: 'Livestream highlights',
  best_practices: 'Best practices and areas for improvement',
  seller_map: 'Seller map changes',
  follow_up: 'Follow-up and actions',
};

export const MAX_COMMENTARY = 4000;

export interface ReportLayout {
  kind: ReportKind;
  /** Every section, in the order it is printed. */
  order: SectionId[];
  hidden: SectionId[];
  commentary: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

const layoutKey = (kind: ReportKind) => `reports.layout.${kind}`;

export function defaultLayout(kind: ReportKind): ReportLayout {
  return { kind, order: [...SECTION_IDS], hidden: [], commentary: '', updatedBy: null, updatedAt: null };
}

function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && (SECTION_IDS as readonly string[]).includes(value);
}

/** Keeps a stored or submitted order complete: known sections once each, missing ones appended in catalog order. */
function completeOrder(order: readonly unknown[]): SectionId[] {
  const seen = new Set<SectionId>();
  for (const id of order) if (isSectionId(id)) seen.add(id);
  return [...seen, ...SECTION_IDS.filter((id) => !seen.has(id))];
}

export async function getReportLayout(executor: Executor, kind: ReportKind): Promise<ReportLayout> {
  const [row] = await executor.query<{ value: string; updated_at: string | null }>(
    sql`SELECT value, CAST(updated_at AS VARCHAR) AS updated_at FROM settings WHERE key = ${layoutKey(kind)}`,
  );
  if (!row) return defaultLayout(kind);
  const stored = JSON.parse(row.value) as Partial<{ order: unknown[]; hidden: unknown[]; commentary: string; updatedBy: string }>;
  return {
    kind,
    order: completeOrder(stored.order ?? []),
    hidden: (stored.hidden ?? []).filter(isSectionId),
    commentary: typeof stored.commentary === 'string' ? stored.commentary : '',
    updatedBy: stored.updatedBy ?? null,
    updatedAt: row.updated_at,
  };
}

export interface LayoutInput {
  order?: string[];
  hidden?: string[];
  commentary?: string;
}

export async function setReportLayout(executor: Executor, actor: Actor, kind: ReportKind, input: LayoutInput): Promise<ReportLayout> {
  const before = await getReportLayout(executor, kind);
  for (const id of [...(input.order ?? []), ...(input.hidden ?? [])]) {
    if (!isSectionId(id)) throw new UserError(`unknown report section "${id}"`, { hint: `sections: ${SECTION_IDS.join(', ')}` });
  }
  const commentary = (input.commentary ?? before.commentary).trim();
  if (commentary.length > MAX_COMMENTARY) {
    throw new UserError(`the commentary is ${commentary.length} characters long`, { hint: `keep it under ${MAX_COMMENTARY} characters` });
  }
  const next = {
    order: input.order ? completeOrder(input.order) : before.order,
    hidden: input.hidden ? [...new Set(input.hidden as SectionId[])] : before.hidden,
    commentary,
    updatedBy: actor.label,
  };
  await executor.run(sql`
    INSERT INTO settings (key, value) VALUES (${layoutKey(kind)}, ${JSON.stringify(next)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  await writeAudit(executor, actor, {
    action: 'update',
    entity: 'report_layout',
    entityId: kind,
    before: { order: before.order, hidden: before.hidden, commentary: before.commentary },
    after: { order: next.order, hidden: next.hidden, commentary: next.commentary },
  });
  return getReportLayout(executor, kind);
}

/** The sections a report prints, in order; commentary only when there is some. */
export function visibleSections(layout: ReportLayout): SectionId[] {
  return layout.order.filter((id) => !layout.hidden.includes(id) && (id !== 'commentary' || layout.commentary.length > 0));
}
