/**
 * The events a live recording may hold (TikTok-Live-Connector's names, ../shared/domain/TIKTOK-SHOP.md
 * "Raw livestream event streams"). A line with any other event is reported, not guessed at.
 */
export const LIVE_EVENT_NAMES = [
  'chat',
  'member',
  'like',
  'gift',
  'social',
  'follow',
  'share',
  'roomUser',
  'questionNew',
  'oecLiveShopping',
  'roomPin',
  'streamEnd',
] as const;

export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

/** The import kind of recordings (not a tabular kind: it has its own reader and loader). */
export const LIVE_EVENTS_KIND = 'live_events';
