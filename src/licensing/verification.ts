/**
 * The vocabulary of licence verification: verdicts, checks, the verifier's
 * collaborators (status resolver, issuer authority) and its result. Kept apart
 * from `verify-license.ts` so the status cache and the offline store can
 * depend on these types without depending on the verifier.
 */
import type { Certificate, TrustStore } from '../crypto/index.js';
import type { CopyClaims, LicenseClaims, LicenseSummary, StatusRef } from './license-claims.js';

/** The verifier's answer. When several checks fail, the first in this order wins. */
export type Verdict = 'VALID' | 'EXPIRED' | 'NOT_YET_VALID' | 'SUSPENDED' | 'REVOKED' | 'UNTRUSTED' | 'INVALID';

/** Precedence of failure verdicts, strongest first. */
export const VERDICT_PRECEDENCE: readonly Exclude<Verdict, 'VALID'>[] = Object.freeze([
  'INVALID',
  'UNTRUSTED',
  'REVOKED',
  'SUSPENDED',
  'EXPIRED',
  'NOT_YET_VALID',
]);

/** The checks, in the order they are reported. */
export type LicenseCheckName =
  | 'WELL_FORMED'
  | 'SIGNATURE'
  | 'CHAIN'
  | 'CERTIFICATE'
  | 'ISSUER_AUTHORISED'
  | 'VALIDITY_WINDOW'
  | 'STATUS'
  | 'HOLDER_MATCH';

/** Every check name, in report order. */
export const LICENSE_CHECKS: readonly LicenseCheckName[] = Object.freeze([
  'WELL_FORMED',
  'SIGNATURE',
  'CHAIN',
  'CERTIFICATE',
  'ISSUER_AUTHORISED',
  'VALIDITY_WINDOW',
  'STATUS',
  'HOLDER_MATCH',
]);

/**
 * One check's outcome. `ok: true` means it ran and passed; a check that did
 * not run has `ok: false, skipped: true` and says why in `reason`.
 */
export interface LicenseCheck {
  name: LicenseCheckName;
  ok: boolean;
  skipped?: boolean;
  reason?: string;
}

/** A licence's status as read from its status list. */
export interface StatusAnswer {
  /** 0 valid, 1 invalid (revoked), 2 suspended; anything else is treated as unknown (fail closed). */
  value: number;
  /** The status list's `iat`. */
  listIssuedAt: Date;
  /** LIVE: fetched by this process and within the list's ttl. CACHE: past its ttl, primed from storage, or offline. */
  source: 'LIVE' | 'CACHE';
}

/** Looks up a licence's status. Should resolve `{ error }` rather than reject when the status cannot be obtained. */
export type StatusResolver = (ref: StatusRef) => Promise<StatusAnswer | { error: string }>;

/** The verified signing certificate, for authorities that decide per certificate (as trust lists do). */
export interface IssuerSigner {
  readonly certificate: Certificate;
}

/**
 * Whether a department may issue a licence type: `true`, or the reason it may
 * not. Must answer `true` exactly (anything else is a refusal). The third
 * argument is the verified signing certificate.
 */
export type IssuerAuthority = (departmentCode: string, typeCode: string, signer?: IssuerSigner) => true | string;

/** Options of `verifyLicenseToken`. */
export interface VerifyLicenseOptions {
  trust: TrustStore;
  statuses: StatusResolver;
  authority: IssuerAuthority;
  /** Time of verification; default now. Certificates, validity dates and the copy's expiry are judged at this time. */
  at?: Date;
  /** The holder the presenter claims to be (ID number or credit code); a lower-case `x` is accepted. */
  expectedHolder?: string;
  /** Largest accepted token in bytes; default 16 KiB. Checked before anything is decoded. */
  maxBytes?: number;
  /** When set, a status list older than this (at − its iat) fails STATUS as UNTRUSTED. */
  maxStatusAgeSeconds?: number;
}

/** The result of `verifyLicenseToken`. Read `verdict`; the rest is detail. */
export interface LicenseVerification {
  verdict: Verdict;
  kind: 'LICENSE' | 'QR' | 'COPY' | 'UNKNOWN';
  /** Every check, in {@link LICENSE_CHECKS} order: passed, failed, or skipped. */
  checks: LicenseCheck[];
  /**
   * The full claims of a `LICENSE` or `COPY` token, present once its signature,
   * chain and certificate verified and its claims parsed — even when the
   * verdict is not VALID. Never act on it without reading `verdict`.
   */
  license?: LicenseClaims;
  /** What every kind carries (all a QR token has); present under the same condition as `license`. */
  summary?: LicenseSummary;
  /** The licence's status, when it was read. */
  status?: { value: 'VALID' | 'REVOKED' | 'SUSPENDED'; listIssuedAt: string; ageSeconds: number; source: 'LIVE' | 'CACHE' };
  /** The copy's annotations (COPY tokens). */
  copy?: { purpose: string; recipient: string; expiresAt: string; madeBy: CopyClaims['madeBy'] };
  /** Who signed it, once the signature and chain verified. */
  signer?: { departmentCode: string | undefined; name: string; kid: string };
  /** The verification time used, ISO 8601. */
  at: string;
}
