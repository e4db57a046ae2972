/**
 * The "monolith" baseline: the hub's own four subgraphs' resolvers — with their
 * graphql-shield trees, field-level rules, DataLoader-backed services and the
 * audit plugin — served as ONE plain, non-federated GraphQL schema by one
 * Apollo server, with no query planning, no `_entities` round trips, and one
 * request context (one token check, one policy snapshot, one audit append).
 *
 * How it is built (and why this is faithful):
 * - The schema is the supergraph's API schema (what clients of the gateway
 *   see), so the same operation text runs on both sides; the hub's scalars are
 *   installed for parsing and serialisation.
 * - Every field runs the resolver of a subgraph that declares it, taken from
 *   that subgraph's built schema — i.e. already wrapped by its permission and
 *   field-policy middleware. Where several subgraphs declare a field (key and
 *   shareable fields) the one that produced the parent object answers, as in a
 *   query plan.
 * - Objects remember which subgraph produced them. When a field belongs to
 *   another subgraph (`License.holder` → `Person.name`), the parent is first
 *   turned into that subgraph's object by its own `__resolveReference` (the
 *   same per-request DataLoaders the gateway's `_entities` calls use), once per
 *   object. That is the work a monolith cannot avoid; what it avoids is the
 *   planning, serialising, re-parsing and re-validating of each subgraph fetch.
 *
 * Limitations: no mutations or subscriptions are exercised; `@requires`/
 * `@provides` are not modelled (the hub's schema uses neither).
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLObjectType,
  GraphQLScalarType,
  isCompositeType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { auditBeforeAnswer } from '../../src/access/enforcement/audit-plugin.js';
import type { AlertRules } from '../../src/access/alerts/alert-rules.js';
import type { AuditWriter } from '../../src/access/enforcement/audit-writer.js';
import { RequestAccess } from '../../src/access/enforcement/request-access.js';
import type { PolicyStore } from '../../src/access/policy/policy-store.js';
import type { TokenVerifier } from '../../src/auth/tokens.js';
import type { SubgraphName } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { isAppError } from '../../src/errors.js';
import { composeSupergraph } from '../../src/gateway/supergraph.js';
import { createFormatError, toGraphQLError } from '../../src/graphql/format-error.js';
import { nameLiteralErrors } from '../../src/graphql/literal-errors.plugin.js';
import type { Subgraph } from '../../src/subgraphs/create-subgraph.js';
import { header, type HeaderMap, type SubgraphContext } from '../../src/subgraphs/context.js';
import { extendLegalEntityContext } from '../../src/subgraphs/legal-entity/context.js';
import { extendLicenseContext } from '../../src/subgraphs/license/context.js';
import type { LicensingRuntime } from '../../src/subgraphs/license/licensing/licensing-runtime.js';
import { extendPopulationContext } from '../../src/subgraphs/population/context.js';
import { extendSharingContext } from '../../src/subgraphs/sharing/context.js';
import type { Logger } from '../../src/logging.js';

/** What the monolith is made of: the same subgraph objects the hub builds, and the same shared services. */
export interface MonolithDeps {
  readonly subgraphs: ReadonlyMap<SubgraphName, Subgraph>;
  readonly db: Database;
  readonly verifyToken: TokenVerifier;
  readonly scalars: Readonly<Record<string, GraphQLScalarType>>;
  readonly policy: PolicyStore;
  readonly audit: AuditWriter;
  readonly alerts: AlertRules;
  readonly licensing: LicensingRuntime;
  readonly creditCodeAllowList: ReadonlySet<string>;
  readonly logger: Logger;
}

/** The monolith: one schema, one Apollo server, one context factory. */
export interface Monolith {
  readonly schema: GraphQLSchema;
  readonly server: ApolloServer<SubgraphContext>;
  createContext(headers: HeaderMap): Promise<SubgraphContext>;
  /** Entity conversions (`__resolveReference` calls) made so far. */
  conversions(): number;
}

type ResolveReference = (ref: object, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/** Where @apollo/subgraph keeps a type's `__resolveReference`. */
function resolveReferenceOf(type: GraphQLObjectType): ResolveReference | undefined {
  const apollo = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } }).apollo;
  return apollo?.subgraph?.resolveReference;
}

/** Which subgraph produced an object. */
const origin = new WeakMap<object, SubgraphName>();
/** An object already converted into another subgraph's object, per subgraph. */
const converted = new WeakMap<object, Map<SubgraphName, Promise<unknown>>>();

function tag(value: unknown, name: SubgraphName): unknown {
  if (Array.isArray(value)) {
    for (const v of value) tag(v, name);
  } else if (value !== null && typeof value === 'object' && !origin.has(value)) {
    origin.set(value, name);
  }
  return value;
}

function tagAsync(value: unknown, name: SubgraphName): unknown {
  if (value instanceof Promise) return value.then((v) => tag(v, name));
  return tag(value, name);
}

