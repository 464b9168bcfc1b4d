import { describe, expect, it } from 'vitest';
import { stagedRows, withStage } from '../../../../test/fixtures/read-stage.ts';
import { StageAppender } from './stage-appender.ts';

describe('StageAppender', () => {
  it('appends in batches and widens the table when a wider row arrives', async () => {
    await withStage(async (target) => {
      const stage = await StageAppender.create(target, 'stage', 2);
      for (let row = 1; row <= 6_000; row++) await stage.add(row, [`a${row}`, null]);
      await stage.add(6_001, ['x', null, null, 'wide']);
      await stage.add(6_003, ['y']);
      await stage.close();
      expect([stage.rowCount, stage.columnCount]).toEqual([6_002, 4]);
      const rows = await stagedRows(target);
      expect(rows.length).toBe(6_002);
      expect(rows.slice(-3)).toEqual([
        [6_000, 'a6000'],
        [6_001, 'x', null, null, 'wide'],
        [6_003, 'y'],
      ]);
    });
  });
});
