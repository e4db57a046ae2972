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
import type { AlertRules } from '../access/alerts/alert-rules.js';
import { auditBeforeAnswer } from '../access/enforcement/audit-plugin.js';
import type { AuditWriter } from '../access/enforcement/audit-writer.js';
import { createFieldPolicy, type GovernedType, type Masker } from '../access/enforcement/field-policy.js';
import { RequestAccess } from '../access/enforcement/request-access.js';
import type { PolicyStore } from '../access/policy/policy-store.js';
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
  /** Field-level policy and the audit trail, shared by every subgraph of the process. */
  readonly access: { readonly policy: PolicyStore; readonly audit: AuditWriter; readonly alerts: AlertRules; readonly mask: Masker };
}

/** One subgraph's own parts, given to {@link createSubgraph}. */
export interface SubgraphDefinition<C extends SubgraphContext> {
  readonly name: SubgraphName;
  readonly resolvers: GraphQLResolverMap<C>;
  /** The permission tree; whatever it does not list is denied. */
  readonly permissions: IRules;
  /** Adds the subgraph's request-scoped parts (dataloaders, services) to the base context. */
  extendContext(base: SubgraphContext): C;
  /** Types whose fields are governed by the data catalogue (field-level rules, masking, audit). */
  readonly governed?: Readonly<Record<string, GovernedType>>;
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
          throw toGraphQLError(new ForbiddenError(`At most ${MAX_ENTITY_REPRESENTATIONS} representations per _entities call`, { field: 'representations', reason: 'TOO_MANY' }), { requestLevel: true });
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
  const permissions = shield(mergeRules(def.permissions, federationRules as unknown as IRules), {
    fallbackRule: deny,
    fallbackError: () => toGraphQLError(new ForbiddenError('Not allowed', { reason: 'NOT_GRANTED' })),
    allowExternalErrors: true,
  });
  // Operation- and type-level rules first (shield, deny by default), then the catalogue's field-level rules.
  const schema = def.governed
    ? applyMiddleware(base, permissions, createFieldPolicy(def.governed, deps.access.mask) as never)
    : applyMiddleware(base, permissions);

  const server = new ApolloServer<C>({
    schema,
    formatError: createFormatError(deps.exposeInternalErrors),
    // main.ts owns SIGINT/SIGTERM and drains HTTP first; Apollo must not stop (and re-raise) on its own.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: inline traces would only cost time per request.
    plugins: [boundEntities, nameLiteralErrors(), auditBeforeAnswer(deps.access.audit, deps.access.alerts), ApolloServerPluginInlineTraceDisabled()],
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
        if (isAppError(error)) throw toGraphQLError(error, { requestLevel: true });
        throw error;
      }
      const em = deps.db.fork();
      const now = new Date();
      const policy = await deps.access.policy.snapshot(em);
      const purpose = header(headers, 'x-purpose') ?? principal.purpose;
      return def.extendContext({
        principal,
        em,
        requestId,
        log: log.child({ requestId }),
        now,
        creditCodeAllowList: deps.creditCodeAllowList,
        access: new RequestAccess(principal, purpose, policy, now),
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
