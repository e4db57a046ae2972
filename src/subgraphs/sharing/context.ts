import type { SubgraphContext } from '../context.js';
import { AuditQueryService } from './audit-query.service.js';
import { CatalogService } from './catalog.service.js';
import { DepartmentService } from './department.service.js';
import { SharingService } from './sharing.service.js';

/** The sharing subgraph's request context. */
export interface SharingContext extends SubgraphContext {
  readonly departments: DepartmentService;
  readonly catalog: CatalogService;
  readonly sharing: SharingService;
  readonly audit: AuditQueryService;
}

/** Adds the sharing services to a base context. */
export function extendSharingContext(base: SubgraphContext): SharingContext {
  const ctx = { ...base } as SharingContext;
  (ctx as { departments: DepartmentService }).departments = new DepartmentService(ctx);
  (ctx as { catalog: CatalogService }).catalog = new CatalogService(ctx);
  (ctx as { sharing: SharingService }).sharing = new SharingService(ctx);
  (ctx as { audit: AuditQueryService }).audit = new AuditQueryService(ctx);
  return ctx;
}
