import type { SubgraphContext } from '../context.js';
import { LegalEntityService } from './legal-entity.service.js';

/** The legal-entity subgraph's request context. */
export interface LegalEntityContext extends SubgraphContext {
  readonly entities: LegalEntityService;
}

/** Adds the legal-entity services to a base context. */
export function extendLegalEntityContext(base: SubgraphContext): LegalEntityContext {
  const ctx = { ...base } as LegalEntityContext;
  (ctx as { entities: LegalEntityService }).entities = new LegalEntityService(ctx);
  return ctx;
}
