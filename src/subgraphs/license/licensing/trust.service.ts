import type { EntityManager } from '@mikro-orm/postgresql';
import {
  importTrustList,
  parseCertificate,
  signTrustList,
  TrustStore,
  verifyTrustList,
  type Certificate,
} from '../../../crypto/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import type { Keyring } from '../../../pki/keyring.js';
import { LicenseTypeEntity } from '../license-type.entity.js';
import { TrustRemovalEntity, TrustSourceEntity } from '../trust-source.entity.js';

/** Who may sign which licence types: department code → type codes. */
export type IssuerAuthorityMap = ReadonlyMap<string, ReadonlySet<string>>;

/** The trust this process works with right now. */
export interface TrustSnapshot {
  readonly store: TrustStore;
  /** Decides ISSUER_AUTHORISED: own catalogue for own departments, the trust list for imported ones. */
  authority(departmentCode: string, typeCode: string): true | string;
  /** Status-list base URLs of imported hubs: only URIs under these are ever fetched. */
  readonly statusListBases: readonly string[];
}

const RECHECK_MS = 1_000;
const PUBLISHED_TTL_MS = 60_000;

/**
 * The hub's trust store and trust list. The store holds this hub's root and
 * department certificates (each authorised for the licence types the catalogue
 * lets that department issue), every other region's trust list an
 * administrator imported, minus every certificate an administrator removed.
 *
 * It lives for the process and is rebuilt when the database says trust changed
 * (checked at most once a second), so a removal or import reaches every
 * process, embedded or distributed, within about a second.
 */
export class TrustService {
  private snapshot: { key: string; value: TrustSnapshot; checkedAt: number } | undefined;
  private published: { token: string; at: number } | undefined;

  constructor(private readonly keyring: Keyring | undefined, private readonly hubId: string) {}

