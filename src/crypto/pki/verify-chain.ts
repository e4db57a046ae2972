/**
 * Certificate path validation against a {@link TrustStore}.
 *
 * Node's `X509Certificate` checks one link at a time and does not enforce
 * basicConstraints, pathLen or keyUsage; this module builds the path and
 * enforces them. It is a deliberately small profile of RFC 5280 §6, not all
 * of it: no name constraints, no certificate policies, no OCSP/CRL (revocation
 * is by removal from the trust store or trust list), names compared byte for
 * byte (which holds for certificates issued by one CA implementation).
 */
import { ChainError } from '../errors.js';
import { Lru } from '../lru.js';
import { EXTENSION_OID, type Certificate } from './certificate.js';
import { ACCEPTED_SIGNATURE_ALGORITHMS, weakKey } from './key-policy.js';
import type { TrustStore, TrustedCertificate, TrustedRoot } from './trust-store.js';

/** Names of the checks, in the order they run. */
export type ChainCheckName =
  | 'PATH'
  | 'TRUSTED_ROOT'
  | 'REVOKED_CERT'
  | 'CRITICAL_EXTENSION'
  | 'CA_FLAG'
  | 'PATH_LENGTH'
  | 'KEY_USAGE'
  | 'SIGNATURE'
  | 'VALIDITY';

/** One check's outcome. `certificate` is the subject CN of the certificate that failed it. */
export interface ChainCheck {
  readonly name: ChainCheckName;
  readonly ok: boolean;
  readonly reason?: string;
  readonly certificate?: string;
}

interface ChainResultBase {
  /** Checks in the order run; they stop at the first failure, so a check not listed was not run. */
  readonly checks: readonly ChainCheck[];
}

/** A chain that validated. */
export interface ChainSuccess extends ChainResultBase {
  readonly ok: true;
  readonly failed?: undefined;
  /** Leaf first, trust anchor last. */
  readonly path: readonly Certificate[];
  readonly anchor: TrustedRoot;
  /** The leaf's trust-store entry when it is explicitly vouched for (department code, licence types). */
  readonly vouched: TrustedCertificate | undefined;
}

/** A chain that did not validate; `failed` names the check. */
export interface ChainFailure extends ChainResultBase {
  readonly ok: false;
  readonly failed: ChainCheckName;
  readonly path?: undefined;
  readonly anchor?: undefined;
  readonly vouched?: undefined;
}

/** The result of {@link verifyChain}: narrow on `ok`. */
export type ChainResult = ChainSuccess | ChainFailure;

/** Longest path accepted (leaf + intermediates + root). */
export const MAX_PATH_LENGTH = 6;

const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(Object.values(EXTENSION_OID));

function issued(parent: Certificate, child: Certificate): boolean {
  if (child.issuerId !== parent.subjectId) return false;
  // When both key identifiers are present they must agree (RFC 5280 §4.2.1.1): tells apart roots that share a name.
  const aki = child.authorityKeyIdentifier;
  const ski = parent.subjectKeyIdentifier;
  return aki === undefined || ski === undefined || aki === ski;
}

/** Everything about a chain that does not depend on the time of checking (what the cache keeps). */
interface Structural {
  readonly checks: readonly ChainCheck[];
  readonly failed?: ChainCheckName;
  readonly path?: readonly Certificate[];
  readonly anchor?: TrustedRoot;
  readonly vouched?: TrustedCertificate;
  /** Latest notBefore and earliest notAfter over the path (ms). */
  readonly from: number;
  readonly until: number;
  /** The full result for any time inside from…until, built once. */
  readonly success?: ChainSuccess;
}

const ok = (name: ChainCheckName): ChainCheck => Object.freeze({ name, ok: true });
const bad = (name: ChainCheckName, reason: string, cert?: Certificate): ChainCheck =>
  Object.freeze({ name, ok: false, reason, ...(cert ? { certificate: cert.displayName } : {}) });

