import type { FastifyInstance } from 'fastify';
import type { GraphQLScalarType } from 'graphql';
import { loadPrivateKey, loadPublicKey } from './auth/keys.js';
import { createTokenVerifier, type TokenVerifier } from './auth/tokens.js';
import { SUBGRAPH_NAMES, type Config, type SubgraphName } from './config.js';
import { openDatabase, type Database, type DatabaseTarget } from './db/database.js';
import { loadCreditCodeAllowList } from './domain/identifiers/allow-list.js';
import { createGateway, type Gateway } from './gateway/create-gateway.js';
import { composeSupergraph } from './gateway/supergraph.js';
import { createScalars } from './graphql/scalars.js';
import { createHttpServer, takeInQueuedRequests, type ReadinessCheck } from './http/create-http-server.js';
import { registerLicensingRoutes } from './http/licensing-routes.js';
import { registerTokenRoute } from './http/token-route.js';
import { loadKeyring } from './pki/keyring.js';
import { AlertRules } from './access/alerts/alert-rules.js';
import { AuditWriter } from './access/enforcement/audit-writer.js';
import { maskForGrant } from './access/enforcement/mask-for-grant.js';
import { PolicyStore } from './access/policy/policy-store.js';
import { createLicensingRuntime } from './subgraphs/license/licensing/licensing-runtime.js';
import { createLogger, type Logger } from './logging.js';
import type { Subgraph, SubgraphDeps } from './subgraphs/create-subgraph.js';
import { createLegalEntitySubgraph } from './subgraphs/legal-entity/index.js';
import { createLicenseSubgraph } from './subgraphs/license/index.js';
import { createPopulationSubgraph } from './subgraphs/population/index.js';
import { createSharingSubgraph } from './subgraphs/sharing/index.js';

/** What one process runs. */
export type AppRole =
  /** Embedded mode: the gateway and all subgraphs in one process (the default). */
  | { kind: 'hub' }
  /** Distributed mode: the gateway alone, calling subgraphs at configured URLs. */
  | { kind: 'gateway' }
  /** Distributed mode: one subgraph on its own port. */
  | { kind: 'subgraph'; name: SubgraphName };

/** A running (or ready to listen) OneWindow process. */
export interface App {
  readonly config: Config;
  readonly role: AppRole;
  readonly http: FastifyInstance;
  readonly logger: Logger;
  /** Present unless this is a distributed-mode gateway (which is stateless). */
  readonly db: Database | undefined;
  readonly gateway: Gateway | undefined;
  readonly subgraphs: ReadonlyMap<SubgraphName, Subgraph>;
  /** Starts listening; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, drains those in flight, then closes the database. */
  close(): Promise<void>;
}

/** Things tests (and the CLI) may hand in instead of letting the app make them. */
export interface AppOverrides {
  /** An already-open database (owned by the caller: not closed by `app.close()`). */
  readonly db?: Database;
  readonly logger?: Logger;
}

type Factory = (deps: SubgraphDeps & { licensing: ReturnType<typeof createLicensingRuntime> | undefined }) => Subgraph;

const SUBGRAPH_FACTORIES: Record<SubgraphName, Factory> = {
  population: createPopulationSubgraph,
  'legal-entity': createLegalEntitySubgraph,
  license: createLicenseSubgraph,
  sharing: createSharingSubgraph,
} as unknown as Record<SubgraphName, Factory>;

/** The database a config points at: a server when DATABASE_URL is set, else embedded PGlite on disk. */
export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite-dir', dataDir: `${config.dataDir}/pglite` };
}

/**
 * Builds a OneWindow process for a role. Nothing listens until `listen()`.
 *
 * @example
 * const app = await createApp(loadConfig(), { kind: 'hub' });
 * console.log(await app.listen());
 */
