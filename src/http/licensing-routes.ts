import type { FastifyInstance } from 'fastify';
import type { TokenVerifier } from '../auth/tokens.js';
import type { Database } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { qrPng, qrSvg } from '../licensing/qr.js';
import { IssuanceService } from '../subgraphs/license/licensing/issuance.service.js';
import type { LicensingRuntime } from '../subgraphs/license/licensing/licensing-runtime.js';
import { sendAppError as sendError } from './send-error.js';
import { toVerificationView } from '../subgraphs/license/licensing/verification-view.js';
import { LicenseEntity } from '../subgraphs/license/license.entity.js';

/** The largest body `POST /verify` reads: a licence token with its chain, with room to spare. */
const VERIFY_BODY_LIMIT = 64 * 1024;


/**
 * Plain-HTTP entry points for window systems and other hubs that do not speak GraphQL:
 *
 * - `GET /.well-known/onewindow/trust-list`: this hub's signed trust list (`typ: trustlist+jwt`);
 * - `GET /.well-known/onewindow/root.pem`: its root certificate, to pin out of band;
 * - `GET /status-lists/{credit code}`: a department's signed Token Status List;
 * - `POST /verify` `{ token, expectedHolder? }`: the verification result as JSON (public: it
 *   reveals nothing the token's bearer does not already hold);
 * - `GET /licenses/{id}/qr.svg|qr.png`: the licence's QR code (bearer token: the holder, or a department).
 *
 * What a route throws (an AppError such as a refused token, or a database
 * outage) is answered by the server's error handler (create-http-server.ts).
 */
export function registerLicensingRoutes(app: FastifyInstance, deps: { db: Database; runtime: LicensingRuntime; verifyToken: TokenVerifier }): void {
  const { db, runtime } = deps;

  app.get('/.well-known/onewindow/trust-list', async (_request, reply) => {
    const token = await runtime.trust.publishedList(db.fork());
    if (!token) return sendError(reply, NotFoundError.of('Trust list', runtime.hubId));
    return reply.type('application/trustlist+jwt').header('cache-control', 'public, max-age=60').send(token);
  });

  app.get('/.well-known/onewindow/root.pem', async (_request, reply) => {
    if (!runtime.keyring) return sendError(reply, NotFoundError.of('Root certificate', runtime.hubId));
    return reply.type('application/x-pem-file').send(runtime.keyring.rootPem);
  });

  app.get<{ Params: { issuer: string } }>('/status-lists/:issuer', async (request, reply) => {
    const token = await runtime.statusLists.signedList(db.fork(), request.params.issuer, runtime.keyring);
    if (!token) return sendError(reply, NotFoundError.of('Status list', request.params.issuer));
    return reply.type('application/statuslist+jwt').header('cache-control', 'public, max-age=150').send(token);
  });

  app.post<{ Body: unknown }>('/verify', { bodyLimit: VERIFY_BODY_LIMIT }, async (request, reply) => {
    const body = request.body as { token?: unknown; expectedHolder?: unknown } | undefined;
    if (!body || typeof body.token !== 'string') return sendError(reply, new ValidationError('token: a string is required', { field: 'token', reason: 'REQUIRED' }));
    if (body.expectedHolder !== undefined && typeof body.expectedHolder !== 'string') {
      return sendError(reply, new ValidationError('expectedHolder: must be a string', { field: 'expectedHolder', reason: 'TYPE' }));
    }
    const result = await runtime.verification.verify(db.fork(), body.token, body.expectedHolder ? { expectedHolder: body.expectedHolder } : {});
    return reply.send(toVerificationView(result));
  });

  app.get<{ Params: { id: string; format: string } }>('/licenses/:id/:format', async (request, reply) => {
    const format = request.params.format;
    if (format !== 'qr.svg' && format !== 'qr.png') return sendError(reply, NotFoundError.of('Resource', request.url));
    const principal = await deps.verifyToken(request.headers.authorization);
    const em = db.fork();
    const license = await em.findOne(LicenseEntity, { licenseId: request.params.id }, { populate: ['type'] });
    const mayRead = license && (principal.role === 'CITIZEN' ? principal.subject === license.holderId : Boolean(principal.department));
    // Unknown and not-yours read the same.
    if (!license || !mayRead || !license.signedToken) return sendError(reply, NotFoundError.of('Licence', request.params.id));
    const token = await new IssuanceService(em, principal, runtime, new Date()).qrToken(license);
    return format === 'qr.svg' ? reply.type('image/svg+xml').send(await qrSvg(token)) : reply.type('image/png').send(await qrPng(token));
  });
}
