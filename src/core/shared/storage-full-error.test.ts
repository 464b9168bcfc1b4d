import { describe, expect, it } from 'vitest';
import { storageFullError, UserError } from './errors.ts';

describe('storageFullError', () => {
  it('turns ENOSPC and DuckDB’s "No space left on device" into an error the user can act on', () => {
    const fs = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const duck = new Error('IO Error: Could not write file "/data/aisle.duckdb": No space left on device');
    for (const raw of [fs, duck]) {
      const error = storageFullError(raw);
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ code: 'storage_full', message: "the disk that holds Aisle's data is full: the change was not saved" });
      expect(error?.cause).toBe(raw);
    }
  });

  it('leaves every other error alone', () => {
    expect(storageFullError(new Error('Constraint Error: duplicate key'))).toBeNull();
    expect(storageFullError(Object.assign(new Error('denied'), { code: 'EACCES' }))).toBeNull();
    expect(storageFullError('text')).toBeNull();
  });
});
