/**
 * What this hub trusts: root certificates (trust anchors), optionally
 * vouched-for department certificates with the licence types they may sign,
 * and the certificates it has withdrawn.
 *
 * Limitations, stated plainly: there is no OCSP or CRL fetching. Revocation of
 * a department certificate is by removal — {@link TrustStore.removeCertificate},
 * or a newer trust list that no longer lists it under a root imported with
 * `requireListedCertificates`.
 */
import type { Certificate } from './certificate.js';

/** A trust anchor. */
export interface TrustedRoot {
  readonly kind: 'root';
  readonly certificate: Certificate;
  /**
   * When true, only department certificates explicitly added with
   * {@link TrustStore.addCertificate} are accepted under this root (how
   * another region's trust list is imported: dropping a certificate from the
   * list revokes it).
   */
  readonly requireListedCertificates: boolean;
  /** Who vouched for it: the issuer of the trust list it came from, or undefined when added locally. */
  readonly source: string | undefined;
}

/** An explicitly vouched-for department certificate. It is not an anchor: it must still chain to a trusted root. */
export interface TrustedCertificate {
  readonly kind: 'certificate';
  readonly certificate: Certificate;
  /** The department's USCC (from the trust list, checked against the certificate's subject serialNumber). */
  readonly departmentCode: string | undefined;
  /** Licence type codes this certificate may sign; empty means the list states none (callers decide what that allows). */
  readonly licenseTypes: readonly string[];
  readonly source: string | undefined;
}

/** Anything the store holds. */
export type TrustEntry = TrustedRoot | TrustedCertificate;

/** Options of {@link TrustStore.addRoot}. */
export interface AddRootOptions {
  readonly requireListedCertificates?: boolean;
  readonly source?: string;
}

/** Options of {@link TrustStore.addCertificate}. */
export interface AddCertificateOptions {
  readonly departmentCode?: string;
  readonly licenseTypes?: readonly string[];
  readonly source?: string;
}

type Ref = Certificate | string;
const fingerprintOf = (ref: Ref): string => (typeof ref === 'string' ? ref.toLowerCase() : ref.fingerprint);

/**
 * A mutable set of trust anchors and vouched-for certificates.
 *
 * Every mutation bumps {@link TrustStore.revision}; chain results cached
 * against an older revision are discarded, so removal takes effect on the
 * very next verification.
 *
 * @example
 * const trust = new TrustStore().addRoot(hubRoot.certificate);
 * trust.addCertificate(dept.certificate, { departmentCode: '91350100M000100Y43', licenseTypes: ['11100000000013338W001'] });
 * trust.removeCertificate(dept.certificate); // every token signed by it now fails REVOKED_CERT
 */
export class TrustStore {
  readonly #roots = new Map<string, TrustedRoot>();
  readonly #certificates = new Map<string, TrustedCertificate>();
  readonly #revoked = new Set<string>();
  readonly #sequences = new Map<string, number>();
  #rootsBySubject = new Map<string, TrustedRoot[]>();
  #byKid = new Map<string, TrustEntry[]>();
  #revision = 0;

  constructor(init: { roots?: readonly Certificate[]; certificates?: readonly Certificate[] } = {}) {
    for (const root of init.roots ?? []) this.addRoot(root);
    for (const cert of init.certificates ?? []) this.addCertificate(cert);
  }

  /** Increases on every change. */
  get revision(): number {
    return this.#revision;
  }

