import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { GraphQLScalarType, Kind, visit, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '../auth/tokens.js';
import type { SubgraphName } from '../config.js';
import type { Database } from '../db/database.js';
import { ForbiddenError, isAppError } from '../errors.js';
import { createFormatError, toGraphQLError } from '../graphql/format-error.js';
import { nameLiteralErrors } from '../graphql/literal-errors.plugin.js';
import { subgraphTypeDefs } from '../gateway/supergraph.js';
import type { Logger } from '../logging.js';
import { header, type HeaderMap, type SubgraphContext } from './context.js';
import { federationRules } from './permissions.js';

/** What every subgraph needs from the app. */
export interface SubgraphDeps {
  readonly db: Database;
  readonly verifyToken: TokenVerifier;
  readonly logger: Logger;
  readonly scalars: Readonly<Record<string, GraphQLScalarType>>;
  /** Pilot-era credit codes accepted despite a wrong check character. */
  readonly creditCodeAllowList: ReadonlySet<string>;
  /** Show internal error messages to clients (development only). */
  readonly exposeInternalErrors: boolean;
}

/** One subgraph's own parts, given to {@link createSubgraph}. */
export interface SubgraphDefinition<C extends SubgraphContext> {
  readonly name: SubgraphName;
  readonly resolvers: GraphQLResolverMap<C>;
  /** The permission tree; whatever it does not list is denied. */
  readonly permissions: IRules;
  /** Adds the subgraph's request-scoped parts (dataloaders, services) to the base context. */
  extendContext(base: SubgraphContext): C;
}

/** A built subgraph: its schema, its Apollo server and how to make a request context. */
export interface Subgraph<C extends SubgraphContext = SubgraphContext> {
  readonly name: SubgraphName;
  readonly schema: GraphQLSchema;
  readonly server: ApolloServer<C>;
  /**
   * Authenticates the request from its own headers and builds the context.
   * @throws GraphQLError UNAUTHENTICATED (HTTP 401) when the token is missing or invalid.
   */
  createContext(headers: HeaderMap): Promise<C>;
}

const MAX_ENTITY_REPRESENTATIONS = 1_000;

/** How many representations an `_entities` field asks for, whether they come inline or in a variable. */
function representationCount(operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let count = 0;
  visit(operation, {
    Field(node) {
      if (node.name.value !== '_entities') return;
      const value = node.arguments?.find((a) => a.name.value === 'representations')?.value;
      if (value?.kind === Kind.LIST) count += value.values.length;
      else if (value?.kind === Kind.VARIABLE) {
        const list = variables[value.name.value];
        count += Array.isArray(list) ? list.length : 0;
      }
    },
  });
  return count;
}

/** Refuses `_entities` calls asking for more representations than any real plan needs. */
const boundEntities: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation && representationCount(operation, request.variables ?? {}) > MAX_ENTITY_REPRESENTATIONS) {
          throw toGraphQLError(new ForbiddenError(`At most ${MAX_ENTITY_REPRESENTATIONS} representations per _entities call`, { field: 'representations', reason: 'TOO_MANY' }));
        }
      },
    };
  },
};

/** Builds a subgraph from its SDL in schema/, its resolvers and its permission tree. */
export function createSubgraph<C extends SubgraphContext>(def: SubgraphDefinition<C>, deps: SubgraphDeps): Subgraph<C> {
  const typeDefs = subgraphTypeDefs(def.name);
  const declared = new Set(typeDefs.definitions.flatMap((d) => (d.kind === Kind.SCALAR_TYPE_DEFINITION ? [d.name.value] : [])));
  const scalars = Object.fromEntries(Object.entries(deps.scalars).filter(([name]) => declared.has(name)));

  const base = buildSubgraphSchema({ typeDefs, resolvers: { ...scalars, ...def.resolvers } as GraphQLResolverMap<unknown> });
  const schema = applyMiddleware(
    base,
    shield(mergeRules(def.permissions, federationRules as unknown as IRules), {
      fallbackRule: deny,
      fallbackError: () => toGraphQLError(new ForbiddenError('Not allowed', { reason: 'NOT_GRANTED' })),
      allowExternalErrors: true,
    }),
  );

  const server = new ApolloServer<C>({
    schema,
    formatError: createFormatError(deps.exposeInternalErrors),
    // main.ts owns SIGINT/SIGTERM and drains HTTP first; Apollo must not stop (and re-raise) on its own.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: inline traces would only cost time per request.
    plugins: [boundEntities, nameLiteralErrors(), ApolloServerPluginInlineTraceDisabled()],
  });

  const log = deps.logger.child({ subgraph: def.name });

  return {
    name: def.name,
    schema,
    server,
    async createContext(headers) {
      const requestId = header(headers, 'x-request-id') ?? randomUUID();
      let principal;
      try {
        principal = await deps.verifyToken(header(headers, 'authorization'));
      } catch (error) {
        if (isAppError(error)) throw toGraphQLError(error);
        throw error;
      }
      return def.extendContext({
        principal,
        em: deps.db.fork(),
        requestId,
        log: log.child({ requestId }),
        now: new Date(),
        creditCodeAllowList: deps.creditCodeAllowList,
      });
    },
  };
}

/** Merges rule trees type by type (a type listed in both gets both sets of fields). */
function mergeRules(...trees: IRules[]): IRules {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const tree of trees) {
    for (const [type, rules] of Object.entries(tree as Record<string, unknown>)) {
      if (rules && typeof rules === 'object' && !('resolve' in rules) && !isRuleObject(rules)) {
        merged[type] = { ...(merged[type] ?? {}), ...(rules as Record<string, unknown>) };
      } else {
        (merged as Record<string, unknown>)[type] = rules;
      }
    }
  }
  return merged as IRules;
}

function isRuleObject(value: object): boolean {
  // graphql-shield rules are class instances; rule maps are plain objects.
  return Object.getPrototypeOf(value) !== Object.prototype;
}
