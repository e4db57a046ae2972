import { HTTP_STATUS, type AppError } from '../errors.js';

/** Anything with Fastify's `reply.code(n).send(body)`. */
interface Reply {
  code(status: number): { send(body: unknown): unknown };
}

/**
 * Answers a plain-HTTP request with an AppError: its HTTP status, and
 * `{ error: { code, message, ...details } }` (the GraphQL edge's fields, as JSON).
 */
export function sendAppError(reply: Reply, error: AppError): unknown {
  return reply.code(HTTP_STATUS[error.code]).send({ error: { code: error.code, message: error.message, ...error.details } });
}
