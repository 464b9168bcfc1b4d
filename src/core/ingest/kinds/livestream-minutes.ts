/**
 * `livestream_minutes`: the per-minute trend of one session (5–15 minute buckets are common too).
 * `minute` is either minutes from the start or a clock time; which one a value is can only be told
 * with the session at hand, so it is declared as text here and, right after parsing,
 * load/minutes-from-start.sql.ts turns a timestamp or time of day into minutes since the session's
 * started_at (refusing a session that is unknown or a time before its start).
 */
import { count, requiredField, text } from './field-builders.ts';
import { comments, likes, liveGmv, orders, productClicks, shares } from './live-fields.ts';
import { livestreamId } from './shared-fields.ts';
import type { KindDef } from './types.ts';

export const livestreamMinutesKind: KindDef = {
  kind: 'livestream_minutes',
  label: 'Livestream minutes',
  naturalKey: ['livestream_id', 'minute'],
  fields: [
    requiredField(livestreamId),
    text(
      'minute',
      'Minute',
      [
        'Minute',
        'Minutes from start',
        'Minute from start',
        'Elapsed minutes',
        'Elapsed',
        'Time',
        'Timestamp',
        'Time point',
        '分钟',
        '时间点',
        '时间',
        'Menit',
        'Waktu',
        'นาที',
        'เวลา',
        'Phút',
        'Thời gian',
      ],
      { required: true },
    ),
    count('viewers_online', 'Viewers online', [
      'Viewers online',
      'Online viewers',
      'Current viewers',
      'Concurrent viewers',
      'CCU',
      'Online',
      '在线人数',
      '实时在线人数',
      '在线',
      'Penonton online',
      'Penonton saat ini',
      'ผู้ชมออนไลน์',
      'Người xem trực tuyến',
      'Đang xem',
    ]),
    count('enters', 'Enters', [
      'Enters',
      'Entries',
      'Viewers entered',
      'Room entries',
      'Joins',
      '进场人数',
      '进房人数',
      '进入直播间人数',
      'Penonton masuk',
      'Masuk',
      'เข้าชม',
      'Lượt vào',
    ]),
    likes,
    comments,
    shares,
    productClicks,
    orders,
    liveGmv,
  ],
};