/** `@key` field lists per type and subgraph, read from the composed supergraph. */
function keysFrom(supergraphSdl: string): Map<string, Map<SubgraphName, string[]>> {
  const graphs = new Map<string, SubgraphName>();
  for (const m of supergraphSdl.matchAll(/^\s*(\w+) @join__graph\(name: "([\w-]+)"/gm)) graphs.set(m[1]!, m[2] as SubgraphName);
  const keys = new Map<string, Map<SubgraphName, string[]>>();
  for (const block of supergraphSdl.matchAll(/^type (\w+)\n((?:\s+@join__\w+\(.*\)\n)+)/gm)) {
    const typeName = block[1]!;
    for (const j of block[2]!.matchAll(/@join__type\(graph: (\w+), key: "([^"]+)"/g)) {
      const graph = graphs.get(j[1]!);
      if (!graph) continue;
      if (!keys.has(typeName)) keys.set(typeName, new Map());
      keys.get(typeName)!.set(graph, j[2]!.trim().split(/\s+/));
    }
  }
  return keys;
}


/**
 * Builds the monolith over already-built subgraphs (not started: only their
 * schemas are used).
 */
export async function createMonolith(deps: MonolithDeps): Promise<Monolith> {
  const supergraphSdl = composeSupergraph();
  // The API schema exactly as the gateway derives it (no network: the SDL is static and nothing is executed).
  const { schema } = await new ApolloGateway({ supergraphSdl }).load();
  const keys = keysFrom(supergraphSdl);
  let conversions = 0;

  for (const [name, impl] of Object.entries(deps.scalars)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.serialize = impl.serialize.bind(impl);
    type.parseValue = impl.parseValue.bind(impl);
    type.parseLiteral = impl.parseLiteral.bind(impl);
  }

  const order = [...deps.subgraphs.keys()];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      const candidates = new Map<SubgraphName, GraphQLFieldResolver<unknown, unknown>>();
      const references = new Map<SubgraphName, ResolveReference | undefined>();
      for (const name of order) {
        const sgType = deps.subgraphs.get(name)!.schema.getType(type.name);
        if (!(sgType instanceof GraphQLObjectType)) continue;
        const sgField = sgType.getFields()[field.name];
        if (!sgField) continue;
        candidates.set(name, (sgField.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>);
        references.set(name, resolveReferenceOf(sgType));
      }
      if (candidates.size === 0) continue; // not resolvable (inaccessible or gateway-only)
      const first = candidates.keys().next().value as SubgraphName;
      const composite = isCompositeType(getNamedType(field.type));

      if (isRoot) {
        const resolve = candidates.get(first)!;
        field.resolve = (parent, args, ctx, info) => {
          const out = resolve(parent, args, ctx, info);
          return composite ? tagAsync(out, first) : out;
        };
        continue;
      }

      field.resolve = (parent, args, ctx, info) => {
        const from = origin.get(parent as object);
        const owner = from && candidates.has(from) ? from : first;
        const resolve = candidates.get(owner)!;
        const run = (obj: unknown) => {
          const out = resolve(obj, args, ctx, info);
          return composite ? tagAsync(out, owner) : out;
        };
        if (from === owner || from === undefined) return run(parent);
        const resolveReference = references.get(owner);
        const typeKeys = keys.get(type.name)?.get(owner);
        if (!resolveReference || !typeKeys) return run(parent);
        // Another subgraph's object: become this subgraph's object first, once per object.
        let bySubgraph = converted.get(parent as object);
        if (!bySubgraph) {
          bySubgraph = new Map();
          converted.set(parent as object, bySubgraph);
        }
        let pending = bySubgraph.get(owner);
        if (!pending) {
          conversions += 1;
          const ref: Record<string, unknown> = { __typename: type.name };
          for (const k of typeKeys) ref[k] = (parent as Record<string, unknown>)[k];
          pending = Promise.resolve(resolveReference(ref, ctx, info)).then((v) => tag(v, owner));
          bySubgraph.set(owner, pending);
        }
        return pending.then((obj) => (obj == null ? null : run(obj)));
      };
    }
  }

  const log = deps.logger.child({ component: 'monolith' });
  const server = new ApolloServer<SubgraphContext>({
    schema,
    formatError: createFormatError(false),
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    plugins: [nameLiteralErrors(), auditBeforeAnswer(deps.audit, deps.alerts), ApolloServerPluginInlineTraceDisabled()],
  });

  return {
    schema,
    server,
    conversions: () => conversions,
    async createContext(headers) {
      // As createSubgraph's createContext, once for the whole request.
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
      const policy = await deps.policy.snapshot(em);
      const purpose = header(headers, 'x-purpose') ?? principal.purpose;
      const base: SubgraphContext = {
        principal, em, requestId, log: log.child({ requestId }), now, creditCodeAllowList: deps.creditCodeAllowList,
        access: new RequestAccess(principal, purpose, policy, now),
      };
      // One context carrying every subgraph's services (their names do not collide).
      return Object.assign(
        {},
        extendPopulationContext(base),
        extendLegalEntityContext(base),
        extendLicenseContext(base, deps.licensing),
        extendSharingContext(base),
      ) as SubgraphContext;
    },
  };
}
