import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLScalarType } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '../auth/tokens.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import { AppError, isAppError } from '../errors.js';
import { createFormatError, toGraphQLError } from '../graphql/format-error.js';
import { nameLiteralErrors } from '../graphql/literal-errors.plugin.js';
import type { Logger } from '../logging.js';
import type { Subgraph } from '../subgraphs/create-subgraph.js';
import type { HeaderMap } from '../subgraphs/context.js';
import { header } from '../subgraphs/context.js';
import type { GatewayContext } from './context.js';
import { InProcessDataSource } from './in-process-data-source.js';
import { ForwardingDataSource } from './remote-data-source.js';
import { installScalarParsers } from './scalar-validation.js';
import { DEFAULT_QUERY_LIMITS, queryProtection, type QueryLimits } from './query-protection.js';

/** Where the gateway finds its subgraphs. */
export type SubgraphTargets =
  | { kind: 'embedded'; subgraphs: ReadonlyMap<SubgraphName, Subgraph> }
  | { kind: 'distributed'; urls: Readonly<Record<SubgraphName, string | undefined>> };

/** What the gateway needs. */
export interface GatewayOptions {
  readonly supergraphSdl: string;
  readonly targets: SubgraphTargets;
  readonly verifyToken: TokenVerifier;
  readonly scalars: Readonly<Record<string, GraphQLScalarType>>;
  readonly logger: Logger;
  readonly exposeInternalErrors: boolean;
  readonly introspection: boolean;
  /** Query limits checked before execution (default {@link DEFAULT_QUERY_LIMITS}). */
  readonly limits?: QueryLimits;
}

/** The gateway: an Apollo server over the composed supergraph, plus its context factory. */
export interface Gateway {
  readonly server: ApolloServer<GatewayContext>;
  /** Authenticates the caller (throws UNAUTHENTICATED as a GraphQLError with HTTP 401). */
  createContext(headers: HeaderMap): Promise<GatewayContext>;
}

/**
 * Builds the gateway over a supergraph composed in-process.
 *
 * @example
 * const gateway = createGateway({ supergraphSdl: composeSupergraph(), targets: { kind: 'embedded', subgraphs }, ... });
 * await gateway.server.start();
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { targets } = options;
  // @apollo/gateway otherwise phones home: it exports usage metrics to Apollo and
  // probes cloud metadata addresses (169.254.169.254) to describe the host. A
  // government hub sends nothing anywhere unasked; the library reads only this variable.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const apollo = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }): GraphQLDataSource => {
      const subgraphName = name as SubgraphName;
      if (targets.kind === 'embedded') {
        const subgraph = targets.subgraphs.get(subgraphName);
        if (!subgraph) throw new AppError('INTERNAL_SERVER_ERROR', `No in-process subgraph named ${name}`);
        return new InProcessDataSource(subgraph);
      }
      const url = targets.urls[subgraphName];
      if (!url) throw new AppError('BAD_USER_INPUT', `No URL configured for subgraph ${name} (set ${envName(subgraphName)})`, { reason: 'CONFIG' });
      return new ForwardingDataSource(name, url);
    },
  });
  apollo.onSchemaLoadOrUpdate(({ apiSchema }) => installScalarParsers(apiSchema, options.scalars));

  const log = options.logger.child({ component: 'gateway' });
  const protection = queryProtection(options.limits ?? DEFAULT_QUERY_LIMITS, !options.introspection);
  const server = new ApolloServer<GatewayContext>({
    gateway: apollo,
    formatError: createFormatError(options.exposeInternalErrors),
    // main.ts owns SIGINT/SIGTERM and drains HTTP first; Apollo must not stop (and re-raise) on its own.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    // Batched HTTP operations (a JSON array of queries) stay refused: one operation per request.
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    plugins: [requestLogging(log), nameLiteralErrors(), ...(protection.plugins as ApolloServerPlugin<GatewayContext>[])],
  });

  return {
    server,
    async createContext(headers) {
      const requestId = header(headers, 'x-request-id') ?? randomUUID();
      const authorization = header(headers, 'authorization');
      try {
        const principal = await options.verifyToken(authorization);
        return { principal, authorization: authorization!, requestId, purpose: header(headers, 'x-purpose'), log: log.child({ requestId }) };
      } catch (error) {
        if (isAppError(error)) throw toGraphQLError(error, { requestLevel: true });
        throw error;
      }
    },
  };
}

/** The environment variable that configures a subgraph's URL. */
export function envName(name: SubgraphName): string {
  return `${name.toUpperCase().replace('-', '_')}_URL`;
}

function requestLogging(log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          contextValue.log.info({ operationName, ms: Math.round(ms * 10) / 10, status: response.http.status ?? 200, ...(codes?.length ? { errors: codes } : {}) }, 'graphql request');
        },
      };
    },
  };
}

export { SUBGRAPH_NAMES };
