import type { SubgraphContext } from '../context.js';
import { LicenseService } from './license.service.js';

/** The license subgraph's request context. */
export interface LicenseContext extends SubgraphContext {
  readonly licenses: LicenseService;
}

/** Adds the licence services to a base context. */
export function extendLicenseContext(base: SubgraphContext): LicenseContext {
  const ctx = { ...base } as LicenseContext;
  (ctx as { licenses: LicenseService }).licenses = new LicenseService(ctx);
  return ctx;
}
