/**
 * The demo's calendar: one row per day with the multipliers that give the data its rhythm —
 * weekend lift, payday (25th to the 1st), the marketplace's double-day campaigns (9.9, 10.10, the
 * 11.11 peak, 12.12), Black Friday and Cyber Monday, a slow growth trend and a little day-level
 * noise. Sellers and livestreams multiply their own numbers by these, so every series shares the
 * same peaks, as real category data does.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { lit, type DemoRandom } from './demo-random.sql.ts';
import type { DemoPlan } from './demo-plan.ts';

interface CampaignRule {
  label: Sql;
  /** Condition over `mon`, `dom`, `dow` (ISO, Monday = 1) and `d`. */
  when: string;
  lift: number;
  discount: number;
}

const BLACK_FRIDAY = (date: string): string =>
  `(month(${date}) = 11 AND isodow(${date}) = 5 AND day(${date}) BETWEEN 22 AND 28)`;

const RULES: readonly CampaignRule[] = [
  { label: sql`'11.11'`, when: 'mon = 11 AND dom = 11', lift: 4.0, discount: 0.25 },
  { label: sql`'12.12'`, when: 'mon = 12 AND dom = 12', lift: 3.2, discount: 0.22 },
  { label: sql`'10.10'`, when: 'mon = 10 AND dom = 10', lift: 2.5, discount: 0.2 },
  { label: sql`'9.9'`, when: 'mon = 9 AND dom = 9', lift: 2.4, discount: 0.2 },
  { label: sql`'Black Friday'`, when: BLACK_FRIDAY('d'), lift: 2.2, discount: 0.2 },
  { label: sql`'Cyber Monday'`, when: BLACK_FRIDAY('(d - INTERVAL 3 DAY)'), lift: 1.8, discount: 0.15 },
  { label: sql`printf('%d.%d', mon, dom)`, when: 'mon = dom', lift: 1.6, discount: 0.12 },
  {
    label: sql`printf('%d.%d warm-up', month(d + INTERVAL 1 DAY), day(d + INTERVAL 1 DAY))`,
    when: 'month(d + INTERVAL 1 DAY) = day(d + INTERVAL 1 DAY) AND month(d + INTERVAL 1 DAY) >= 9',
    lift: 1.25,
    discount: 0.05,
  },
];

/** Monday … Sunday. Weekends sell more. */
const WEEKLY = [0.92, 0.94, 0.96, 0.99, 1.06, 1.15, 1.12];
const PAYDAY_LIFT = 1.15;
/** Yearly growth of the whole category (log scale). */
const GROWTH_PER_YEAR = 0.3;

function caseOf(pick: (rule: CampaignRule) => Sql, otherwise: Sql): Sql {
  const branches = RULES.map((rule) => sql` WHEN ${sql.raw(rule.when)} THEN ${pick(rule)}`);
  return sql`CASE${sql.join(branches, '')} ELSE ${otherwise} END`;
}

export async function createCalendar(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<void> {
  const weekly = sql`[${sql.join(WEEKLY.map(lit))}]`;
  await tx.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_days AS
    WITH days AS (
      SELECT CAST(i AS INTEGER) AS day_idx, CAST(${plan.from} AS DATE) + CAST(i AS INTEGER) AS d
      FROM range(${lit(plan.days)}) r(i)
    ), parts AS (
      SELECT day_idx, d, isodow(d) AS dow, day(d) AS dom, month(d) AS mon FROM days
    ), campaigns AS (
      SELECT *,
        ${caseOf((r) => r.label, sql`NULL`)} AS campaign,
        ${caseOf((r) => lit(r.lift), lit(1))} AS lift,
        ${caseOf((r) => lit(r.discount), lit(0))} AS discount,
        (dom >= 25 OR dom = 1) AS payday
      FROM parts
    )
    SELECT day_idx, d, dow, campaign, payday, discount + (CASE WHEN payday THEN 0.05 ELSE 0 END) AS discount,
      lift * list_element(${weekly}, dow) * (CASE WHEN payday THEN ${lit(PAYDAY_LIFT)} ELSE 1 END)
        * exp(${lit(GROWTH_PER_YEAR)} * (day_idx - ${lit(plan.days - 1)}) / 365.0)
        * exp(0.04 * ${rnd.normal('day_noise', sql`day_idx`)}) AS factor,
      -- Sellers go live more often on campaign days and weekends.
      least(1.8, sqrt(lift) * (CASE WHEN dow >= 6 THEN 1.15 ELSE 1 END)) AS live_lift
    FROM campaigns`);
}
