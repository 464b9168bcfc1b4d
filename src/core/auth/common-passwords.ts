/**
 * Passwords that appear at the top of every leaked-password list, plus their obvious variants.
 * A password that matches (case-insensitively, ignoring trailing digits and punctuation) is refused.
 */
const WORDS = [
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'qwerty', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'letmein',
  'welcome', 'admin', 'administrator', 'iloveyou', 'monkey', 'dragon', 'football', 'baseball', 'sunshine',
  'princess', 'starwars', 'whatever', 'trustno1', 'superman', 'batman', 'master', 'shadow', 'michael',
  'jennifer', 'abc123', 'abcdef', 'abcdefgh', 'changeme', 'default', 'secret', 'login', 'guest', 'hello',
  'freedom', 'charlie', 'computer', 'internet', 'samsung', 'google', 'liverpool', 'chelsea', 'arsenal',
  'pokemon', 'naruto', 'summer', 'winter', 'spring', 'autumn', 'blink182', 'aisle', 'categoryteam',
  'tiktok', 'tiktokshop', 'shopee', 'lazada', 'company', 'letmein!', 'qazwsx', '1q2w3e4r', '1qaz2wsx',
  'zaq12wsx', 'q1w2e3r4', 'aa123456', 'password1', 'iloveu', 'lovely', 'flower', 'mustang', 'access',
];

const DIGIT_RUNS = ['123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '987654321',
  '111111', '000000', '121212', '123123', '654321', '666666', '696969', '112233', '159753', '147258369'];

const COMMON = new Set<string>([...WORDS, ...DIGIT_RUNS]);

/** True for a password built from a common password with only digits or symbols around it. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core === '' || COMMON.has(core)) return true;
  // One character repeated, or a plain digit run.
  if (/^(.)\1+$/.test(lower) || /^\d+$/.test(lower)) return true;
  return false;
}
