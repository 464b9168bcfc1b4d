import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { insertAlertSeries } from '../../../../test/support/alert-series.ts';
import { acknowledgeAlert, createAlertRule, getLastScan, listAlerts, scanAlerts, type Alert } from './index.ts';

// Hand-built series (test/support/alert-series.ts) from August to mid-November 2026; 11.11 is a
// Wednesday, 2026-11-15 a Sunday. Every test scans a fresh database.
let db: Database;

async function setUp(drop?: { seller: string; from: string; factor: number }): Promise<void> {
  db = await openMigratedMemoryDb();
  await insertAlertSeries(db, { from: '2026-08-01', to: '2026-11-15', ...(drop ? { drop } : {}) });
}

afterEach(async () => {
  await db.close();
});

const open = async (): Promise<Alert[]> => (await listAlerts(db, { status: 'open', limit: 500 })).alerts;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('scanAlerts on hand-built series', () => {
  it('stays quiet on an ordinary week', async () => {
    await setUp();
    const summary = await scanAlerts(db, { asOf: '2026-11-08' });
    expect(summary.judged).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(summary.found).toBe(0);
    expect(await open()).toEqual([]);
  });

  it('stays quiet on the 11.11 peak: the campaign day and its warm-up are not judged or used as baseline', async () => {
    await setUp();
    const summary = await scanAlerts(db, { asOf: '2026-11-15' });
    expect(summary.skippedCampaignDays).toEqual([
      { date: '2026-11-10', label: '11.11 warm-up' },
      { date: '2026-11-11', label: '11.11' },
    ]);
    expect(await open()).toEqual([]);
    const [gmv] = (await db.query<{ gmv: number }>(sql`SELECT sum(gmv) AS gmv FROM seller_days WHERE date = '2026-11-11'`));
    expect(gmv?.gmv).toBeGreaterThan(10_000); // the peak is really in the data: ×4 a normal Wednesday
  });

  it('finds a planted drop with its severity, and contributions that add up to the change', async () => {
    await setUp({ seller: 'k1', from: '2026-11-12', factor: 0.2 });
    const summary = await scanAlerts(db, { asOf: '2026-11-15' });
    expect(summary.created).toBeGreaterThan(0);
    const alerts = await open();

    // The whole category, per day: one run of four unusual days, critical.
    const day = alerts.find((a) => a.scope === 'category' && a.metric === 'gmv' && a.grain === 'day');
    expect(day).toMatchObject({ period: '2026-11-12', periodFrom: '2026-11-12', periodTo: '2026-11-15', severity: 'critical', direction: 'down', status: 'new' });
    const explanation = day?.explanation;
    if (!day || !explanation) throw new Error('no category alert with an explanation');
    expect(explanation.change).toBeCloseTo((day.observed ?? 0) - (day.expected ?? 0), 1);
    expect(sum(explanation.subcategories.map((s) => s.contribution))).toBeCloseTo(explanation.change, 1);
    expect(sum(explanation.sellers.map((s) => s.contribution)) + (explanation.otherSellers ?? 0)).toBeCloseTo(explanation.change, 1);
    expect(explanation.subcategories[0]?.name).toBe('Kitchen');
    expect(explanation.sellers[0]).toMatchObject({ key: 'k1', name: 'Kitchen King', subcategory: { id: 'kitchen', name: 'Kitchen' } });
    expect(explanation.sellers[0]?.shareOfChange).toBeGreaterThan(0.9);
    expect(explanation.sentence).toMatch(/^GMV −\d+% vs the usual Sunday; (all|\d+%) of the drop comes from Kitchen King \(Kitchen\)/);
    expect(explanation.basis).toContain('Sundays before');

    // The seller itself (its week: a seller's single day alerts only when it all but stops) and its subcategory.
    expect(alerts.find((a) => a.scope === 'seller:k1' && a.metric === 'gmv')).toMatchObject({ grain: 'week', severity: 'critical' });
    expect(alerts.find((a) => a.scope === 'subcategory:kitchen' && a.metric === 'gmv' && a.grain === 'week')).toMatchObject({ period: '2026-W46', periodFrom: '2026-11-09', periodTo: '2026-11-15' });
    expect(alerts.filter((a) => a.scope.startsWith('seller:') && a.scope !== 'seller:k1')).toEqual([]);
    expect(alerts.filter((a) => a.scope === 'subcategory:home_decor')).toEqual([]);
  });

  it('raises a critical alert when a steady seller (MAD = 0) stops selling, without dividing by zero', async () => {
    await setUp({ seller: 'c1', from: '2026-11-14', factor: 0 });
    await scanAlerts(db, { asOf: '2026-11-15' });
    const alert = (await open()).find((a) => a.scope === 'seller:c1' && a.metric === 'gmv' && a.grain === 'day');
    expect(alert).toMatchObject({ severity: 'critical', observed: 0, expected: 300, periodFrom: '2026-11-14', periodTo: '2026-11-15' });
    expect(Number.isFinite(alert?.z)).toBe(true);
    expect(alert?.explanation?.sentence).toMatch(/^Steady Co: GMV −100% vs the usual Sunday; orders −100%/);
  });

  it('does not duplicate on a re-scan, and keeps an acknowledged alert acknowledged', async () => {
    await setUp({ seller: 'k1', from: '2026-11-12', factor: 0.2 });
    await scanAlerts(db, { asOf: '2026-11-15' });
    const first = await open();
    const target = first.find((a) => a.scope === 'category' && a.grain === 'day' && a.metric === 'gmv');
    if (!target) throw new Error('no category alert');
    await acknowledgeAlert(db, CLI_ACTOR, target.id);

    const again = await scanAlerts(db, { asOf: '2026-11-15', days: 7 });
    expect(again).toMatchObject({ created: 0, reopened: 0, cleared: 0 });
    expect(again.updated).toBe(first.length);
    const second = await open();
    expect(second.map((a) => a.id).sort()).toEqual(first.map((a) => a.id).sort());
    expect(second.find((a) => a.id === target.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'cli' });
    const [count] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM alerts`);
    expect(count?.n).toBe(first.length);
  });

  it('clears an anomaly that a corrected import removed', async () => {
    await setUp({ seller: 'k1', from: '2026-11-12', factor: 0.2 });
    await scanAlerts(db, { asOf: '2026-11-15' });
    expect((await open()).length).toBeGreaterThan(0);
    // The export was wrong: the real numbers arrive.
    await db.run(sql`UPDATE seller_days SET gmv = gmv * 5, orders = orders * 5 WHERE seller_id = 'k1' AND date >= '2026-11-12'`);
    const rescan = await scanAlerts(db, { asOf: '2026-11-15', days: 7 });
    expect(rescan.cleared).toBeGreaterThan(0);
    expect(await open()).toEqual([]);
    const resolved = (await listAlerts(db, { status: 'resolved' })).alerts;
    expect(resolved.every((a) => a.resolvedBy === 'system')).toBe(true);
  });

  it('fires a threshold rule and clears it when the value comes back', async () => {
    await setUp({ seller: 'd1', from: '2026-11-13', factor: 0.1 });
    const rule = await createAlertRule(db, CLI_ACTOR, { metric: 'gmv', scope: 'subcategory:home_decor', comparator: '<', threshold: 1300, grain: 'day', severity: 'critical' });
    expect(rule.name).toBe('GMV of Home Decor below $1,300 in a day');
    await scanAlerts(db, { asOf: '2026-11-15' });
    const fired = (await open()).filter((a) => a.rule === `threshold:${rule.id}`);
    expect(fired.map((a) => a.period).sort()).toEqual(['2026-11-13', '2026-11-14', '2026-11-15']);
    expect(fired[0]).toMatchObject({ kind: 'threshold', ruleName: rule.name, severity: 'critical', expected: 1300, direction: 'down', scopeLabel: 'Home Decor' });
    expect(fired[0]?.explanation?.sentence).toMatch(/^Home Decor: GMV \$[\d,]+ in 2026-11-1\d, below \$1,300; −\d+% vs the \w+day before; (all|\d+%) of the drop comes from Decor Den/);

    await db.run(sql`UPDATE seller_days SET gmv = gmv * 10 WHERE seller_id = 'd1' AND date >= '2026-11-13'`);
    const rescan = await scanAlerts(db, { asOf: '2026-11-15', days: 3 });
    expect(rescan.cleared).toBeGreaterThanOrEqual(3); // the three days, and the anomalies of the same drop
    const after = (await listAlerts(db, { status: 'resolved' })).alerts.filter((a) => a.rule === `threshold:${rule.id}`);
    expect(after.map((a) => [a.period, a.resolvedBy]).sort()).toEqual([['2026-11-13', 'system'], ['2026-11-14', 'system'], ['2026-11-15', 'system']]);
  });

  it('judges the days since the last scan and records the scan', async () => {
    await setUp();
    await scanAlerts(db, { asOf: '2026-11-05', reason: 'daily' });
    expect(await getLastScan(db)).toMatchObject({ asOf: '2026-11-05', reason: 'daily' });
    const next = await scanAlerts(db, { asOf: '2026-11-08' });
    expect(next.judged).toEqual({ from: '2026-11-06', to: '2026-11-08' });
    const same = await scanAlerts(db, { asOf: '2026-11-08' });
    expect(same.judged).toEqual({ from: '2026-11-08', to: '2026-11-08' });
  });

  it('records an empty scan on a workspace without data', async () => {
    db = await openMigratedMemoryDb();
    const summary = await scanAlerts(db);
    expect(summary).toMatchObject({ asOf: null, judged: null, found: 0 });
    expect(await getLastScan(db)).toMatchObject({ asOf: null });
  });
});
