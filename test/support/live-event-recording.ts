/**
 * A JSON-lines recording of a LIVE made by the project itself (the shape TikTok-Live-Connector
 * emits, ../shared/domain/TIKTOK-SHOP.md): gift streaks (several `repeatEnd: false` events, then the
 * final one), gifts that are not streakable, chat in five languages with questions, purchase intent
 * and product mentions, likes, member joins, viewer counts, shopping events, a pin, a follow and a
 * share, streamEnd — and, when asked, broken lines (truncated JSON, not an object, an unknown event,
 * a missing ts, binary garbage). It returns what an import must find, counted while writing.
 */
import { writeFile } from 'node:fs/promises';

export interface RecordingOptions {
  roomId: string;
  /** The first event's time (the session's start works well). */
  start: Date;
  /** Minutes of filler after the scripted first three (chat, joins, likes, viewers). Default 12. */
  fillerMinutes?: number;
  /** Add the five broken lines. Default true. */
  broken?: boolean;
}

export interface RecordingExpectation {
  lines: number;
  events: number;
  /** 1-based line numbers of the broken lines, with the field each one is reported under. */
  broken: { line: number; column: string | null }[];
  chatComments: number;
  questionNew: number;
  gifts: number;
  diamonds: number;
  likesInEvents: number;
  likesTotalReported: number;
  enters: number;
  follows: number;
  shares: number;
  productEvents: number;
  peakViewers: number;
  lastMinute: number;
}

const SCRIPTED_CHAT: { minute: number; user: string; comment: string }[] = [
  { minute: 0, user: 'u-ana', comment: 'hello everyone' },
  { minute: 0, user: 'u-budi', comment: 'berapa harga rice cooker ini?' },
  { minute: 1, user: 'u-cara', comment: 'how much is the rice cooker?' },
  { minute: 1, user: 'u-dong', comment: '多少钱？链接在哪' },
  { minute: 1, user: 'u-em', comment: 'ราคาเท่าไหร่คะ' },
  { minute: 2, user: 'u-phuong', comment: 'giá bao nhiêu vậy' },
  { minute: 2, user: 'u-gita', comment: 'love this, so beautiful ❤' },
  { minute: 2, user: 'u-hank', comment: 'too expensive, mahal' },
  { minute: 2, user: 'u-ira', comment: 'is the glass lunch box in stock' },
];

const FILLER_CHAT = [
  'wow',
  'nice',
  'size?',
  'link please',
  'bagus',
  'hi from Surabaya',
  'the rice cooker looks good',
  'mahal',
];

