import type { EntityManager } from '@mikro-orm/postgresql';
import { createStatusCache } from '../../../licensing/status-cache.js';
import { verifyLicenseToken, type LicenseVerification, type StatusResolver, type StatusRef } from '../../../licensing/verify-license.js';
import type { StatusListService } from './status-lists.js';
import type { TrustService, TrustSnapshot } from './trust.service.js';

const FETCH_TIMEOUT_MS = 3_000;
const MAX_LIST_BYTES = 1024 * 1024;

/** Fetches another hub's status list (bounded in time and size). */
async function fetchList(uri: string): Promise<string> {
  const res = await fetch(uri, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  if (!res.ok) throw new Error(`${uri} answered ${res.status}`);
  const text = await res.text();
  if (text.length > MAX_LIST_BYTES) throw new Error(`${uri} sent more than ${MAX_LIST_BYTES} bytes`);
  return text.trim();
}

/**
 * Online verification as the hub does it: the hub's own status is read live
 * from the database; another hub's status list is fetched only from the base
 * URL its administrator-imported trust entry names (never from an arbitrary
 * URI in a token), verified, and cached for its `ttl`.
 */
export class VerificationService {
  private remote: { snapshot: TrustSnapshot; resolver: StatusResolver } | undefined;

  constructor(private readonly trust: TrustService, private readonly statusLists: StatusListService) {}

  private remoteResolver(snapshot: TrustSnapshot): StatusResolver {
    if (this.remote?.snapshot !== snapshot) this.remote = { snapshot, resolver: createStatusCache(fetchList, { trust: snapshot.store }) };
    return this.remote.resolver;
  }

  /** Verifies a licence, QR or copy token; never throws. */
  async verify(em: EntityManager, token: string, options: { expectedHolder?: string; at?: Date } = {}): Promise<LicenseVerification> {
    const snapshot = await this.trust.current(em);
    const statuses: StatusResolver = async (ref: StatusRef) => {
      const own = this.statusLists.issuerOfUri(ref.uri);
      if (own) {
        const value = await this.statusLists.valueAt(em, own, ref.idx);
        return value === undefined ? { error: `no licence at position ${ref.idx} of ${ref.uri}` } : { value, listIssuedAt: new Date(), source: 'LIVE' };
      }
      if (!snapshot.statusListBases.some((base) => ref.uri.startsWith(`${base}/`))) {
        return { error: `${ref.uri} is not published by a hub whose trust list was imported` };
      }
      return this.remoteResolver(snapshot)(ref);
    };
    return verifyLicenseToken(token, {
      trust: snapshot.store,
      statuses,
      authority: (department, type) => snapshot.authority(department, type),
      ...(options.at ? { at: options.at } : {}),
      ...(options.expectedHolder ? { expectedHolder: options.expectedHolder } : {}),
    });
  }
}