/** Runs the time-independent checks in order, stopping at the first failure. */
function evaluate(chain: readonly Certificate[], trust: TrustStore): Structural {
  const checks: ChainCheck[] = [];
  const stop = (check: ChainCheck): Structural => {
    checks.push(check);
    return { checks: Object.freeze(checks), failed: check.name, from: -Infinity, until: Infinity };
  };

  // PATH: the supplied certificates must each be issued by the next; then complete from the store.
  const leaf = chain[0];
  if (leaf === undefined) return stop(bad('PATH', 'the chain is empty'));
  if (chain.length > MAX_PATH_LENGTH) return stop(bad('PATH', `the chain has more than ${MAX_PATH_LENGTH} certificates`));
  const path: Certificate[] = [leaf];
  const seen = new Set([leaf.fingerprint]);
  let anchor = trust.root(leaf);
  let untrustedEnd: ChainCheck | undefined;
  for (let i = 1; anchor === undefined; i++) {
    const current = path[path.length - 1] as Certificate;
    const next = chain[i];
    if (next !== undefined) {
      if (!issued(next, current)) return stop(bad('PATH', `${next.displayName} is not the issuer of ${current.displayName}`, current));
      if (seen.has(next.fingerprint)) return stop(bad('PATH', 'the chain repeats a certificate', next));
      seen.add(next.fingerprint);
      path.push(next);
      anchor = trust.root(next);
      continue;
    }
    if (current.selfIssued) {
      untrustedEnd = bad('TRUSTED_ROOT', `self-issued ${current.displayName} is not a trusted root`, current);
      break;
    }
    const candidates = trust.rootsForIssuer(current.issuerId).filter((r) => issued(r.certificate, current));
    // Several anchors may share a name (key rollover): prefer the one whose key signed this certificate.
    const root = candidates.find((r) => current.isSignedBy(r.certificate)) ?? candidates[0];
    if (root === undefined) {
      untrustedEnd = bad('TRUSTED_ROOT', `no trusted root for issuer ${current.issuer.text}`, current);
      break;
    }
    if (path.length >= MAX_PATH_LENGTH) return stop(bad('PATH', `the path is longer than ${MAX_PATH_LENGTH}`));
    path.push(root.certificate);
    anchor = root;
  }
  if (path.length < chain.length && untrustedEnd === undefined) {
    return stop(bad('PATH', 'the chain continues past its trust anchor', path[path.length - 1]));
  }
  checks.push(ok('PATH'));
  if (untrustedEnd !== undefined || anchor === undefined) {
    return stop(untrustedEnd ?? bad('TRUSTED_ROOT', 'no trusted root'));
  }
  checks.push(ok('TRUSTED_ROOT'));

  // REVOKED_CERT: removed certificates, and (under a list-only root) certificates the list does not vouch for.
  const revoked = path.find((c) => trust.isRevoked(c));
  if (revoked) return stop(bad('REVOKED_CERT', `${revoked.displayName} has been removed from the trust store`, revoked));
  const vouched = trust.certificate(leaf);
  if (anchor.requireListedCertificates && path.length > 1 && (vouched === undefined || vouched.source !== anchor.source)) {
    return stop(bad('REVOKED_CERT', `${leaf.displayName} is not listed by the trust list of its root`, leaf));
  }
  checks.push(ok('REVOKED_CERT'));

  // CRITICAL_EXTENSION: RFC 5280 §6.1.4 — an unrecognised critical extension makes the certificate unusable.
  for (const cert of path) {
    const unknown = cert.extensions.find((e) => e.critical && !KNOWN_EXTENSIONS.has(e.oid));
    if (unknown) return stop(bad('CRITICAL_EXTENSION', `unrecognised critical extension ${unknown.oid}`, cert));
  }
  checks.push(ok('CRITICAL_EXTENSION'));

  // CA_FLAG: every issuer (the anchor too) is a CA; the leaf is not (a CA key must not sign documents).
  if (leaf.isCA) return stop(bad('CA_FLAG', 'the end-entity certificate is a CA certificate', leaf));
  for (const cert of path.slice(1)) {
    if (!cert.isCA) return stop(bad('CA_FLAG', 'issuer lacks basicConstraints CA:true', cert));
  }
  checks.push(ok('CA_FLAG'));

  // PATH_LENGTH: a CA's pathLen bounds the non-self-issued intermediates below it.
  for (let k = 2; k < path.length; k++) {
    const cert = path[k] as Certificate;
    const below = path.slice(1, k).filter((c) => !c.selfIssued).length;
    if (cert.pathLength !== undefined && below > cert.pathLength) {
      return stop(bad('PATH_LENGTH', `pathLen ${cert.pathLength} allows fewer than the ${below} intermediate CA(s) below it`, cert));
    }
  }
  checks.push(ok('PATH_LENGTH'));

  // KEY_USAGE: required, not merely "if present" — a stricter profile than RFC 5280.
  if (!leaf.keyUsage?.digitalSignature) return stop(bad('KEY_USAGE', 'leaf keyUsage lacks digitalSignature', leaf));
  for (const cert of path.slice(1)) {
    if (!cert.keyUsage?.keyCertSign) return stop(bad('KEY_USAGE', 'issuer keyUsage lacks keyCertSign', cert));
  }
  checks.push(ok('KEY_USAGE'));

  // SIGNATURE: each link with the issuer's key; accepted algorithms and key sizes only. The anchor's own
  // signature is not checked: it is trusted by being in the store (RFC 5280 §6.1).
  for (let k = 0; k < path.length; k++) {
    const cert = path[k] as Certificate;
    const weak = weakKey(cert);
    if (weak) return stop(bad('SIGNATURE', weak, cert));
    const issuer = path[k + 1];
    if (issuer === undefined) break;
    if (!ACCEPTED_SIGNATURE_ALGORITHMS.has(cert.signatureAlgorithm)) {
      return stop(bad('SIGNATURE', `signature algorithm ${cert.signatureAlgorithm} is not accepted`, cert));
    }
    if (!cert.isSignedBy(issuer)) return stop(bad('SIGNATURE', `not signed by the key of ${issuer.displayName}`, cert));
  }
  checks.push(ok('SIGNATURE'));

  let from = -Infinity;
  let until = Infinity;
  for (const cert of path) {
    from = Math.max(from, cert.notBeforeTime);
    until = Math.min(until, cert.notAfterTime);
  }
  const frozenPath = Object.freeze(path);
  const success: ChainSuccess = Object.freeze({
    ok: true,
    checks: Object.freeze([...checks, ok('VALIDITY')]),
    path: frozenPath,
    anchor,
    vouched,
  });
  return { checks: Object.freeze(checks), path: frozenPath, anchor, ...(vouched ? { vouched } : {}), from, until, success };
}

