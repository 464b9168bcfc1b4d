/**
 * Turns a rule's reason template ("Sold {gmv} in the last 28 days…") into SQL that fills it from
 * the rule's evidence columns, each formatted by its declared format, so 100,000 reasons are
 * written inside DuckDB. A placeholder that names no evidence field is a bug in the catalog and
 * fails at once (the catalog test renders every template).
 */
import { sql, type Sql } from '../../db/sql.ts';
import { countText, moneyText, percentText } from '../segments/reason-text.sql.ts';
import type { EvidenceField, EvidenceFormat } from './rule-types.ts';

export function evidenceText(column: Sql, format: EvidenceFormat, currency: string): Sql {
  switch (format) {
    case 'money':
      return moneyText(column, currency);
    case 'percent':
      return percentText(column);
    case 'count':
      return countText(column);
    case 'number':
      return sql`coalesce(CAST(round(${column}, 2) AS VARCHAR), '—')`;
    case 'days':
      return sql`coalesce(CAST(${column} AS VARCHAR) || ' days', '—')`;
    case 'date':
    case 'text':
      return sql`coalesce(CAST(${column} AS VARCHAR), '—')`;
    default: {
      const unknown: never = format;
      throw new Error(`unknown evidence format ${String(unknown)}`);
    }
  }
}

const PLACEHOLDER = /\{([a-z0-9_]+)\}/g;

/** SQL concatenating the template's text with the formatted evidence columns of row alias `r`. */
export function fillReason(template: string, fields: readonly EvidenceField[], currency: string): Sql {
  const parts: Sql[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    const field = fields.find((f) => f.name === name);
    if (!field) throw new Error(`reason template names {${name}}, which is not an evidence field`);
    if (match.index > last) parts.push(sql`${template.slice(last, match.index)}`);
    parts.push(evidenceText(sql`r.${sql.ident(name)}`, field.format, currency));
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(sql`${template.slice(last)}`);
  return parts.length ? sql`(${sql.join(parts, ' || ')})` : sql`''`;
}

/** A JSON object {field: value} of the evidence columns of row alias `r` (money rounded to cents). */
export function evidenceJson(fields: readonly EvidenceField[]): Sql {
  const pairs = fields.flatMap((f) => {
    const column = sql`r.${sql.ident(f.name)}`;
    const value = f.format === 'money' ? sql`round(${column}, 2)` : f.format === 'percent' ? sql`round(${column}, 6)` : f.format === 'date' ? sql`CAST(${column} AS VARCHAR)` : column;
    return [sql`${f.name}`, value];
  });
  return sql`json_object(${sql.join(pairs)})`;
}
