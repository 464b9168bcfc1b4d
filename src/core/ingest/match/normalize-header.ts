/**
 * Header normalisation shared by column matching and header detection. Two headers match when
 * they differ only in case, spaces, punctuation, Latin accents or full-width forms: "Order ID",
 * "order_id", "ORDER-ID" and "ＯＲＤＥＲ－ＩＤ" all become `orderid`. A unit or currency in
 * parentheses ("Revenue (Rp)", "销售额（元）") is kept in the full key and dropped in the
 * stripped key, so "GMV (LIVE)" can still mean LIVE GMV while "GMV (Rp)" means GMV.
 *
 * Trap: only the Latin combining accents (U+0300–U+036F) are removed. Thai vowel and tone marks
 * are combining characters too, and removing them would merge different Thai words.
 */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const CAMEL_BOUNDARY = /(\p{Ll})(\p{Lu})/gu;
// Letters that do not decompose into base + accent.
const FOLDED: Record<string, string> = { đ: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe' };

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CAMEL_BOUNDARY, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .replace(/[đøłßæœ]/g, (ch) => FOLDED[ch] ?? ch)
    .normalize('NFC');
}

/** Words of a header, folded: "Avg. Viewing Duration (s)" → ["avg", "viewing", "duration", "s"]. */
export function headerTokens(header: string): string[] {
  return fold(header).split(NOT_WORD).filter(Boolean);
}

/** The comparison key: folded letters and digits only. */
export function headerKey(header: string): string {
  return headerTokens(header).join('');
}

/** The key without bracketed parts: "Revenue (Rp)" → `revenue`. Equal to the key when none. */
export function strippedHeaderKey(header: string): string {
  return headerKey(header.normalize('NFKC').replace(BRACKETED, ' '));
}
