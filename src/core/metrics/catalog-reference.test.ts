import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogMarkdown, metricCatalog } from './catalog-reference.ts';

describe('metric reference', () => {
  it('docs/metrics.md is generated from the current catalog (run `npm run docs:metrics` after changing it)', async () => {
    const onDisk = await readFile(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(catalogMarkdown());
  });

  it('lists which dimensions each metric can be split by', () => {
    const { metrics } = metricCatalog();
    const byName = new Map(metrics.map((m) => [m.name, m]));
    expect(byName.get('gmv')?.dimensions).toContain('channel');
    expect(byName.get('live_gmv')?.dimensions).toContain('host');
    expect(byName.get('live_gmv')?.dimensions).not.toContain('channel');
    expect(byName.get('live_gmv_share')?.dimensions).not.toContain('host');
    expect(byName.get('seller_adoption_rate')).toMatchObject({ type: 'ratio', from: ['live_sellers', 'engaged_sellers'], additive: false });
    expect(byName.get('view_seconds')?.internal).toBe(true);
  });
});
