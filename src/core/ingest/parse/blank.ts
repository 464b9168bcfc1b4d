/**
 * What counts as "no value": empty text, whitespace (including the non-breaking and thin spaces
 * that spreadsheets and web exports leave behind) and the placeholders exports write for nothing
 * (`-`, `--`, `—`, `N/A`, `null`, `none`, `#N/A`). A blank parses to NULL without an error in every
 * type — never to 0 — and requiredness is checked by the caller.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { contains, fullMatch, literal } from './sql-pattern.ts';

/** Every space-like character a cell may carry: ASCII whitespace, NBSP, the Unicode spaces, BOM. */
const SPACE_CODE_POINTS = [
  0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** The same characters as plain text, for DuckDB's `trim(text, characters)`. */
export const SPACE_CHARS = String.fromCodePoint(...SPACE_CODE_POINTS);

/** RE2 class matching one space-like character (kept in step with SPACE_CHARS). */
export const WS = String.raw`[\s\x{00A0}\x{1680}\x{2000}-\x{200B}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;

const PLACEHOLDERS = String.raw`(?:|-|--|\x{2014}|\x{2013}|(?i:n/a|na|null|none|#n/a))`;
const BLANK = `${WS}*${PLACEHOLDERS}${WS}*`;

/** TRUE when the raw text is NULL, empty, whitespace or a placeholder for "no value". */
export function isBlank(raw: Sql): Sql {
  return sql`(${raw} IS NULL OR ${fullMatch(raw, BLANK)})`;
}

/** Edge characters DuckDB's plain `trim()` keeps: tab, line breaks, zero-width space and BOM. */
const UNTRIMMED_EDGE = String.raw`^[\t\n\x0B\x0C\r\x{200B}\x{FEFF}]|[\t\n\x0B\x0C\r\x{200B}\x{FEFF}]$`;

/**
 * The text without surrounding space-like characters. Plain `trim()` already strips spaces and the
 * Unicode space separators (NBSP, thin space, ideographic space) and is cheap; `trim(text, set)`
 * costs time per character in the set, so it only runs on the rare cells with a tab, line break
 * or BOM at an edge.
 */
export function trimmed(raw: Sql): Sql {
  return sql`(CASE WHEN ${contains(raw, UNTRIMMED_EDGE)} THEN trim(${raw}, ${literal(SPACE_CHARS)}) ELSE trim(${raw}) END)`;
}
