/**
 * Markdown notes for the demo: a profile note per top-tier seller whose figures are read from the
 * generated facts (so the note agrees with every page), and a few team notes — playbooks and
 * checklists a category team keeps. Texts are made up; ids are explicit (see workspace-ids.ts).
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { DemoPlan } from './demo-plan.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import { advanceSequence, idBase } from './workspace-ids.ts';

const SELLER_OBSERVATIONS = [
  'Hero SKUs sell out on campaign days; stock depth is the main constraint.',
  'Strong repeat buyers; reviews mention fast delivery.',
  'Listing photos are inconsistent across variants.',
  'Live sessions start late and lose viewers in the first ten minutes.',
  'Price is above similar sellers; vouchers carry most of the conversion.',
  'Good short videos, but product cards lack size charts.',
  'Responsive team; usually replies within a day.',
  'Wants more exposure in category campaigns.',
];

const NEXT_STEPS = [
  'Agree hero SKUs and stock for the next double-day',
  'Book a livestream coaching session',
  'Share the listing quality guide',
  'Propose a bundle for payday week',
  'Review pricing against the top three competitors',
];

const TEAM_NOTES: readonly { title: string; tags: readonly string[]; body: string }[] = [
  {
    title: 'Livestream best practices (Lifestyle)',
    tags: ['livestream', 'playbook'],
    body: '# Livestream best practices\n\n- **Hook in the first minute**: lead with the best offer.\n- **Rotate products** every 10–15 minutes and recap for newcomers.\n- **Demonstrate**: hands-on, close-ups, before/after for personal care.\n- **Pin the product** you are talking about; answer comments by name.\n- Evening slots (19:00–23:00) bring the most viewers.\n',
  },
  {
    title: 'Personal care compliance checklist',
    tags: ['compliance', 'personal_care'],
    body: '# Compliance checklist\n\n1. No medical claims ("cures", "treats", "heals").\n2. Prices on screen match the product page.\n3. Before/after only with real, unedited results.\n4. Fragrance and skin care: show the ingredients list on request.\n',
  },
  {
    title: 'Double-day campaign playbook',
    tags: ['campaign', 'playbook'],
    body: '# Double-day playbook\n\n| When | What |\n|---|---|\n| D-14 | Confirm hero SKUs and stock |\n| D-7 | Vouchers and bundles set up |\n| D-1 | Warm-up live, teaser videos |\n| D-day | Three live slots, hourly flash deals |\n| D+3 | Retro: GMV vs target, stock-outs |\n',
  },
  {
    title: 'How we score livestreams',
    tags: ['livestream', 'rubric'],
    body: '# How we score livestreams\n\nUse the active rubric; every criterion from 1 to 5 with its written anchors.\nScore **what you saw**, not the GMV. Two reviewers on the same session compare notes when they differ by 2 or more.\n',
  },
];

export async function insertNotes(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<number> {
  const base = await idBase(tx, 'notes');
  const i = sql`d.idx`;
  const sellerNotes = await tx.run(sql`
    INSERT INTO notes (id, title, body_md, tags, seller_id, created_by, created_at, updated_at)
    WITH recent AS (
      SELECT seller_id, sum(gmv) AS gmv, sum(orders) AS orders, sum(live_gmv) AS live_gmv
      FROM seller_days WHERE date > CAST(${plan.to} AS DATE) - 30 GROUP BY seller_id
    ), chosen AS (
      SELECT d.idx, s.id, s.shop_name, s.tier, s.seller_type, s.city, s.account_manager,
        coalesce(r.gmv, 0) AS gmv, coalesce(r.orders, 0) AS orders, coalesce(r.live_gmv, 0) AS live_gmv,
        ${rnd.pick(SELLER_OBSERVATIONS, 'note_a', i)} AS first_observation,
        ${rnd.pick(SELLER_OBSERVATIONS, 'note_b', i)} AS second_observation,
        ${rnd.pick(NEXT_STEPS, 'note_step', i)} AS next_step,
        CAST(${plan.to} AS DATE) - CAST(${rnd.below(30, 'note_day', i)} AS INTEGER) AS written
      FROM demo_sellers d JOIN sellers s ON s.id = d.id LEFT JOIN recent r ON r.seller_id = d.id
      WHERE d.tier = 'S'
    )
    SELECT ${lit(base)} + row_number() OVER (ORDER BY idx), 'Seller profile: ' || shop_name,
      '## ' || shop_name || E'\n\n'
        || '**Tier ' || tier || '** · ' || seller_type || ' · ' || coalesce(city, 'city unknown')
        || ' · account manager ' || coalesce(account_manager, 'none') || E'\n\n'
        || '**Last 30 days:** GMV ' || format('{:,.2f}', gmv) || ' · ' || format('{:,}', orders) || ' orders · live share '
        || format('{:.0f}%', CASE WHEN gmv > 0 THEN 100 * live_gmv / gmv ELSE 0 END) || E'\n\n'
        || E'### Observations\n\n- ' || first_observation
        || CASE WHEN second_observation <> first_observation THEN E'\n- ' || second_observation ELSE '' END
        || E'\n\n### Next steps\n\n- [ ] ' || next_step || E'\n',
      ['seller', lower(tier) || '_tier'], id, 'demo',
      timezone(${plan.timezone}, CAST(written AS TIMESTAMP) + INTERVAL 15 HOUR),
      timezone(${plan.timezone}, CAST(written AS TIMESTAMP) + INTERVAL 15 HOUR)
    FROM chosen`);
  const teamBase = base + sellerNotes;
  const teamNotes = await tx.run(sql`
    INSERT INTO notes (id, title, body_md, tags, seller_id, created_by, created_at, updated_at)
    SELECT ${lit(teamBase)} + i + 1, list_element(${sqlList(TEAM_NOTES.map((n) => n.title))}, i + 1),
      list_element(${sqlList(TEAM_NOTES.map((n) => n.body))}, i + 1),
      list_element([${sql.join(TEAM_NOTES.map((n) => sql`CAST(${sqlList(n.tags)} AS VARCHAR[])`))}], i + 1),
      NULL, 'demo', written, written
    FROM (
      SELECT i, timezone(${plan.timezone}, CAST(least(CAST(${plan.to} AS DATE), CAST(${plan.from} AS DATE) + CAST(i * 7 AS INTEGER))
        AS TIMESTAMP) + INTERVAL 11 HOUR) AS written
      FROM range(${lit(TEAM_NOTES.length)}) r(i)
    )`);
  await advanceSequence(tx, 'notes');
  return sellerNotes + teamNotes;
}