  private async versionKey(em: EntityManager): Promise<string> {
    const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
      `select (select count(*) from license.trust_source) as sources,
              (select max(imported_at) from license.trust_source) as imported,
              (select count(*) from license.trust_removal) as removals,
              (select max(updated_at) from license.license_type) as types`,
    );
    return JSON.stringify(rows[0]);
  }

  /** The current trust, rebuilt if it changed. */
  async current(em: EntityManager): Promise<TrustSnapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.snapshot.checkedAt < RECHECK_MS) return this.snapshot.value;
    const key = await this.versionKey(em);
    if (this.snapshot?.key === key) {
      this.snapshot.checkedAt = now;
      return this.snapshot.value;
    }
    const value = await this.build(em);
    this.snapshot = { key, value, checkedAt: now };
    return value;
  }

  /** Forgets the snapshot so the next call rebuilds (after a change made by this process). */
  invalidate(): void {
    this.snapshot = undefined;
    this.published = undefined;
  }

  private async ownAuthority(em: EntityManager): Promise<Map<string, Set<string>>> {
    const types = await em.find(LicenseTypeEntity, {});
    const byDepartment = new Map<string, Set<string>>();
    for (const type of types) {
      for (const code of type.issuingDepartments) byDepartment.set(code, (byDepartment.get(code) ?? new Set()).add(type.code));
    }
    return byDepartment;
  }

  private async build(em: EntityManager): Promise<TrustSnapshot> {
    const store = new TrustStore();
    const authority = new Map<string, Set<string>>();
    if (this.keyring) {
      store.addRoot(this.keyring.root, { source: this.hubId });
      const own = await this.ownAuthority(em);
      for (const [code, key] of this.keyring.departments) {
        const types = own.get(code) ?? new Set<string>();
        store.addCertificate(key.certificate, { departmentCode: code, licenseTypes: [...types], source: this.hubId });
        authority.set(code, types);
      }
    }
    const sources = await em.find(TrustSourceEntity, {}, { orderBy: { issuer: 'asc' } });
    const statusListBases: string[] = [];
    for (const source of sources) {
      const result = verifyTrustList(source.token, { pinnedRoot: parseCertificate(source.pinnedRootPem), expectedIssuer: source.issuer });
      // A stored list that no longer verifies (expired, say) simply stops conferring trust.
      if (!result.ok) continue;
      importTrustList(store, result.trustList);
      for (const c of result.trustList.certificates) {
        authority.set(c.departmentCode, new Set([...(authority.get(c.departmentCode) ?? []), ...c.licenseTypes]));
      }
      if (source.statusListBase) statusListBases.push(source.statusListBase);
    }
    for (const removal of await em.find(TrustRemovalEntity, {})) {
      if (store.root(removal.fingerprint)) store.removeRoot(removal.fingerprint);
      else store.removeCertificate(removal.fingerprint);
    }
    const frozen: IssuerAuthorityMap = authority;
    return {
      store,
      statusListBases,
      authority(departmentCode, typeCode) {
        const types = frozen.get(departmentCode);
        if (!types) return `department ${departmentCode} is not an issuer known to this hub's trust`;
        return types.has(typeCode) ? true : `department ${departmentCode} is not authorised to issue licence type ${typeCode}`;
      },
    };
  }

  /** This hub's signed trust list: its root and the department certificates it vouches for. */
  async publishedList(em: EntityManager): Promise<string | undefined> {
    if (!this.keyring) return undefined;
    if (this.published && Date.now() - this.published.at < PUBLISHED_TTL_MS) return this.published.token;
    const own = await this.ownAuthority(em);
    const removed = new Set((await em.find(TrustRemovalEntity, {})).map((r) => r.fingerprint));
    const now = new Date();
    const token = signTrustList({
      issuer: this.hubId,
      // Seconds since the epoch: every later list has a higher sequence, as importers require.
      sequence: Math.floor(now.getTime() / 1000),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      roots: [this.keyring.root],
      certificates: [...this.keyring.departments.values()]
        .filter((d) => !removed.has(d.certificate.fingerprint))
        .map((d) => ({ certificate: d.certificate, departmentCode: d.code, licenseTypes: [...(own.get(d.code) ?? [])] })),
    }, this.keyring.trustListSigner);
    this.published = { token, at: now.getTime() };
    return token;
  }

  /**
   * Imports another region's trust list after checking it against the root
   * the administrator pinned (obtained out of band).
   * @throws ValidationError naming the failed check; ConflictError for an older list.
   */
  async importList(em: EntityManager, input: { token: string; pinnedRootPem: string; statusListBase?: string | null }, actor: string): Promise<{ issuer: string; sequence: number; roots: number; certificates: number }> {
    let pinnedRoot: Certificate;
    try {
      pinnedRoot = parseCertificate(input.pinnedRootPem);
    } catch (cause) {
      throw new ValidationError('input.pinnedRootPem: not a PEM or DER X.509 certificate', { field: 'input.pinnedRootPem', reason: 'CERTIFICATE' }, { cause });
    }
    const result = verifyTrustList(input.token, { pinnedRoot });
    if (!result.ok) {
      const failed = result.checks.find((c) => !c.ok);
      throw new ValidationError(`input.token: the trust list failed its ${result.failed} check${failed?.reason ? `: ${failed.reason}` : ''}`, { field: 'input.token', reason: result.failed });
    }
    const list = result.trustList;
    if (list.issuer === this.hubId) throw new ValidationError('input.token: this is our own trust list', { field: 'input.token', reason: 'OWN_LIST' });
    if (input.statusListBase && !/^https?:\/\/[^\s]+$/.test(input.statusListBase)) {
      throw new ValidationError('input.statusListBase: must be an http(s) URL', { field: 'input.statusListBase', reason: 'FORMAT' });
    }
    const existing = await em.findOne(TrustSourceEntity, { issuer: list.issuer });
    if (existing && existing.sequence >= list.sequence) {
      throw new ConflictError('CONFLICT', `A trust list of ${list.issuer} with sequence ${existing.sequence} is already imported; this one is ${list.sequence}`, { field: 'input.token', reason: 'STALE_SEQUENCE' });
    }
    em.persist(em.create(TrustSourceEntity, {
      issuer: list.issuer, token: input.token, pinnedRootPem: pinnedRoot.pem, statusListBase: input.statusListBase?.replace(/\/$/, '') ?? null,
      sequence: list.sequence, importedAt: new Date(), importedBy: actor,
    }));
    if (existing) em.remove(existing);
    await em.flush();
    this.invalidate();
    return { issuer: list.issuer, sequence: list.sequence, roots: list.roots.length, certificates: list.certificates.length };
  }

  /**
   * Takes a root or department certificate out of the trust store: every
   * licence that chains to it verifies as UNTRUSTED from then on.
   * @throws NotFoundError when no trusted certificate has that fingerprint.
   */
  async remove(em: EntityManager, fingerprint: string, reason: string, actor: string): Promise<{ subject: string }> {
    const normalised = fingerprint.toLowerCase().replace(/:/g, '');
    const entry = (await this.current(em)).store.byFingerprint(normalised);
    if (!entry) throw NotFoundError.of('Trusted certificate', fingerprint, 'fingerprint');
    if (!(await em.findOne(TrustRemovalEntity, { fingerprint: normalised }))) {
      em.persist(em.create(TrustRemovalEntity, { fingerprint: normalised, subject: entry.certificate.displayName, reason, removedAt: new Date(), removedBy: actor }));
      await em.flush();
    }
    this.invalidate();
    return { subject: entry.certificate.displayName };
  }
}
