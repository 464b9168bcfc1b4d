/**
 * Livestream sessions over HTTP: the list (filters, sort and paging done by the server, with the
 * Overview's `from`/`to`/`subcategory`/`sort` parameters), the leaderboard, one session with its
 * funnel, peer benchmarks, decomposition and host trend, its minute timeline, and reviewer notes
 * pinned to a minute (analysts and up write; the author or a manager deletes).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { livestreamLeaderboard } from '../../core/livestreams/leaderboard.ts';
import { livestreamListOptions } from '../../core/livestreams/list-options.ts';
import { addMinuteNote, deleteMinuteNote } from '../../core/livestreams/minute-notes.ts';
import { getMinuteTimeline } from '../../core/livestreams/minute-timeline.ts';
import { dataVersion } from '../../core/kpis/data-version.ts';
import { reviewsVersion } from '../../core/livestreams/reviews/reviews.ts';
import { getLivestream, type LivestreamDetail } from '../../core/livestreams/session-detail.ts';
import { listLivestreams } from '../../core/livestreams/session-list.ts';
import type { ScoreBand } from '../../core/livestreams/session-metrics.ts';
import type { QualityBand } from '../../core/livestreams/reviews/review-scores.sql.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';
import { VersionedCache } from '../versioned-cache.ts';
import {
  detailResponse,
  leaderboardQuery,
  leaderboardResponse,
  listQuery,
  listResponse,
  minuteNote,
  noteInput,
  noteParams,
  optionsResponse,
  sessionId,
  timelineResponse,
} from './livestream-schemas.ts';

const TAGS = ['livestreams'];

export function livestreamRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  // A session page is read far more often than what it shows changes: reused while the facts
  // (data version) and the reviews are unchanged.
  const details = new VersionedCache<LivestreamDetail>(500);
  // One promise per pair of versions (each is worked out once per write): the cache recognises a
  // version it already waited for in vain by its promise.
  let lastDetailVersion: { data: Promise<string>; reviews: Promise<string>; both: Promise<string> } | undefined;
  const detailVersion = (): Promise<string> => {
    const data = dataVersion(db);
    const reviews = reviewsVersion(db);
    if (lastDetailVersion?.data !== data || lastDetailVersion.reviews !== reviews) {
      lastDetailVersion = { data, reviews, both: Promise.all([data, reviews]).then(([d, r]) => `${d}#${r}`) };
    }
    return lastDetailVersion.both;
  };
  return async (app) => {
    app.get(
      '/api/livestreams',
      {
        config: { permission: 'read' },
        schema: { tags: TAGS, summary: 'Sessions of a period with their rates and peer score, filtered, sorted and paged', querystring: listQuery, response: { 200: listResponse } },
      },
      async (request) => {
        const { period, from, to, seller, subcategory, host, q, band, reviewed, scoreBand, sort, dir, page, pageSize } = request.query;
        return listLivestreams(db, {
          period,
          from,
          to,
          page,
          pageSize,
          sort: sort ? { column: sort, direction: dir ?? 'desc' } : undefined,
          filters: {
            seller,
            subcategory,
            host,
            q,
            band: band as ScoreBand[] | undefined,
            reviewed: reviewed === undefined ? undefined : reviewed === 'yes',
            scoreBand: scoreBand as QualityBand[] | undefined,
          },
        });
      },
    );
    app.get(
      '/api/livestreams/leaderboard',
      {
        config: { permission: 'read' },
        schema: { tags: TAGS, summary: "The period's top sessions by GPM and by GMV per live hour", querystring: leaderboardQuery, response: { 200: leaderboardResponse } },
      },
      async (request) => livestreamLeaderboard(db, request.query),
    );
    app.get(
      '/api/livestreams/options',
      { config: { permission: 'read' }, schema: { tags: TAGS, summary: 'What the session filters can choose from', response: { 200: optionsResponse } } },
      async () => livestreamListOptions(db),
    );
    app.get(
      '/api/livestreams/:id',
      {
        config: { permission: 'read' },
        schema: { tags: TAGS, summary: 'One session: funnel, peer benchmarks, funnel decomposition and host trend', params: sessionId, response: { 200: detailResponse } },
      },
      async (request) => {
        const { value, stale } = await details.answer(request.params.id, detailVersion(), () => getLivestream(db, request.params.id), context.staleAfterMs);
        return { ...value, refreshing: stale };
      },
    );
    app.get(
      '/api/livestreams/:id/timeline',
      {
        config: { permission: 'read' },
        schema: { tags: TAGS, summary: 'Per-minute series with peaks, drop-offs and pinned notes', params: sessionId, response: { 200: timelineResponse } },
      },
      async (request) => getMinuteTimeline(db, request.params.id),
    );
    app.post(
      '/api/livestreams/:id/notes',
      {
        config: { permission: 'write' },
        schema: { tags: TAGS, summary: 'Pin a note to a minute of the session', params: sessionId, body: noteInput, response: { 201: z.object({ note: minuteNote }) } },
      },
      async (request, reply) => {
        const note = await addMinuteNote(db, actorOf(requireUser(request)), request.params.id, request.body);
        return reply.status(201).send({ note });
      },
    );
    app.delete(
      '/api/livestreams/:id/notes/:noteId',
      { config: { permission: 'write' }, schema: { tags: TAGS, summary: 'Delete a pinned note (its author or a manager)', params: noteParams } },
      async (request, reply) => {
        await deleteMinuteNote(db, actorOf(requireUser(request)), request.params.id, request.params.noteId);
        return reply.status(204).send();
      },
    );
  };
}
