import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseBooleanSql } from './parse-boolean.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('parseBooleanSql', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['y', true],
    ['1', true],
    ['ya', true],
    ['YA', true],
    ['是', true],
    ['✓', true],
    ['✔', true],
    [' yes ', true],
    ['false', false],
    ['No', false],
    ['N', false],
    ['0', false],
    ['tidak', false],
    ['Tidak', false],
    ['否', false],
    ['✗', false],
  ])('reads %j as %s', async (raw, expected) => {
    expect(await parseOne(db, parseBooleanSql, raw)).toEqual([expected, null]);
  });

  it.each(['maybe', '2', 'yes!', 'ok', '1.0'])('refuses %j', async (raw) => {
    expect(await parseOne(db, parseBooleanSql, raw)).toEqual([
      null,
      'not a yes/no value (expected e.g. yes, no, true, false, 1, 0)',
    ]);
  });
});
