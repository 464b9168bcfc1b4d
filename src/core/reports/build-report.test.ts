import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertReportMonth, REPORT_MONTH } from '../../../test/support/report-data.ts';
import { insertSellers } from '../../../test/support/seller-map-data.ts';
import { buildReport } from './build-report.ts';
import { FINDING_RULES } from './finding-rules.ts';
import type { Finding, ReportModel } from './report-model.ts';

const NOW = new Date('2026-04-01T09:00:00Z');

describe('the monthly report on a hand-built month', () => {
  let db: Database;
  let model: ReportModel;
  const finding = (rule: string, ref?: string): Finding => {
    const found = model.findings.find((f) => f.rule === rule && (ref === undefined || f.evidence.ref === ref));
    if (!found) throw new Error(`no ${rule} finding; got ${model.findings.map((f) => f.rule).join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertReportMonth(db);
    model = await buildReport(db, { kind: 'monthly', period: REPORT_MONTH, now: NOW });
  });
  afterAll(() => db.close());

  it('covers the month against February and March 2025', () => {
    expect(model.range).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(model.previousRange).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(model.lastYearRange).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    const gmv = model.kpis.find((k) => k.metric === 'gmv');
    expect(gmv).toMatchObject({ value: 9990, previous: 4200, lastYear: 3100, target: 20000 });
  });

  it('fires every finding rule of the catalog on this month', () => {
    const fired = new Set(model.findings.map((f) => f.rule));
    expect([...FINDING_RULES.map((r) => r.id)].filter((id) => !fired.has(id))).toEqual([]);
  });

  it('states the KPI changes with their numbers', () => {
    const gmv = finding('kpi_change', 'gmv');
    expect(gmv.numbers).toEqual({ value: 9990, previous: 4200, change: 1.378571 });
    expect(gmv.sentence).toBe('GMV rose 137.9% to $9,990 against the previous month ($4,200).');
    expect(gmv.tone).toBe('good');
    expect(finding('kpi_change', 'orders').numbers).toEqual({ value: 94, previous: 56, change: 0.678571 });
    expect(model.findings.filter((f) => f.rule === 'kpi_change').map((f) => f.evidence.ref)).toEqual(['gmv', 'orders']);
  });

  it('compares with last year and with the targets', () => {
    expect(finding('last_year_change').numbers).toEqual({ value: 9990, lastYear: 3100, change: 2.222581 });
    expect(finding('last_year_change').sentence).toBe('GMV is +222.3% against the same month last year ($9,990 vs $3,100).');
    const behind = finding('target_behind');
    expect(behind.numbers).toEqual({ value: 9990, target: 20000, progress: 0.4995 });
    expect(behind.sentence).toBe('GMV reached 50% of its target ($9,990 of $20,000).');
    expect(finding('target_ahead').numbers).toEqual({ value: 94, target: 80, progress: 1.175 });
  });

  it('names the sellers that moved most and the subcategory that swung', () => {
    expect(finding('top_mover_up').numbers).toEqual({ seller: 'big', value: 6200, previous: 2800, change: 3400 });
    expect(finding('top_mover_up').sentence).toBe('Big Kitchen added the most GMV: $3,400 more than the previous month ($6,200 vs $2,800).');
    expect(finding('top_mover_up').evidence).toEqual({ section: 'movers', ref: 'big', link: '/sellers/big' });
    expect(finding('top_mover_down').numbers).toEqual({ seller: 'fall', value: 310, previous: 1400, change: -1090 });
    const swing = finding('subcategory_swing');
    expect(swing.numbers).toMatchObject({ subcategory: 'Kitchen', value: 6200, change: 1.214286 });
    expect(swing.numbers.share).toBeCloseTo(6200 / 9990, 6);
  });

  it('counts the alerts of the month only, with their explanations', () => {
    expect(model.alerts).toHaveLength(1);
    expect(model.alerts[0]).toMatchObject({ severity: 'critical', sentence: 'GMV was 900 on 2026-03-15 against 300 usually, driven by Big Kitchen.' });
    expect(finding('alerts_raised').numbers).toEqual({ count: 1, critical: 1 });
    expect(finding('alerts_raised').sentence).toBe('1 alert was raised for the month, 1 of them critical.');
  });

  it('picks the best session from the leaderboard', () => {
    expect(model.sessions.length).toBeGreaterThan(0);
    const best = finding('best_session');
    expect(best.numbers).toMatchObject({ session: model.sessions[0]?.id, gpm: 100, gmv: 100 });
    expect(best.evidence.link).toBe(`/livestreams/${model.sessions[0]?.id}`);
  });

  it('reads the seller map changes from the segments before and after the month', () => {
    expect(model.sellerMap.newSellers).toBe(2);
    expect(model.sellerMap.newList.map((s) => s.sellerId).sort()).toEqual(['newbie', 'riser']);
    expect(model.sellerMap.churnedList.map((s) => s.sellerId)).toEqual(['gone']);
    expect(model.sellerMap.tierMoves.map((m) => [m.sellerId, m.from, m.to, m.direction])).toEqual([
      ['riser', 'C', 'B', 'up'],
      ['fall', 'B', 'C', 'down'],
    ]);
    expect(finding('new_sellers').numbers).toEqual({ count: 2 });
    expect(finding('churned_sellers').numbers).toEqual({ count: 1 });
    expect(finding('tier_moves').numbers).toEqual({ ups: 1, downs: 1 });
    expect(finding('tier_moves').sentence).toBe('1 seller moved up a tier and 1 moved down.');
    expect(finding('new_sellers').sentence).toBe('2 new sellers started selling this month.');
  });

  it('leaves the live seller map untouched', async () => {
    const rows = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM seller_segments`);
    expect(rows[0]?.n).toBe(0);
  });

  it('lists the follow-up overdue the day after the month', () => {
    expect(model.followUp).toMatchObject({ communications: 1, previousCommunications: 0, openTasks: 1, overdue: 2 });
    expect(model.followUp.actions.map((a) => a.title).sort()).toEqual(['Call Falling Decor about the drop', 'Send the livestream slots']);
    expect(finding('overdue_follow_ups').numbers).toEqual({ count: 2 });
    expect(finding('overdue_follow_ups').sentence).toBe('2 follow-ups are overdue at the end of the month (tasks and next actions).');
  });
});

describe('finding rules that must stay quiet', () => {
  it('says nothing about changes, movers, the seller map or follow-up on a flat week', async () => {
    const db = await openMigratedMemoryDb();
    try {
      await insertSellers(db, [
        { id: 'a', subcategory: 'kitchen', gmv: [{ back: [120, 0], gmv: 100 }] },
        { id: 'b', subcategory: 'skin', gmv: [{ back: [120, 0], gmv: 50 }] },
      ]);
      const model = await buildReport(db, { kind: 'weekly', period: '2026-W13', now: NOW });
      expect(model.range).toEqual({ from: '2026-03-23', to: '2026-03-29' });
      expect(model.kpis.find((k) => k.metric === 'gmv')?.value).toBe(1050);
      const rules = new Set(model.findings.map((f) => f.rule));
      for (const quiet of ['kpi_change', 'last_year_change', 'target_behind', 'target_ahead', 'top_mover_up', 'top_mover_down', 'subcategory_swing', 'alerts_raised', 'best_session', 'new_sellers', 'churned_sellers', 'tier_moves', 'overdue_follow_ups']) {
        expect(rules.has(quiet), quiet).toBe(false);
      }
    } finally {
      await db.close();
    }
  });
});
