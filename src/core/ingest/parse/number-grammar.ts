/**
 * The written forms of a number, as RE2 patterns shared by the integer, number, money and rate
 * parsers. They are only ever used for whole-text tests (cheap DFA matches), so a value like
 * `12USD34` or `1,23,4` is rejected instead of being stitched into a number.
 *
 * Separator rule (per value, because a row cannot see its neighbours):
 *   - both `.` and `,` present: the last one is the decimal mark (`1,234.50`, `1.234,50`);
 *   - one kind repeated: thousands groups of exactly three digits (`1,234,567`, `1.234.567`);
 *   - a lone `,` followed by exactly three digits after a non-zero lead is a thousands
 *     separator (`1,234` → 1234); any other lone `,` is a decimal comma (`1,5`, `0,125`, `12,34`);
 *   - a lone `.` is a decimal point (`1.234` → 1.234), except where the parser knows better
 *     (see `LONE_DOT_GROUP`);
 *   - spaces (also non-breaking and thin) and apostrophes only ever group thousands
 *     (`1 234,50`, `1'234.50`).
 */
import { WS } from './blank.ts';

export { WS };

export const SIGN = String.raw`[-+\x{2212}]`;

/** Currency written with letters (case-insensitive); after a magnitude letter it needs a space. */
export const CURRENCY_WORD = String.raw`(?i:us\$|s\$|hk\$|rp\.?|rm|usd|idr|myr|thb|vnd|php|sgd|cny|rmb|eur|jpy|gbp|krw|inr|hkd|twd)`;
export const CURRENCY_SYMBOL = String.raw`[$¥￥€£฿₫₱₩₹元đ]`;
export const CURRENCY = `(?:${CURRENCY_WORD}|${CURRENCY_SYMBOL})`;

const GROUP_SPACE = String.raw`[ \x{00A0}\x{2009}\x{202F}'\x{2019}]`;
const LEAD = String.raw`[1-9]\d{0,2}`;
const FRACTION = String.raw`\d{1,20}`;

/** Digits with thousands groups and an optional decimal part. */
export const NUMBER_CORE = [
  String.raw`${LEAD}(?:,\d{3}){1,5}(?:\.${FRACTION})?`,
  String.raw`${LEAD}(?:\.\d{3}){1,5}(?:,${FRACTION})?`,
  String.raw`${LEAD}(?:${GROUP_SPACE}\d{3}){1,5}(?:[.,]${FRACTION})?`,
  String.raw`\d{1,18}(?:[.,]${FRACTION})?`,
]
  .map((alternative) => `(?:${alternative})`)
  .join('|');
const CORE = `(?:${NUMBER_CORE})`;

const MAGNITUDE_LETTER = String.raw`(?:[bB][nN]|rb|jt|[kKmMbBwW])`;
const MAGNITUDE_CJK = String.raw`[万萬亿億千]`;

/** What may follow the digits: a magnitude (`K`, `万`…) and/or a currency. */
const TAIL = String.raw`(?:${WS}*${MAGNITUDE_CJK}(?:${WS}*${CURRENCY})?|${WS}*${MAGNITUDE_LETTER}(?:${WS}*${CURRENCY_SYMBOL}|${WS}+${CURRENCY_WORD})?|${WS}*${CURRENCY})?`;
const PREFIX = String.raw`(?:${SIGN}${WS}*(?:${CURRENCY}${WS}*)?|${CURRENCY}${WS}*(?:${SIGN}${WS}*)?)?`;

/** A signed amount with optional currency and magnitude, or the accounting form `(1,234.50)`. */
export const AMOUNT = String.raw`${WS}*(?:${PREFIX}${CORE}${TAIL}|(?:${CURRENCY}${WS}*)?\(${WS}*(?:${CURRENCY}${WS}*)?${CORE}${TAIL}${WS}*\)(?:${WS}*${CURRENCY})?)${WS}*`;

/** A signed number with a percent sign (rates): `3.4%`, `-0,15 %`. */
export const PERCENT = String.raw`${WS}*(?:${SIGN}${WS}*)?${CORE}${WS}*%${WS}*`;

/** A signed number without decoration (rates written as fractions, `0,034`). */
export const BARE = String.raw`${WS}*(?:${SIGN}${WS}*)?${CORE}${WS}*`;

/** Shapes of the digits, tested on the whole decorated text (`\D*` absorbs currency and signs). */
export const DOT_DECIMAL = String.raw`\D*(?:${LEAD}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\D*`;
export const COMMA_DECIMAL = String.raw`\D*(?:${LEAD}(?:\.\d{3})+,\d+|${LEAD}(?:\.\d{3}){2,}|\d+,\d+)\D*`;

/** A number core with sign, currency and accounting parentheses but no magnitude. */
function decorated(core: string): string {
  const currencyAfter = `(?:${WS}*${CURRENCY})?`;
  return String.raw`${WS}*(?:${PREFIX}${core}${currencyAfter}|(?:${CURRENCY}${WS}*)?\(${WS}*(?:${CURRENCY}${WS}*)?${core}${currencyAfter}${WS}*\)${currencyAfter})${WS}*`;
}

/** Whole thousands groups (up to 15 digits) without decimals or magnitude: `1,234`, `Rp 1.234.567`. */
export const GROUPED_WHOLE = decorated(
  String.raw`(?:${LEAD}(?:,\d{3}){1,4}|${LEAD}(?:\.\d{3}){2,4}|${LEAD}(?:${GROUP_SPACE}\d{3}){1,4})`,
);

/** `1.234` and nothing else but sign and currency: thousands or three decimals? (see parsers) */
export const LONE_DOT_GROUP = decorated(String.raw`${LEAD}\.\d{3}`);

/** Currencies whose amounts never carry decimals, so `Rp 15.000` is fifteen thousand. */
export const WHOLE_CURRENCY_MARK = String.raw`(?i:.*(?:rp|idr|vnd)|.*[₫đ]).*`;

/** A minus sign or an accounting parenthesis. */
export const NEGATIVE = String.raw`[-\x{2212}(]`;

/** Magnitude suffixes and the power of ten each stands for. A letter must not run into a word. */
export const MAGNITUDE_ANY = String.raw`\d${WS}*(?:[kKmMbBwW万萬亿億千]|rb|jt)`;
const END_OF_WORD = '(?:[^A-Za-z]|$)';
export const MAGNITUDES: readonly { pattern: string; exponent: number }[] = [
  { pattern: String.raw`\d${WS}*(?:(?:[kK]|rb)${END_OF_WORD}|千)`, exponent: 3 },
  { pattern: String.raw`\d${WS}*(?:[wW]${END_OF_WORD}|[万萬])`, exponent: 4 },
  { pattern: String.raw`\d${WS}*(?:[mM]|jt)${END_OF_WORD}`, exponent: 6 },
  { pattern: String.raw`\d${WS}*[亿億]`, exponent: 8 },
  { pattern: String.raw`\d${WS}*[bB][nN]?${END_OF_WORD}`, exponent: 9 },
];

/** From the first digit to the last, across thousands separators and the decimal mark. */
export const DIGIT_SPAN = String.raw`\d(?:[\d.,${GROUP_SPACE.slice(1, -1)}]*\d)?`;
