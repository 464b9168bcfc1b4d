/**
 * Best practices over HTTP: what the top quartile of a subcategory's sessions does differently
 * (`/api/livestreams/best-practices`) and a seller's livestream improvement areas
 * (`/api/sellers/:id/improvement-areas`). Both read-only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBestPractices } from '../../core/livestreams/best-practices/best-practices.ts';
import { getImprovementAreas } from '../../core/livestreams/best-practices/improvement-areas.ts';
import { OUTCOMES } from '../../core/livestreams/best-practices/practice-features.ts';
import type { AppContext } from '../app-context.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const value = z.number().nullable();
const strength = z.enum(['strong', 'moderate', 'weak']);
const size = z.enum(['negligible', 'small', 'medium', 'large']);
const format = z.enum(['money', 'count', 'rate', 'duration', 'number', 'hours', 'score']);

const numericFinding = z.object({
  kind: z.enum(['habit', 'interaction', 'rubric']),
  key: z.string(),
  label: z.string(),
  format,
  topMedian: value,
  restMedian: value,
  change: value,
  superiority: z.number(),
  direction: z.enum(['higher', 'lower', 'same']),
  behaviour: z.string(),
  effect: z.number(),
  size,
  z: z.number(),
  strength,
  topSessions: z.number().int(),
  restSessions: z.number().int(),
  sentence: z.string(),
});

const shareFinding = z.object({
  kind: z.enum(['start_hour', 'tag']),
  key: z.string(),
  label: z.string(),
  tagKind: z.enum(['best_practice', 'issue', 'workflow']).nullable(),
  topShare: z.number(),
  restShare: z.number(),
  difference: z.number(),
  size,
  z: z.number(),
  strength,
  topSessions: z.number().int(),
  restSessions: z.number().int(),
  sentence: z.string(),
});

const bestPracticesQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  /** A subcategory id; `none` for sellers without one; omitted for all. */
  subcategory: z.string().min(1).max(200).optional(),
  outcome: z.enum(OUTCOMES).optional(),
});

const bestPracticesResponse = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string().nullable(),
  currency: z.string(),
  outcome: z.enum(OUTCOMES),
  outcomeLabel: z.string(),
  subcategory: z.string().nullable(),
  sessions: z.object({
    all: z.number().int(),
    unranked: z.number().int(),
    top: z.number().int(),
    rest: z.number().int(),
    reviewedTop: z.number().int(),
    reviewedRest: z.number().int(),
  }),
  subcategories: z.array(
    z.object({
      subcategory: z.string().nullable(),
      subcategoryName: z.string().nullable(),
      sessions: z.number().int(),
      ranked: z.number().int(),
      included: z.boolean(),
      topSessions: z.number().int(),
      topThreshold: value,
    }),
  ),
  habits: z.array(numericFinding),
  interactions: z.array(numericFinding),
  rubric: z.array(numericFinding),
  startHours: z.array(shareFinding),
  tags: z.array(shareFinding),
  highlights: z.array(z.string()),
  examples: z.array(
    z.object({
      reviewId: z.number().int(),
      livestreamId: z.string(),
      title: z.string().nullable(),
      sellerId: z.string(),
      sellerName: z.string(),
      host: z.string().nullable(),
      startDate: z.string(),
      reviewer: z.string(),
      practices: z.array(z.string()),
      notes: z.string().nullable(),
      rubricScore: value,
      topQuartile: z.boolean().nullable(),
    }),
  ),
});

const improvementAreasResponse = z.object({
  sellerId: z.string(),
  sellerName: z.string(),
  subcategory: z.string().nullable(),
  subcategoryName: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  sessions: z.number().int(),
  liveGmv: z.number(),
  areas: z.array(
    z.object({
      kind: z.enum(['funnel', 'practice', 'rubric']),
      key: z.string(),
      label: z.string(),
      headline: z.string(),
      evidence: z.string(),
      action: z.string(),
      upside: value,
      percentile: value,
      sellerValue: value,
      benchmark: value,
      format,
      sessions: z.number().int(),
    }),
  ),
  note: z.string().nullable(),
});

export function bestPracticeRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/livestreams/best-practices',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['livestreams'],
          summary: "What the top quartile of a subcategory's sessions does differently, with the size of each difference and the sessions behind it",
          querystring: bestPracticesQuery,
          response: { 200: bestPracticesResponse },
        },
      },
      async (request) => {
        const { subcategory, ...rest } = request.query;
        return getBestPractices(db, { ...rest, ...(subcategory === undefined ? {} : { subcategory: subcategory === 'none' ? '' : subcategory }) });
      },
    );
    app.get(
      '/api/sellers/:id/improvement-areas',
      {
        config: { permission: 'read' },
        schema: {
          tags: ['sellers'],
          summary: "A seller's two or three livestream improvement areas that matter most, with evidence",
          params: z.object({ id: z.string().min(1).max(200) }),
          querystring: z.object({ from: date.optional(), to: date.optional() }),
          response: { 200: improvementAreasResponse },
        },
      },
      async (request) => getImprovementAreas(db, request.params.id, request.query),
    );
  };
}
