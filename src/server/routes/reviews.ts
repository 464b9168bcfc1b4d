/**
 * Livestream reviews and the rubric over HTTP. Everyone reads reviews, the queue, calibration and
 * the rubric; analysts and up write their own review of a session (PUT creates or updates it) and
 * delete it (a manager may delete anyone's); managers save a new rubric version.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../core/auth/sign-in.ts';
import { getSessionReviews, hostQualityTrend, MAX_QUEUE, reviewCalibration, reviewQueue } from '../../core/livestreams/reviews/review-analysis.ts';
import { QUALITY_BANDS, QUALITY_WEIGHTS } from '../../core/livestreams/reviews/review-scores.sql.ts';
import { REVIEW_TAGS } from '../../core/livestreams/reviews/review-tags.ts';
import { deleteReview, DISAGREE_POINTS, listReviews, MAX_REVIEW_NOTES, saveReview } from '../../core/livestreams/reviews/reviews.ts';
import { getActiveRubric, listRubricVersions, MAX_ANCHOR_LENGTH, MAX_CRITERIA, saveRubricVersion } from '../../core/livestreams/reviews/rubrics.ts';
import { requireUser } from '../auth-guard.ts';
import type { AppContext } from '../app-context.ts';
import { hostQualityTrend as hostQualitySchema, qualityScore } from './livestream-schemas.ts';

const TAGS = ['reviews'];
const text = z.string().nullable();
const value = z.number().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const list = z
  .string()
  .max(1000)
  .transform((v) => v.split(',').map((part) => part.trim()).filter(Boolean));

const anchors = z.object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string(), '5': z.string() });
const criterion = z.object({ key: z.string(), label: z.string(), weight: z.number(), anchors });
const rubric = z.object({
  id: z.number(),
  version: z.number(),
  criteria: z.array(criterion),
  isActive: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  reviews: z.number(),
});
const review = z.object({
  id: z.number(),
  livestreamId: z.string(),
  rubricId: z.number(),
  rubricVersion: z.number(),
  reviewer: z.string(),
  scores: z.record(z.string(), z.number()),
  notes: text,
  tags: z.array(z.string()),
  score: z.number(),
  score100: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const reviewListRow = review.extend({
  title: text,
  sellerId: z.string(),
  sellerName: z.string(),
  host: text,
  startDate: z.string(),
  startedLocal: z.string(),
});
const agreement = z.object({
  reviewers: z.number(),
  maxSpread: value,
  flagged: z.boolean(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      reviewers: z.number(),
      min: z.number(),
      max: z.number(),
      spread: z.number(),
      flagged: z.boolean(),
      levels: z.array(z.object({ reviewer: z.string(), level: z.number() })),
    }),
  ),
});
const sessionReviews = z.object({
  livestreamId: z.string(),
  reviews: z.array(review),
  rubricScore: value,
  quality: qualityScore,
  agreement,
});
const sessionId = z.object({ id: z.string().min(1).max(200) });
const reviewId = z.object({ id: z.coerce.number().int().positive() });
const reviewInput = z.object({
  scores: z.record(z.string().max(40), z.number()),
  notes: z.string().max(MAX_REVIEW_NOTES).nullable().optional(),
  tags: z.array(z.string().max(40)).max(40).optional(),
});

export function reviewRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/reviews',
      {
        config: { permission: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Reviews across sessions, newest first',
          querystring: z.object({
            livestream: z.string().max(200).optional(),
            reviewer: z.string().max(200).optional(),
            seller: z.string().max(200).optional(),
            host: z.string().max(200).optional(),
            tag: z.string().max(40).optional(),
            from: date.optional(),
            to: date.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          }),
          response: { 200: z.object({ total: z.number(), rows: z.array(reviewListRow) }) },
        },
      },
      async (request) => {
        const { livestream, seller, ...rest } = request.query;
        return listReviews(db, { ...rest, livestreamId: livestream, sellerId: seller });
      },
    );
    app.get(
      '/api/reviews/options',
      {
        config: { permission: 'read' },
        schema: {
          tags: TAGS,
          summary: 'The tag catalog, the disagreement threshold and how the quality score is combined',
          response: {
            200: z.object({
              tags: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string(), criterion: text, description: z.string() })),
              disagreePoints: z.number(),
              qualityWeights: z.object({ rubric: z.number(), peers: z.number() }),
              qualityBands: z.array(z.object({ band: z.string(), label: z.string() })),
              maxNotes: z.number(),
            }),
          },
        },
      },
      async () => ({
        tags: [...REVIEW_TAGS],
        disagreePoints: DISAGREE_POINTS,
        qualityWeights: { ...QUALITY_WEIGHTS },
        qualityBands: QUALITY_BANDS.map(({ band, label }) => ({ band, label })),
        maxNotes: MAX_REVIEW_NOTES,
      }),
    );
    app.get(
      '/api/reviews/queue',
      {
        config: { permission: 'read' },
        schema: {
          tags: TAGS,
          summary: "Top sellers' sessions of last week (or a range) nobody reviewed yet, by GMV",
          querystring: z.object({
            from: date.optional(),
            to: date.optional(),
            tier: list.optional(),
            limit: z.coerce.number().int().min(1).max(MAX_QUEUE).default(50),
          }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              tiers: z.array(z.string()),
              currency: z.string(),
              total: z.number(),
              reviewed: z.number(),
              rows: z.array(
                z.object({
                  id: z.string(),
                  title: text,
                  sellerId: z.string(),
                  sellerName: z.string(),
                  tier: text,
                  host: text,
                  startDate: z.string(),
                  startedLocal: z.string(),
                  durationS: value,
                  liveGmv: value,
                  views: value,
                  peerScore: value,
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { from, to, tier, limit } = request.query;
        return reviewQueue(db, { from, to, tiers: tier, limit });
      },
    );
    app.get(
      '/api/reviews/calibration',
      {
        config: { permission: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Sessions with several reviewers, biggest disagreement first, and each reviewer’s offset',
          querystring: z.object({
            from: date.optional(),
            to: date.optional(),
            flagged: z.enum(['yes', 'no']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: {
            200: z.object({
              disagreePoints: z.number(),
              sessions: z.array(
                z.object({
                  livestreamId: z.string(),
                  title: text,
                  sellerName: z.string(),
                  host: text,
                  startedLocal: z.string(),
                  reviewers: z.array(z.string()),
                  scores100: z.array(z.number()),
                  maxSpread: z.number(),
                  flagged: z.boolean(),
                  flaggedCriteria: z.array(z.string()),
                }),
              ),
              reviewers: z.array(z.object({ reviewer: z.string(), sharedSessions: z.number(), meanOffset: value, disagreements: z.number() })),
            }),
          },
        },
      },
      async (request) => {
        const { from, to, flagged, limit } = request.query;
        return reviewCalibration(db, { from, to, flaggedOnly: flagged === 'yes', limit });
      },
    );
    app.get(
      '/api/reviews/host-trend',
      {
        config: { permission: 'read' },
        schema: {
          tags: TAGS,
          summary: "A host's weekly quality score (rubric and peer parts)",
          querystring: z.object({ seller: z.string().min(1).max(200), host: z.string().min(1).max(200), weeks: z.coerce.number().int().min(1).max(52).default(8) }),
          response: { 200: hostQualitySchema },
        },
      },
      async (request) => hostQualityTrend(db, { sellerId: request.query.seller, host: request.query.host, weeks: request.query.weeks }),
    );
    app.get(
      '/api/reviews/sessions/:id',
      {
        config: { permission: 'read' },
        schema: { tags: TAGS, summary: "A session's reviews, the reviewers' agreement and its quality score", params: sessionId, response: { 200: sessionReviews } },
      },
      async (request) => getSessionReviews(db, request.params.id),
    );
    app.put(
      '/api/reviews/sessions/:id',
      {
        config: { permission: 'write' },
        schema: {
          tags: TAGS,
          summary: 'Create or update your review of a session (a new review uses the active rubric; an edit keeps its version)',
          params: sessionId,
          body: reviewInput,
          response: { 200: z.object({ review, created: z.boolean() }), 201: z.object({ review, created: z.boolean() }) },
        },
      },
      async (request, reply) => {
        const saved = await saveReview(db, actorOf(requireUser(request)), request.params.id, request.body);
        return reply.status(saved.created ? 201 : 200).send(saved);
      },
    );
    app.delete(
      '/api/reviews/:id',
      { config: { permission: 'write' }, schema: { tags: TAGS, summary: 'Delete a review (its reviewer or a manager)', params: reviewId } },
      async (request, reply) => {
        await deleteReview(db, actorOf(requireUser(request)), request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/rubrics',
      { config: { permission: 'read' }, schema: { tags: TAGS, summary: 'Every rubric version, newest first', response: { 200: z.object({ versions: z.array(rubric) }) } } },
      async () => {
        await getActiveRubric(db);
        return { versions: await listRubricVersions(db) };
      },
    );
    app.get(
      '/api/rubrics/active',
      { config: { permission: 'read' }, schema: { tags: TAGS, summary: 'The rubric new reviews are scored on', response: { 200: z.object({ rubric }) } } },
      async () => ({ rubric: await getActiveRubric(db) }),
    );
    app.post(
      '/api/rubrics',
      {
        config: { permission: 'manage' },
        schema: {
          tags: TAGS,
          summary: 'Save an edited rubric as a new active version (earlier versions and their reviews stay)',
          body: z.object({
            criteria: z
              .array(
                z.object({
                  key: z.string().max(40),
                  label: z.string().max(200),
                  weight: z.number(),
                  anchors: z.record(z.string(), z.string().max(MAX_ANCHOR_LENGTH * 2)),
                }),
              )
              .max(MAX_CRITERIA * 2),
          }),
          response: { 201: z.object({ rubric }) },
        },
      },
      async (request, reply) => reply.status(201).send({ rubric: await saveRubricVersion(db, actorOf(requireUser(request)), request.body.criteria) }),
    );
  };
}
