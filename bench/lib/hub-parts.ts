/**
 * The parts `createApp` wires together (token verifier, scalars, keyring,
 * licensing runtime, policy, audit, alerts), built the same way but exposed,
 * so a benchmark can assemble variants createApp does not offer: a monolith,
 * a subgraph without field-level rules, an audit writer that writes nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { GraphQLScalarType } from 'graphql';
import { AlertRules } from '../../src/access/alerts/alert-rules.js';
import { AuditWriter } from '../../src/access/enforcement/audit-writer.js';
import { maskForGrant } from '../../src/access/enforcement/mask-for-grant.js';
import { PolicyStore } from '../../src/access/policy/policy-store.js';
import { loadPublicKey } from '../../src/auth/keys.js';
import { createTokenVerifier, type TokenVerifier } from '../../src/auth/tokens.js';
import type { Config, SubgraphName } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createScalars } from '../../src/graphql/scalars.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { createLogger, type Logger } from '../../src/logging.js';
import { loadKeyring } from '../../src/pki/keyring.js';
import { createSubgraph, type Subgraph, type SubgraphDefinition, type SubgraphDeps } from '../../src/subgraphs/create-subgraph.js';
import type { SubgraphContext } from '../../src/subgraphs/context.js';
import { createLegalEntitySubgraph } from '../../src/subgraphs/legal-entity/index.js';
import { createLicenseSubgraph } from '../../src/subgraphs/license/index.js';
import { createLicensingRuntime, type LicensingRuntime } from '../../src/subgraphs/license/licensing/licensing-runtime.js';
import { createPopulationSubgraph } from '../../src/subgraphs/population/index.js';
import { createSharingSubgraph } from '../../src/subgraphs/sharing/index.js';

/** An AuditWriter whose append writes nothing ("audit off"). */
export class NoopAuditWriter extends AuditWriter {
  constructor() {
    super(undefined);
  }

  override async append(): Promise<void> {
    // deliberately nothing
  }
}

/** Alert rules that evaluate nothing (alerts read the audit trail; with the trail off they have nothing to read). */
export class NoopAlertRules extends AlertRules {
  override observe(): void {
    // deliberately nothing
  }
}

/** What createApp builds before it builds subgraphs. */
export interface HubParts {
  readonly config: Config;
  readonly db: Database;
  readonly logger: Logger;
  readonly verifyToken: TokenVerifier;
  readonly scalars: Record<string, GraphQLScalarType>;
  readonly licensing: LicensingRuntime;
  readonly policy: PolicyStore;
  readonly audit: AuditWriter;
  readonly alerts: AlertRules;
  /** Subgraph dependencies, as createApp passes them. */
  readonly deps: SubgraphDeps & { licensing: LicensingRuntime };
}

/** Builds the parts, as createApp does for a hub; `audit` and `alerts` replace the audit writer and alert rules. */
export async function buildHubParts(config: Config, db: Database, options: { audit?: AuditWriter; alerts?: AlertRules } = {}): Promise<HubParts> {
  const logger = createLogger(config);
  const verifyToken = createTokenVerifier(await loadPublicKey(config.auth.publicKeyPath), config.auth);
  const creditCodeAllowList: ReadonlySet<string> = new Set();
  const scalars = createScalars({ creditCodeAllowList });
  const keyring = await loadKeyring(config.licensing.certsDir);
  const licensing = createLicensingRuntime({ keyring, hubId: config.licensing.hubId, publicUrl: config.licensing.publicUrl });
  const auditSigner = keyring ? { privateKey: keyring.trustListSigner.privateKey, kid: keyring.trustListSigner.chain[0]!.kid } : undefined;
  const policy = new PolicyStore();
  const audit = options.audit ?? new AuditWriter(auditSigner);
  const alerts = options.alerts ?? new AlertRules();
  const deps = { db, verifyToken, logger, scalars, exposeInternalErrors: false, creditCodeAllowList, licensing, access: { policy, audit, alerts, mask: maskForGrant } };
  return { config, db, logger, verifyToken, scalars, licensing, policy, audit, alerts, deps };
}

/** All four subgraphs over the parts (as createApp's hub role builds them; not started). */
export function buildSubgraphs(parts: HubParts): Map<SubgraphName, Subgraph> {
  return new Map<SubgraphName, Subgraph>([
    ['population', createPopulationSubgraph(parts.deps) as unknown as Subgraph],
    ['legal-entity', createLegalEntitySubgraph(parts.deps) as unknown as Subgraph],
    ['license', createLicenseSubgraph(parts.deps) as unknown as Subgraph],
    ['sharing', createSharingSubgraph(parts.deps) as unknown as Subgraph],
  ]);
}

/** Builds a subgraph from a definition (e.g. one with `governed` removed). */
export function buildSubgraph<C extends SubgraphContext>(def: SubgraphDefinition<C>, parts: HubParts): Subgraph<C> {
  return createSubgraph(def, parts.deps);
}

/** Serves one Apollo server through the hub's own HTTP front (Fastify) on a free port; resolves to the /graphql URL. */
export async function serveGraphql<C extends SubgraphContext>(
  logger: Logger,
  target: { server: Subgraph<C>['server']; createContext: Subgraph<C>['createContext'] },
): Promise<{ url: string; http: FastifyInstance; close(): Promise<void> }> {
  await target.server.start();
  const http = createHttpServer({ logger, graphql: { server: target.server, context: (h) => target.createContext(h) }, readiness: [] });
  const base = await http.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${base}/graphql`,
    http,
    async close() {
      await http.close();
      await target.server.stop();
    },
  };
}
