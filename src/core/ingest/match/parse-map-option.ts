/**
 * Reads repeated `--map "Source header=field"` options into a header mapping. The split is at the
 * last `=`, because a source header may contain one ("A=B=field") and a field name never does;
 * `"Source header="` ignores the column.
 */
import { UserError } from '../../shared/errors.ts';
import type { HeaderMapping } from './match-columns.ts';

export function parseMapOptions(values: readonly string[]): HeaderMapping {
  const mapping: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const source = at < 0 ? '' : value.slice(0, at).trim();
    if (!source) {
      throw new UserError(`--map ${JSON.stringify(value)} is not "Source header=field"`, {
        hint: 'write --map "Order No=order_id", or --map "Order No=" to ignore that column',
      });
    }
    if (Object.hasOwn(mapping, source)) throw new UserError(`--map names "${source}" twice`);
    mapping[source] = value.slice(at + 1).trim();
  }
  return mapping;
}
