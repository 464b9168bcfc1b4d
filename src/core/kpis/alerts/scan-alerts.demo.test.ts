import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { generateDemo } from '../../demo/generate-demo.ts';
import type { PlantedStory } from '../../demo/planted-stories.ts';
import { listAlerts, scanAlerts, type Alert, type ScanSummary } from './index.ts';

// A real demo, small enough to build in seconds, ending three days after 11.11 so the scan's week
// holds the 11.11 peak and its warm-up day — next to the planted seller collapse (last 3 weeks) and
// Home Decor dip (last 2 weeks), which the scan must find and explain by name.
let db: Database;
let stories: PlantedStory[];
let summary: ScanSummary;
let alerts: Alert[];

beforeAll(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
  stories = (await generateDemo(db, { sellers: 1000, days: 100, seed: 42, end: '2025-11-14' })).stories;
  summary = await scanAlerts(db, { reason: 'test' });
  alerts = (await listAlerts(db, { status: 'open', limit: 500 })).alerts;
}, 120_000);

afterAll(async () => {
  await db.close();
});

function story<K extends PlantedStory['kind']>(kind: K): Extract<PlantedStory, { kind: K }> {
  const found = stories.find((s): s is Extract<PlantedStory, { kind: K }> => s.kind === kind);
  if (!found) throw new Error(`the demo planted no ${kind}`);
  return found;
}

describe('alert scan on the demo', () => {
  it('finds the seller that collapsed, as a critical drop whose explanation names it', () => {
    const collapse = story('seller_collapse');
    const found = alerts.find((a) => a.scope === `seller:${collapse.sellerId}` && a.metric === 'gmv' && a.direction === 'down');
    expect(found).toMatchObject({ severity: 'critical', scopeLabel: collapse.sellerName });
    expect(found?.explanation?.sentence.startsWith(`${collapse.sellerName}: GMV −`)).toBe(true);
    expect(found?.explanation?.changeRatio).toBeLessThan(-0.5);
  });

  it('finds the Home Decor dip, explained by subcategory name with the sellers behind it', () => {
    const dip = story('subcategory_dip');
    const found = alerts.find((a) => a.scope === `subcategory:${dip.subcategoryId}` && a.metric === 'gmv' && a.direction === 'down');
    expect(found?.severity).toMatch(/warning|critical/);
    expect(found?.explanation?.sentence).toMatch(/^Home Decor: GMV −\d+% vs the usual (week|\w+day)/);
    expect(found?.explanation?.sellers.length).toBeGreaterThan(0);
  });

  it('raises nothing on 11.11 or its warm-up day', () => {
    expect(summary.skippedCampaignDays.map((d) => d.date)).toEqual(['2025-11-10', '2025-11-11']);
    const onPeak = alerts.filter((a) => a.grain === 'day' && ['2025-11-10', '2025-11-11'].some((d) => a.periodFrom === d || a.periodTo === d));
    expect(onPeak).toEqual([]);
    expect(alerts.filter((a) => a.scope === 'category' && a.direction === 'up')).toEqual([]);
  });
});
