/**
 * A session's observed figures over HTTP: what its imported live event recording showed (minute
 * timeline, comment analytics, products mentioned). Figures from the event stream, labelled as
 * observed: they differ from the platform's own numbers. A session without a recording answers
 * with `recording: null` so the page can show its empty state.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getObservedSession } from '../../core/livestreams/events/observed-session.ts';
import type { AppContext } from '../app-context.ts';

const count = z.number();
const maybe = z.number().nullable();

const observedResponse = z.object({
  livestreamId: z.string(),
  recording: z
    .object({
      importId: z.string(),
      file: z.string().nullable(),
      importedAt: z.string(),
      roomId: z.string().nullable(),
      firstEventAt: z.string(),
      lastEventAt: z.string(),
      streamEndedAt: z.string().nullable(),
      events: count,
      linesRejected: count,
      eventCounts: z.record(z.string(), z.number()),
    })
    .nullable(),
  minutes: z.array(
    z.object({
      minute: count,
      viewersOnline: maybe,
      enters: count,
      comments: count,
      questions: count,
      intentComments: count,
      likes: count,
      gifts: count,
      diamonds: count,
      follows: count,
      shares: count,
      productEvents: count,
    }),
  ),
  totals: z
    .object({
      comments: count,
      questions: count,
      questionShare: maybe,
      intentComments: count,
      intentShare: maybe,
      commentsPerMinute: maybe,
      enters: count,
      peakViewers: maybe,
      likesInEvents: count,
      likesTotalReported: maybe,
      gifts: count,
      diamonds: count,
      follows: count,
      shares: count,
      productEvents: count,
    })
    .nullable(),
  sentiment: z
    .object({ positive: count, negative: count, neutral: count, positiveShare: maybe, negativeShare: maybe })
    .nullable(),
  intentTerms: z.array(z.object({ term: z.string(), comments: count })),
  products: z.array(
    z.object({
      title: z.string(),
      price: maybe,
      shop: z.string().nullable(),
      source: z.enum(['stream', 'catalog']),
      shoppingEvents: count,
      firstMinute: maybe,
      mentions: count,
    }),
  ),
  questions: z.array(z.object({ minute: count, comment: z.string() })),
});

export function liveEventRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/livestreams/:id/observed',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['livestreams'],
          summary:
            "A session's observed figures from its live event recording: minute timeline and comment analytics",
          params: z.object({ id: z.string().min(1).max(200) }),
          response: { 200: observedResponse },
        },
      },
      async (request) => getObservedSession(context.db, request.params.id),
    );
  };
}
