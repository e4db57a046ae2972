import type { Keyring } from '../../../pki/keyring.js';
import { StatusListService } from './status-lists.js';
import { TrustService } from './trust.service.js';
import { VerificationService } from './verification.service.js';

/**
 * Process-wide e-licence state shared by every request of the license
 * subgraph and the licensing HTTP routes: the keyring, the trust store and the
 * signed status lists (each cached, each rebuilt when the database says so).
 */
export interface LicensingRuntime {
  readonly keyring: Keyring | undefined;
  readonly trust: TrustService;
  readonly statusLists: StatusListService;
  readonly verification: VerificationService;
  readonly hubId: string;
  readonly publicUrl: string;
}

/** Builds the runtime for one process. */
export function createLicensingRuntime(options: { keyring: Keyring | undefined; hubId: string; publicUrl: string }): LicensingRuntime {
  const trust = new TrustService(options.keyring, options.hubId);
  const statusLists = new StatusListService(options.publicUrl);
  return {
    keyring: options.keyring,
    trust,
    statusLists,
    verification: new VerificationService(trust, statusLists),
    hubId: options.hubId,
    publicUrl: options.publicUrl,
  };
}
