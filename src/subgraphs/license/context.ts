import type { SubgraphContext } from '../context.js';
import { IssuanceService } from './licensing/issuance.service.js';
import type { LicensingRuntime } from './licensing/licensing-runtime.js';
import { LicenseService } from './license.service.js';

/** The license subgraph's request context. */
export interface LicenseContext extends SubgraphContext {
  readonly licenses: LicenseService;
  readonly issuance: IssuanceService;
  readonly licensing: LicensingRuntime;
}

/** Adds the licence services to a base context. */
export function extendLicenseContext(base: SubgraphContext, licensing: LicensingRuntime): LicenseContext {
  const ctx = { ...base, licensing } as LicenseContext;
  (ctx as { licenses: LicenseService }).licenses = new LicenseService(ctx);
  (ctx as { issuance: IssuanceService }).issuance = new IssuanceService(base.em, base.principal, licensing, base.now);
  return ctx;
}
