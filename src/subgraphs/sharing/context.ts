import type { SubgraphContext } from '../context.js';
import { DepartmentService } from './department.service.js';

/** The sharing subgraph's request context. */
export interface SharingContext extends SubgraphContext {
  readonly departments: DepartmentService;
}

/** Adds the sharing services to a base context. */
export function extendSharingContext(base: SubgraphContext): SharingContext {
  const ctx = { ...base } as SharingContext;
  (ctx as { departments: DepartmentService }).departments = new DepartmentService(ctx);
  return ctx;
}
