/**
 * The words that classify a livestream comment, declared once: question words, purchase-intent
 * phrases and a small sentiment lexicon, in the languages TikTok Shop sellers stream in (English,
 * Chinese, Indonesian, Thai, Vietnamese). Comments are matched inside DuckDB with plain
 * `contains`, built here.
 *
 * Traps: a Latin word must match as a whole word ("price" not inside "priceless", "beli" not inside
 * "belikan"), but Chinese and Thai are written without spaces, so their terms match anywhere. Whole
 * words are found in the comment's normalised form (lower case, NFC, every run of characters that
 * are not letters, marks or digits one space, padded with spaces) as ` term `. Regular expressions
 * with Unicode classes were tried first: RE2 runs one alternation of a list's terms at ~0.2 ms a
 * comment, too slow for a big LIVE's hundred thousand comments.
 */

export type LexiconList = 'question' | 'intent' | 'positive' | 'negative';

export interface LexiconTerm {
  list: LexiconList;
  term: string;
  /** `word`: whole words only (Latin scripts); `part`: anywhere (Chinese, Thai, emoji). */
  match: 'word' | 'part';
}

function words(list: LexiconList, terms: string[]): LexiconTerm[] {
  return terms.map((term) => ({ list, term, match: 'word' }));
}

function parts(list: LexiconList, terms: string[]): LexiconTerm[] {
  return terms.map((term) => ({ list, term, match: 'part' }));
}

/** A comment is a question when it has `?`/`？`, came as a questionNew event, or has one of these. */
export const QUESTION_MARKS = ['?', '？'];

export const LEXICON: readonly LexiconTerm[] = [
  // Questions
  ...words('question', [
    'what',
    'how',
    'when',
    'where',
    'why',
    'which',
    'who',
    'can i',
    'can you',
    'do you',
    'does it',
    'is it',
    'is there',
    'are there',
    'any',
  ]),
  ...parts('question', ['吗', '呢', '什么', '怎么', '多少', '哪', '几', '是否', '有没有', '可以吗']),
  ...words('question', [
    'apa',
    'apakah',
    'bagaimana',
    'gimana',
    'berapa',
    'kapan',
    'dimana',
    'di mana',
    'mana',
    'bisa',
    'kenapa',
  ]),
  ...parts('question', [
    'ไหม',
    'มั้ย',
    'อะไร',
    'อย่างไร',
    'ยังไง',
    'เท่าไร',
    'เท่าไหร่',
    'ที่ไหน',
    'เมื่อไร',
    'หรือเปล่า',
  ]),
  ...words('question', [
    'gì',
    'sao',
    'bao nhiêu',
    'ở đâu',
    'khi nào',
    'nào',
    'không ạ',
    'được không',
    'có không',
  ]),
  // Purchase intent
  ...words('intent', [
    'how much',
    'price',
    'link',
    'buy',
    'order',
    'size',
    'stock',
    'checkout',
    'cart',
    'discount',
    'voucher',
    'shipping',
  ]),
  ...parts('intent', ['多少钱', '链接', '怎么买', '下单', '购买', '尺码', '有货', '库存', '优惠']),
  ...words('intent', ['berapa', 'harga', 'beli', 'pesan', 'ukuran', 'stok', 'keranjang', 'ongkir', 'diskon']),
  ...parts('intent', ['ราคา', 'ซื้อ', 'สั่ง', 'ลิงก์', 'ไซส์', 'ตะกร้า', 'ส่วนลด']),
  ...words('intent', ['bao nhiêu', 'giá', 'mua', 'đặt hàng', 'chốt', 'giỏ hàng', 'còn hàng']),
  // Sentiment
  ...words('positive', [
    'love',
    'great',
    'good',
    'nice',
    'beautiful',
    'amazing',
    'awesome',
    'cute',
    'wow',
    'thanks',
    'thank you',
    'perfect',
    'best',
  ]),
  ...parts('positive', ['❤', '😍', '👍', '🔥', '好看', '喜欢', '漂亮', '棒', '赞', '爱了', '好用']),
  ...words('positive', ['bagus', 'cantik', 'suka', 'mantap', 'keren', 'murah', 'terima kasih']),
  ...parts('positive', ['ดีมาก', 'สวย', 'ชอบ', 'น่ารัก', 'ขอบคุณ']),
  ...words('positive', ['đẹp', 'thích', 'tốt', 'tuyệt', 'cảm ơn']),
  ...words('negative', [
    'bad',
    'expensive',
    'fake',
    'scam',
    'broken',
    'slow',
    'hate',
    'worst',
    'terrible',
    'refund',
    'boring',
    'ugly',
  ]),
  ...parts('negative', ['👎', '😡', '太贵', '差评', '假货', '骗', '不好', '难看']),
  ...words('negative', ['mahal', 'jelek', 'palsu', 'penipu', 'rusak', 'lambat', 'kecewa']),
  ...parts('negative', ['แพง', 'แย่', 'ปลอม', 'ห่วย', 'ผิดหวัง']),
  ...words('negative', ['đắt', 'tệ', 'giả', 'lừa đảo', 'chán', 'thất vọng']),
];

/** The normal form words are matched in; `normalisedSql` in store-observed.sql.ts does the same in SQL. */
export function normaliseText(text: string): string {
  return ` ${text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()} `;
}

/** What to look for: a whole word in the normalised comment, or a part in the lower-cased one. */
export function termNeedle(term: LexiconTerm): { in: 'words' | 'text'; needle: string } {
  return term.match === 'word'
    ? { in: 'words', needle: normaliseText(term.term) }
    : { in: 'text', needle: term.term.normalize('NFC').toLowerCase() };
}

export function termsOf(list: LexiconList): LexiconTerm[] {
  return LEXICON.filter((t) => t.list === list);
}