  /** Adds (or replaces) a trust anchor. */
  addRoot(certificate: Certificate, options: AddRootOptions = {}): this {
    this.#roots.set(certificate.fingerprint, Object.freeze({
      kind: 'root',
      certificate,
      requireListedCertificates: options.requireListedCertificates ?? false,
      source: options.source,
    }));
    this.#revoked.delete(certificate.fingerprint);
    return this.#changed();
  }

  /** Removes a trust anchor: everything that chains only to it becomes untrusted. Returns whether it was present. */
  removeRoot(ref: Ref): boolean {
    const had = this.#roots.delete(fingerprintOf(ref));
    if (had) this.#changed();
    return had;
  }

  /** Vouches for a department certificate (and lifts an earlier removal of it). */
  addCertificate(certificate: Certificate, options: AddCertificateOptions = {}): this {
    this.#certificates.set(certificate.fingerprint, Object.freeze({
      kind: 'certificate',
      certificate,
      departmentCode: options.departmentCode,
      licenseTypes: Object.freeze([...(options.licenseTypes ?? [])]),
      source: options.source,
    }));
    this.#revoked.delete(certificate.fingerprint);
    return this.#changed();
  }

  /**
   * Withdraws a certificate: it is no longer vouched for and is remembered as
   * revoked, so chains through it fail `REVOKED_CERT` even while its root stays trusted.
   */
  removeCertificate(ref: Ref): void {
    const fp = fingerprintOf(ref);
    this.#certificates.delete(fp);
    this.#revoked.add(fp);
    this.#changed();
  }

  /**
   * Replaces everything previously added from `source` (a trust list issuer) in
   * one step, and records the list's sequence number. Used by `importTrustList`.
   */
  replaceSource(
    source: string,
    sequence: number,
    roots: readonly Certificate[],
    certificates: readonly { certificate: Certificate; departmentCode?: string; licenseTypes?: readonly string[] }[],
  ): void {
    const keep = new Set(certificates.map((c) => c.certificate.fingerprint));
    for (const [fp, entry] of this.#roots) if (entry.source === source) this.#roots.delete(fp);
    for (const [fp, entry] of this.#certificates) {
      if (entry.source !== source) continue;
      this.#certificates.delete(fp);
      // Dropped from the newer list: revoked, even if another root would still vouch for its issuer.
      if (!keep.has(fp)) this.#revoked.add(fp);
    }
    for (const root of roots) {
      // Never take over an anchor added locally or by another list.
      const existing = this.#roots.get(root.fingerprint);
      if (existing && existing.source !== source) continue;
      this.#roots.set(root.fingerprint, Object.freeze({ kind: 'root', certificate: root, requireListedCertificates: true, source }));
    }
    for (const c of certificates) {
      const existing = this.#certificates.get(c.certificate.fingerprint);
      if (existing && existing.source !== source) continue;
      this.#certificates.set(c.certificate.fingerprint, Object.freeze({
        kind: 'certificate',
        certificate: c.certificate,
        departmentCode: c.departmentCode,
        licenseTypes: Object.freeze([...(c.licenseTypes ?? [])]),
        source,
      }));
      this.#revoked.delete(c.certificate.fingerprint);
    }
    this.#sequences.set(source, sequence);
    this.#changed();
  }

  /** Removes everything that came from `source` (forgets its sequence number too). */
  removeSource(source: string): void {
    for (const [fp, entry] of this.#roots) if (entry.source === source) this.#roots.delete(fp);
    for (const [fp, entry] of this.#certificates) if (entry.source === source) this.#certificates.delete(fp);
    this.#sequences.delete(source);
    this.#changed();
  }

  /** The sequence number of the last trust list imported from `source`. */
  sequenceOf(source: string): number | undefined {
    return this.#sequences.get(source);
  }

  isRevoked(ref: Ref): boolean {
    return this.#revoked.has(fingerprintOf(ref));
  }

  /** The trusted root with this fingerprint (SHA-256 hex). */
  root(ref: Ref): TrustedRoot | undefined {
    return this.#roots.get(fingerprintOf(ref));
  }

  /** The vouched-for certificate with this fingerprint (SHA-256 hex). */
  certificate(ref: Ref): TrustedCertificate | undefined {
    return this.#certificates.get(fingerprintOf(ref));
  }

  /** Lookup by fingerprint over roots and certificates. */
  byFingerprint(fingerprint: string): TrustEntry | undefined {
    return this.root(fingerprint) ?? this.certificate(fingerprint);
  }

  /** Lookup by `kid`. A kid is only 8 bytes of hash: more than one entry can match, so all are returned. */
  byKid(kid: string): readonly TrustEntry[] {
    return this.#byKid.get(kid) ?? [];
  }

  /** Trusted roots whose subject Name is byte-identical to `issuerId` (a certificate's `issuerId`). */
  rootsForIssuer(issuerId: string): readonly TrustedRoot[] {
    return this.#rootsBySubject.get(issuerId) ?? [];
  }

  roots(): readonly TrustedRoot[] {
    return [...this.#roots.values()];
  }

  certificates(): readonly TrustedCertificate[] {
    return [...this.#certificates.values()];
  }

  #changed(): this {
    this.#revision++;
    const bySubject = new Map<string, TrustedRoot[]>();
    const byKid = new Map<string, TrustEntry[]>();
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const root of this.#roots.values()) {
      push(bySubject, root.certificate.subjectId, root);
      push(byKid, root.certificate.kid, root);
    }
    for (const cert of this.#certificates.values()) push(byKid, cert.certificate.kid, cert);
    this.#rootsBySubject = bySubject;
    this.#byKid = byKid;
    return this;
  }
}