export async function createApp(config: Config, role: AppRole = { kind: 'hub' }, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config);
  const [publicKey, creditCodeAllowList] = await Promise.all([
    loadPublicKey(config.auth.publicKeyPath),
    loadCreditCodeAllowList(config.creditCodeAllowListPath),
  ]);
  const verifyToken: TokenVerifier = createTokenVerifier(publicKey, config.auth);
  const scalars: Record<string, GraphQLScalarType> = createScalars({ creditCodeAllowList });
  const exposeInternalErrors = config.nodeEnv === 'development';

  const hasLicense = role.kind === 'hub' || (role.kind === 'subgraph' && role.name === 'license');
  const keyring = role.kind === 'gateway' ? undefined : await loadKeyring(config.licensing.certsDir);
  const licensing = hasLicense ? createLicensingRuntime({ keyring, hubId: config.licensing.hubId, publicUrl: config.licensing.publicUrl }) : undefined;
  // Audit checkpoints are signed with the hub's trust-list key (the hub's own identity).
  const auditSigner = keyring ? { privateKey: keyring.trustListSigner.privateKey, kid: keyring.trustListSigner.chain[0]!.kid } : undefined;
  const access = { policy: new PolicyStore(), audit: new AuditWriter(auditSigner), alerts: new AlertRules(), mask: maskForGrant };

  const ownsDb = !overrides.db && role.kind !== 'gateway';
  const db = overrides.db ?? (role.kind === 'gateway' ? undefined : await openDatabase(databaseTarget(config)));
  try {
    if (db && ownsDb && config.migrateOnStart) {
      const applied = await db.migrate();
      if (applied.length) logger.info({ applied }, 'database migrated');
    }

    const subgraphs = new Map<SubgraphName, Subgraph>();
    const names = role.kind === 'hub' ? SUBGRAPH_NAMES : role.kind === 'subgraph' ? [role.name] : [];
    for (const name of names) {
      subgraphs.set(name, SUBGRAPH_FACTORIES[name]({ db: db!, verifyToken, logger, scalars, exposeInternalErrors, creditCodeAllowList, licensing, access }));
    }

    let gateway: Gateway | undefined;
    let http: FastifyInstance;
    const readiness: ReadinessCheck[] = [];
    if (db) readiness.push({ name: 'database', check: () => db.ping() });
    // Token issuing needs the hub's CA (to check client certificates) and the token private key.
    const tokenKey = keyring && db && role.kind === 'hub' ? await loadPrivateKey(config.auth.privateKeyPath).catch(() => undefined) : undefined;
    const routes = db && (licensing || tokenKey)
      ? (app: FastifyInstance) => {
          if (licensing) registerLicensingRoutes(app, { db, runtime: licensing, verifyToken });
          if (tokenKey && keyring) registerTokenRoute(app, { db, keyring, privateKey: tokenKey, settings: config.auth, publicUrl: config.licensing.publicUrl, logger });
        }
      : undefined;

    if (role.kind === 'subgraph') {
      const subgraph = subgraphs.get(role.name)!;
      await subgraph.server.start();
      http = createHttpServer({
        logger, graphql: { server: subgraph.server, context: (h) => subgraph.createContext(h) }, readiness, ...(routes ? { routes } : {}),
        requestTimeoutMs: config.requestTimeoutMs,
      });
    } else {
      gateway = createGateway({
        supergraphSdl: composeSupergraph(),
        targets: role.kind === 'hub' ? { kind: 'embedded', subgraphs } : { kind: 'distributed', urls: config.subgraphUrls },
        verifyToken,
        scalars,
        logger,
        exposeInternalErrors,
        introspection: config.nodeEnv !== 'production',
      });
      await Promise.all([...subgraphs.values()].map((s) => s.server.start()));
      await gateway.server.start();
      readiness.push({ name: 'supergraph', check: async () => true });
      const gw = gateway;
      http = createHttpServer({
        logger, graphql: { server: gw.server, context: (h) => gw.createContext(h) }, readiness, ...(routes ? { routes } : {}),
        rateLimitPerMinute: config.rateLimitPerMinute, requestTimeoutMs: config.requestTimeoutMs,
      });
    }

    let closed = false;
    return {
      config,
      role,
      http,
      logger,
      db,
      gateway,
      subgraphs,
      async listen() {
        return http.listen({ host: config.host, port: config.port });
      },
      async close() {
        if (closed) return;
        closed = true;
        // Requests already sent to this process are taken in first; then Fastify stops
        // accepting, waits for in-flight requests, then Apollo servers stop.
        await takeInQueuedRequests(http);
        await http.close();
        await gateway?.server.stop();
        await Promise.all([...subgraphs.values()].map((s) => s.server.stop()));
        // Pending alert checks still need the database (the audit writer is idle once no request is in flight).
        await access.alerts.idle();
        await access.audit.idle();
        if (ownsDb) await db?.close();
      },
    };
  } catch (error) {
    if (ownsDb) await db?.close().catch(() => undefined);
    throw error;
  }
}
