import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestAccess } from '../access/enforcement/request-access.js';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logging.js';

/**
 * What every subgraph resolver gets: who is asking (verified by this subgraph
 * itself, not trusted from the gateway), a request-scoped entity manager, and
 * a logger carrying the request id the gateway passed along.
 */
export interface SubgraphContext {
  readonly principal: Principal;
  /** A fork of the ORM's entity manager for this request only. */
  readonly em: EntityManager;
  readonly requestId: string;
  readonly log: Logger;
  /** The request's clock, so one request sees one "now". */
  readonly now: Date;
  /** Pilot-era credit codes accepted despite a wrong check character. */
  readonly creditCodeAllowList: ReadonlySet<string>;
  /** Field-level decisions and the audit notes of this request. */
  readonly access: RequestAccess;
}

/** Request headers as both Fastify and in-process calls can present them. */
export type HeaderMap = Readonly<Record<string, string | string[] | undefined>> | { get(name: string): string | null | undefined };

/** Reads one header from either shape, case-insensitively. */
export function header(headers: HeaderMap, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
