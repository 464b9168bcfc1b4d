/**
 * Turns errors into answers: a `UserError` or a request that fails its schema becomes a 4xx with
 * the message and what to do; anything else is a bug — logged with the request context, answered
 * with a generic 500 that leaks no internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUserError, storageFullError, type UserErrorCode } from '../core/shared/errors.ts';

const STATUS: Record<UserErrorCode, number> = { invalid_input: 400, not_found: 404, conflict: 409, refused: 422, storage_full: 507 };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const full = storageFullError(raw);
    if (full) request.log.warn({ err: raw }, 'disk full');
    const error: FastifyError = (full as FastifyError | null) ?? raw;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message,
      }));
      const where = error.validationContext ?? 'request';
      return reply.status(400).send({
        error: {
          code: 'invalid_input',
          message: `invalid ${where}: ${issues.map((i) => `${i.field || where} ${i.message}`).join('; ')}`,
          hint: 'check the parameters against the API docs at /api/docs',
          details: { issues },
        },
      });
    }
    if (isUserError(error)) {
      return reply.status(STATUS[error.code]).send({
        error: { code: error.code, message: error.message, hint: error.hint, details: error.details },
      });
    }
    if (typeof error.statusCode === 'number' && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { message: error.message } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { message: 'internal error — the server log has the details' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
