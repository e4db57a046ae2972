import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError } from '../../errors.js';
import { toGraphQLError } from '../../graphql/format-error.js';
import type { RecordContext } from '../policy/decide.js';
import type { DataSubject, RequestAccess } from './request-access.js';

/** How to find whose record a parent object is. */
export interface GovernedType {
  /** Catalogue resource the type's fields belong to (Person, LegalEntity, License). */
  readonly resource: 'Person' | 'LegalEntity' | 'License';
  record(parent: Record<string, unknown>): { subject: DataSubject; context: RecordContext };
  /** GraphQL field names governed by `<resource>.<field>` items. */
  readonly fields: readonly string[];
  /** The mask kind when it depends on the record (a licence holder's identifier: ID number or credit code). */
  maskKind?(field: string, parent: Record<string, unknown>): string | undefined;
}

/** Masks a value for a MASKED grant; values that cannot be masked come back null. */
export type Masker = (kind: string | null, value: unknown) => unknown;

interface AccessCarrier {
  readonly access: RequestAccess;
}

/** A graphql-middleware field middleware. */
type FieldMiddleware = (
  resolve: (parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo) => unknown,
  parent: unknown,
  args: unknown,
  ctx: AccessCarrier,
  info: GraphQLResolveInfo,
) => unknown;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function forbidden(info: GraphQLResolveInfo, itemId: string, reason: string, message: string): Error {
  const field = `${info.parentType.name}.${info.fieldName}`;
  return toGraphQLError(new ForbiddenError(`${field}: ${message}`, { reason, item: itemId }));
}

/**
 * The enforcement middleware, generated from which types and fields are
 * governed: each governed field asks the request's {@link RequestAccess} for a
 * decision on its catalogue item and this record. A refusal returns null with
 * a FORBIDDEN error naming the field and what is missing (never the value); a
 * MASKED grant returns the masked value; every access to personal data is noted
 * for the audit trail. The common case (a plain property, allowed) stays
 * synchronous: a list of 500 persons has 5,000 governed fields, and an async
 * wrapper on each cost a promise, a microtask and garbage per field.
 * `License.data` is filtered key by key against
 * `License.data.<type code>.<key>` items: keys that may not be read are left out.
 */
export function createFieldPolicy(types: Readonly<Record<string, GovernedType>>, mask: Masker): Record<string, Record<string, FieldMiddleware>> {
  const middleware: Record<string, Record<string, FieldMiddleware>> = {};
  for (const [typeName, spec] of Object.entries(types)) {
    const fields: Record<string, FieldMiddleware> = {};
    for (const field of spec.fields) {
      const itemId = `${spec.resource}.${field}`;
      if (spec.resource === 'License' && field === 'data') {
        fields[field] = async (resolve, parent, args, ctx, info) => {
          const record = ctx.access.record(parent as object, spec.record);
          const value = (await resolve(parent, args, ctx, info)) as Record<string, unknown> | null;
          if (!value || typeof value !== 'object') return value;
          const typeCode = String((parent as { type?: { code?: string } }).type?.code ?? '');
          const out: Record<string, unknown> = {};
          let denied: { item: string; reason: string; message: string } | undefined;
          for (const [key, v] of Object.entries(value)) {
            const keyItem = `License.data.${typeCode}.${key}`;
            const decision = ctx.access.decide(keyItem, record.context);
            ctx.access.note(keyItem, record, decision);
            if (!decision.allow) {
              denied ??= { item: keyItem, reason: decision.reason, message: decision.message };
              continue;
            }
            out[key] = decision.level === 'MASKED' ? mask(ctx.access.policy.items.get(keyItem)?.maskKind ?? null, v) : v;
          }
          if (denied && Object.keys(out).length === 0) throw forbidden(info, denied.item, denied.reason, denied.message);
          return out;
        };
        continue;
      }
      fields[field] = (resolve, parent, args, ctx, info) => {
        const record = ctx.access.record(parent as object, spec.record);
        const decision = ctx.access.decide(itemId, record.context);
        ctx.access.note(itemId, record, decision);
        if (!decision.allow) throw forbidden(info, itemId, decision.reason, decision.message);
        const value = resolve(parent, args, ctx, info);
        if (decision.level !== 'MASKED') return value;
        const kind = spec.maskKind?.(field, parent as Record<string, unknown>) ?? ctx.access.policy.items.get(itemId)?.maskKind ?? null;
        return isPromiseLike(value) ? value.then((v) => mask(kind, v)) : mask(kind, value);
      };
    }
    middleware[typeName] = fields;
  }
  return middleware;
}

/** Record contexts of the three governed resources. */
export const personRecord = (p: Record<string, unknown>) => {
  const id = String(p.idNumber);
  return { subject: { kind: 'PERSON' as const, id }, context: { ownerCitizen: id } };
};
export const entityRecord = (e: Record<string, unknown>) => ({ subject: { kind: 'ENTITY' as const, id: String(e.creditCode) }, context: {} });
export const licenseRecord = (l: Record<string, unknown>) => {
  const kind = l.holderKind === 'ENTITY' ? 'ENTITY' as const : 'PERSON' as const;
  const id = String(l.holderId);
  return { subject: { kind, id }, context: { providerCode: String(l.issuerCode), ...(kind === 'PERSON' ? { ownerCitizen: id } : {}) } };
};
