/**
 * The Fastify app factory. Tests call `buildApp` and talk to it with `app.inject()`; `aisle serve`
 * calls it and listens. The app owns no global state: the database comes in through options and is
 * closed when the app closes (graceful shutdown).
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../core/db/database.ts';
import { requirePermissionOnApiRoutes } from './permissions.ts';
import type { AppContext } from './app-context.ts';
import { registerErrorHandler } from './error-handler.ts';
import { healthRoutes } from './routes/health.ts';
import { metricRoutes } from './routes/metrics.ts';
import { authRoutes, type AuthRouteOptions } from './routes/auth.ts';
import { auditRoutes } from './routes/audit.ts';
import { noteRoutes } from './routes/notes.ts';
import { communicationRoutes } from './routes/communications.ts';
import { taskRoutes } from './routes/tasks.ts';
import { workspaceSearchRoutes } from './routes/workspace-search.ts';
import { importRoutes } from './routes/imports.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { registerAuthGuard } from './auth-guard.ts';
import { overviewRoutes } from './routes/overview.ts';
import { alertRoutes } from './routes/alerts.ts';
import { AlertRunner } from './alert-runner.ts';
import { BackgroundLane } from './background-job.ts';
import { SellerMapRunner } from './seller-map-runner.ts';
import { opportunityRoutes } from './routes/opportunities.ts';
import { segmentRoutes } from './routes/segments.ts';
import { targetRoutes } from './routes/targets.ts';
import { sellerRoutes } from './routes/sellers.ts';
import { sellerViewRoutes } from './routes/seller-views.ts';
import { livestreamRoutes } from './routes/livestreams.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { bestPracticeRoutes } from './routes/best-practices.ts';
import { backupRoutes } from './routes/backup.ts';
import { liveEventRoutes } from './routes/live-events.ts';
import { LivestreamBenchmarkRunner } from './livestream-benchmark-runner.ts';
import { reportRoutes } from './routes/reports.ts';
import { ReportScheduler } from './report-scheduler.ts';
import { registerWebApp } from './web-app.ts';
import { APP_VERSION } from './version.ts';

export interface BuildAppOptions {
  db: Database;
  dataDir: string;
  /** pino logger options, or false to silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web app; defaults to `dist/web` of the package. */
  webDir?: string;
  /** Close the database when the app closes (true for `aisle serve`). */
  closeDatabaseOnClose?: boolean;
  /** Largest accepted upload (tests pass a small one). */
  maxUploadBytes?: number;
  /** Login throttles (tests pass fast ones). */
  auth?: AuthRouteOptions;
  /** Daily alert scan at 06:00 plus a catch-up at start (on for `aisle serve`, off by default for tests). */
  scheduleAlerts?: boolean;
  /** Daily seller map recompute at 05:30 plus a catch-up at start (on for `aisle serve`). */
  scheduleSellerMap?: boolean;
  /** Rank the latest weeks' livestream benchmarks at start (on for `aisle serve`); imports always do. */
  warmLivestreamBenchmarks?: boolean;
  /** Run the report schedules managers switched on, with a catch-up at start (on for `aisle serve`). */
  scheduleReports?: boolean;
  /**
   * After the data changed, how long a page waits for its new figures before it is answered with
   * the previous ones, marked `refreshing` (versioned-cache.ts). Unset: always wait (tests);
   * `aisle serve` sets it.
   */
  staleAfterMs?: number;
}

export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and ECharts set inline styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Aisle API', version: APP_VERSION, description: 'Seller map, livestream quality, KPIs and follow-up.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  requirePermissionOnApiRoutes(app);
  registerErrorHandler(app);
  await registerAuthGuard(app, options.db);
  // The background jobs run one at a time (see BackgroundLane).
  const lane = new BackgroundLane();
  const alerts = new AlertRunner(options.db, app.log, lane);
  app.decorate('alertRunner', alerts);
  app.addHook('onClose', () => alerts.close());
  if (options.scheduleAlerts) app.addHook('onReady', () => alerts.startSchedule());
  const sellerMap = new SellerMapRunner(options.db, app.log, lane);
  app.decorate('sellerMapRunner', sellerMap);
  app.addHook('onClose', () => sellerMap.close());
  if (options.scheduleSellerMap) app.addHook('onReady', () => sellerMap.startSchedule());
  const benchmarks = new LivestreamBenchmarkRunner(options.db, app.log, lane);
  app.decorate('livestreamBenchmarkRunner', benchmarks);
  app.addHook('onClose', () => benchmarks.close());
  if (options.warmLivestreamBenchmarks) app.addHook('onReady', async () => benchmarks.request('start'));
  const context: AppContext = { db: options.db, dataDir: options.dataDir, version: APP_VERSION, alerts, sellerMap, benchmarks, staleAfterMs: options.staleAfterMs ?? Number.POSITIVE_INFINITY };
  await app.register(healthRoutes(context));
  await app.register(authRoutes(context, options.auth));
  await app.register(userRoutes(context));
  await app.register(auditRoutes(context));
  await app.register(tokenRoutes(context));
  await app.register(noteRoutes(context));
  await app.register(communicationRoutes(context));
  await app.register(taskRoutes(context));
  await app.register(workspaceSearchRoutes(context));
  await app.register(importRoutes(context, options.maxUploadBytes));
  await app.register(overviewRoutes(context));
  await app.register(targetRoutes(context, options.maxUploadBytes));
  await app.register(metricRoutes(context));
  await app.register(sellerRoutes(context));
  await app.register(sellerViewRoutes(context));
  await app.register(alertRoutes(context));
  await app.register(opportunityRoutes(context));
  await app.register(segmentRoutes(context));
  await app.register(livestreamRoutes(context));
  await app.register(reviewRoutes(context));
  await app.register(bestPracticeRoutes(context));
  await app.register(backupRoutes(context));
  await app.register(liveEventRoutes(context));
  const reports = new ReportScheduler(options.db, options.dataDir, app.log);
  app.decorate('reportScheduler', reports);
  app.addHook('onClose', () => reports.close());
  if (options.scheduleReports) app.addHook('onReady', () => reports.start());
  await app.register(reportRoutes({ ...context, reports }));
  await registerWebApp(app, options.webDir);

  if (options.closeDatabaseOnClose) app.addHook('onClose', async () => options.db.close());
  return app;
}