export async function writeLiveEventRecording(
  file: string,
  options: RecordingOptions,
): Promise<RecordingExpectation> {
  const filler = options.fillerMinutes ?? 12;
  const t0 = options.start.getTime();
  const lines: string[] = [];
  const broken: RecordingExpectation['broken'] = [];
  const x: RecordingExpectation = {
    lines: 0,
    events: 0,
    broken,
    chatComments: 0,
    questionNew: 0,
    gifts: 0,
    diamonds: 0,
    likesInEvents: 0,
    likesTotalReported: 0,
    enters: 0,
    follows: 0,
    shares: 0,
    productEvents: 0,
    peakViewers: 0,
    lastMinute: 0,
  };
  let totalLikes = 0;
  const event = (
    minute: number,
    second: number,
    name: string,
    userId: string | null,
    payload: Record<string, unknown>,
  ) => {
    lines.push(
      JSON.stringify({
        roomId: options.roomId,
        event: name,
        ts: t0 + minute * 60_000 + second * 1000,
        userId,
        payload,
      }),
    );
    x.events += 1;
    x.lastMinute = Math.max(x.lastMinute, minute);
  };
  const viewers = (minute: number, count: number) => {
    event(minute, 59, 'roomUser', null, { viewerCount: count });
    x.peakViewers = Math.max(x.peakViewers, count);
  };
  const like = (minute: number, user: string, count: number) => {
    totalLikes += count * 3; // the room's total grows faster than the sampled events show
    event(minute, 30, 'like', user, { likeCount: count, totalLikeCount: totalLikes });
    x.likesInEvents += count;
    x.likesTotalReported = totalLikes;
  };
  const breakLine = (text: string, column: string | null) => {
    lines.push(text);
    broken.push({ line: lines.length, column });
  };

  // Minute 0: people arrive, the first product is shown.
  for (const user of ['u-ana', 'u-budi', 'u-cara'])
    event(0, 2, 'member', user, { action: 'join', memberCount: 10 });
  x.enters += 3;
  event(0, 5, 'oecLiveShopping', null, {
    title: 'Mini Rice Cooker 1.2L',
    price: 299000,
    shop: 'Dapur Sehat',
  });
  event(0, 6, 'roomPin', null, { title: 'Mini Rice Cooker 1.2L' });
  x.productEvents += 2;
  // A rose streak of 5: four events on the way, then the final one.
  for (let n = 1; n <= 4; n += 1)
    event(0, 10 + n, 'gift', 'u-gifter', {
      giftId: 5655,
      giftName: 'Rose',
      repeatCount: n,
      repeatEnd: false,
      diamondCount: 1,
    });
  event(0, 15, 'gift', 'u-gifter', {
    giftId: 5655,
    giftName: 'Rose',
    repeatCount: 5,
    repeatEnd: true,
    diamondCount: 1,
  });
  x.gifts += 5;
  x.diamonds += 5;
  like(0, 'u-ana', 15);
  if (options.broken !== false)
    breakLine('{"roomId":"' + options.roomId + '","event":"chat","ts":17640', null);
  viewers(0, 120);

  // Minute 1: a gift that does not streak, the second product, questions.
  event(1, 1, 'gift', 'u-whale', { giftId: 6000, giftName: 'Drama Queen', diamondCount: 100 });
  x.gifts += 1;
  x.diamonds += 100;
  event(1, 4, 'oecLiveShopping', null, { title: 'Glass Lunch Box Set', price: 89000, shop: 'Dapur Sehat' });
  x.productEvents += 1;
  event(1, 20, 'questionNew', 'u-jo', { questionText: 'Does it come with a warranty' });
  x.questionNew += 1;
  if (options.broken !== false) breakLine('[1,2,3]', null);
  event(1, 40, 'follow', 'u-cara', {});
  event(1, 41, 'social', 'u-em', { action: 'share', displayType: 'pm_mt_guidance_share' });
  x.follows += 1;
  x.shares += 1;
  like(1, 'u-budi', 20);
  viewers(1, 180);

  // Minute 2: a streak of 3 hearts (×10 diamonds), then one more broken line of each kind.
  for (let n = 1; n <= 2; n += 1)
    event(2, n, 'gift', 'u-fan', {
      giftId: 7934,
      giftName: 'Heart Me',
      repeatCount: n,
      repeatEnd: false,
      diamondCount: 10,
    });
  event(2, 3, 'gift', 'u-fan', {
    giftId: 7934,
    giftName: 'Heart Me',
    repeatCount: 3,
    repeatEnd: true,
    diamondCount: 10,
  });
  x.gifts += 3;
  x.diamonds += 30;
  if (options.broken !== false) {
    breakLine(
      JSON.stringify({ roomId: options.roomId, event: 'envelope', ts: t0 + 125_000, payload: {} }),
      'event',
    );
    breakLine(
      JSON.stringify({
        roomId: options.roomId,
        event: 'chat',
        userId: 'u-x',
        payload: { comment: 'no time' },
      }),
      'ts',
    );
    breakLine('\u0000\u00ff\u00fe binary', null); // replaced by real invalid bytes when written
  }
  event(2, 50, 'share', 'u-gita', {});
  x.shares += 1;
  viewers(2, 210);

  for (const chat of SCRIPTED_CHAT) {
    event(chat.minute, 45, 'chat', chat.user, { comment: chat.comment });
    x.chatComments += 1;
  }

  for (let m = 3; m < 3 + filler; m += 1) {
    const joins = 1 + (m % 3);
    for (let j = 0; j < joins; j += 1)
      event(m, 5 + j, 'member', `u-f${m}-${j}`, { action: 'join', memberCount: 20 + m });
    x.enters += joins;
    for (let c = 0; c < 2 + (m % 4); c += 1) {
      event(m, 10 + c, 'chat', `u-c${c}`, { comment: FILLER_CHAT[(m + c) % FILLER_CHAT.length] });
      x.chatComments += 1;
    }
    like(m, `u-l${m}`, 5 + m);
    viewers(m, 210 + Math.round(60 * Math.sin(m / 3)) + m * 4);
  }
  event(3 + filler - 1, 59, 'streamEnd', null, { action: 3 });

  x.lines = lines.length;
  // Binary garbage: bytes that are not UTF-8 on the line the placeholder marks.
  const chunks = lines.map((line) =>
    line === '\u0000\u00ff\u00fe binary'
      ? Buffer.from([0x00, 0xff, 0xfe, 0x20, 0x62, 0x69, 0x6e])
      : Buffer.from(line, 'utf8'),
  );
  const body = Buffer.concat(chunks.flatMap((chunk) => [chunk, Buffer.from('\n')]));
  await writeFile(file, body);
  return x;
}
