/**
 * A number as plain decimal text, the way a value parser expects it: no exponent ("1e+21",
 * "1.5e-7" are what JavaScript prints) and no float noise beyond the double Excel stored, because
 * the shortest text that reads back to the same double is used.
 */
const EXPONENT = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

export function formatPlainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  if (!text.includes('e')) return text;
  const match = EXPONENT.exec(text);
  if (!match) return text;
  const [, sign = '', lead = '', fraction = '', exponent = '0'] = match;
  const digits = lead + fraction;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