function withValidity(structural: Structural, at: number): ChainResult {
  if (structural.failed !== undefined) {
    return { ok: false, checks: structural.checks, failed: structural.failed };
  }
  if (structural.success && at >= structural.from && at <= structural.until) return structural.success;
  const path = structural.path ?? [];
  const outside = Number.isNaN(at) ? path[0] : path.find((c) => !c.isValidAt(at));
  const reason = Number.isNaN(at)
    ? 'the verification time is not a valid date'
    : outside && at < outside.notBeforeTime
      ? `not valid before ${outside.notBefore.toISOString()}`
      : `expired at ${outside?.notAfter.toISOString() ?? '?'}`;
  return {
    ok: false,
    checks: Object.freeze([...structural.checks, bad('VALIDITY', reason, outside)]),
    failed: 'VALIDITY',
  };
}

const CACHE_SIZE = 1000;
const caches = new WeakMap<TrustStore, { revision: number; lru: Lru<string, Structural> }>();

/**
 * Validates `chain` (leaf first, then intermediates; the root may be included
 * or left for the store to supply) against `trust` at time `at`.
 *
 * Checks, in order, stopping at the first failure: PATH (each certificate is
 * issued by the next, no loops, nothing after the anchor), TRUSTED_ROOT (the
 * path ends at a root in the store; a self-signed root that is not in the
 * store fails here), REVOKED_CERT, CRITICAL_EXTENSION, CA_FLAG (issuers CA,
 * leaf not), PATH_LENGTH, KEY_USAGE (leaf digitalSignature, issuers
 * keyCertSign), SIGNATURE (every link, accepted algorithms, keys ≥ 2048-bit
 * RSA), VALIDITY (every certificate at `at`).
 *
 * Results are cached per trust store (bounded LRU keyed by the chain's
 * fingerprints; any store change discards them), so the second verification
 * of a chain costs a map lookup and two comparisons. Never throws.
 *
 * @example
 * const result = verifyChain([dept.certificate], trust, new Date());
 * if (!result.ok) console.warn(result.failed, result.checks.at(-1)?.reason);
 */
export function verifyChain(chain: readonly Certificate[], trust: TrustStore, at: Date = new Date()): ChainResult {
  try {
    let cache = caches.get(trust);
    if (cache === undefined || cache.revision !== trust.revision) {
      cache = { revision: trust.revision, lru: new Lru(CACHE_SIZE) };
      caches.set(trust, cache);
    }
    let key = '';
    for (const cert of chain) key += cert.fingerprint;
    let structural = cache.lru.get(key);
    if (structural === undefined) {
      structural = evaluate(chain, trust);
      cache.lru.set(key, structural);
    }
    return withValidity(structural, at.getTime());
  } catch (cause) {
    // Defensive: evaluate() is not expected to throw, but a verifier must answer, not crash.
    return { ok: false, checks: [bad('PATH', `unexpected error: ${cause instanceof Error ? cause.message : String(cause)}`)], failed: 'PATH' };
  }
}

/**
 * Like {@link verifyChain}, but throws when the chain does not validate.
 *
 * @throws {ChainError} with `details.reason` = the failed check name.
 * @example
 * const { path, anchor } = assertChain(chain, trust);
 */
export function assertChain(chain: readonly Certificate[], trust: TrustStore, at: Date = new Date()): ChainSuccess {
  const result = verifyChain(chain, trust, at);
  if (result.ok) return result;
  const last = result.checks[result.checks.length - 1];
  throw ChainError.failed(result.failed, last?.reason, last?.certificate);
}
