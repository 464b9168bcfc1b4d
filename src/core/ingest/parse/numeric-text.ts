/**
 * Turns a decorated number that already passed a grammar test (`Rp 1.234.567`, `(1,234.50)`,
 * `1.2万`, `3,4 %`) into plain cast text `-1234.50e4`. The magnitude becomes an exponent instead of
 * a multiplication, so `1.1K` is exactly 1100 and money keeps exact decimals. The digits come from
 * one digit-span extract and `replace()` calls chosen by whole-text shape tests, not from capture
 * groups, which cost several times more per row in DuckDB.
 */
import { sql, type Sql } from '../../db/sql.ts';
import {
  COMMA_DECIMAL,
  DIGIT_SPAN,
  DOT_DECIMAL,
  MAGNITUDE_ANY,
  MAGNITUDES,
  NEGATIVE,
} from './number-grammar.ts';
import { contains, fullMatch, literal } from './sql-pattern.ts';

/**
 * The digits and separators without currency, sign, magnitude and spaces around them: the span
 * from the first digit to the last (the grammar already guaranteed nothing else lies between).
 */
export function numberCore(raw: Sql): Sql {
  return sql`regexp_extract(${raw}, ${literal(DIGIT_SPAN)})`;
}

/** `-` when the text is negative (minus sign or accounting parentheses), else empty. */
export function signText(raw: Sql): Sql {
  return sql`(CASE WHEN ${contains(raw, NEGATIVE)} THEN '-' ELSE '' END)`;
}

/** The digits with `.` as the only (optional) decimal mark, by the separator rule of the grammar. */
export function plainDigits(raw: Sql): Sql {
  const core = numberCore(raw);
  return sql`(CASE WHEN ${fullMatch(raw, DOT_DECIMAL)} THEN replace(${core}, ',', '')
    WHEN ${fullMatch(raw, COMMA_DECIMAL)} THEN replace(replace(${core}, '.', ''), ',', '.')
    ELSE replace(regexp_replace(${core}, '[^0-9.,]', '', 'g'), ',', '.') END)`;
}

/** For `1.234` read as a thousands group: the signed digits without the dot. */
export function thousandsOnly(raw: Sql): Sql {
  return sql`(${signText(raw)} || replace(${numberCore(raw)}, '.', ''))`;
}

/** `e0`, `e3`, `e4`… for no magnitude, K/千/rb, 万/w, M/jt, 亿, B/bn. */
export function magnitudeExponent(raw: Sql): Sql {
  const cases = MAGNITUDES.map(
    (m) => sql`WHEN ${contains(raw, m.pattern)} THEN ${literal(`e${m.exponent}`)}`,
  );
  return sql`(CASE WHEN NOT ${contains(raw, MAGNITUDE_ANY)} THEN 'e0' ${sql.join(cases, ' ')} ELSE 'e0' END)`;
}

/** Complete cast text, e.g. `-1234.50e3`; `exponent` overrides the magnitude (rates use `e-2`). */
export function castText(raw: Sql, exponent: Sql = magnitudeExponent(raw)): Sql {
  return sql`(${signText(raw)} || ${plainDigits(raw)} || ${exponent})`;
}
