/**
 * Which keys and certificate signature algorithms a path may use (internal to
 * `pki/`): RSA ≥ 2048 bits, EC on P-256/384/521, Ed25519; SHA-2 signatures.
 */
import type { Certificate } from './certificate.js';

/** Certificate signature algorithms accepted on a path (no SHA-1, no MD5). */
export const ACCEPTED_SIGNATURE_ALGORITHMS: ReadonlySet<string> = new Set([
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  '1.2.840.113549.1.1.10', // RSASSA-PSS
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
  '1.3.101.112', // Ed25519
]);

const ACCEPTED_CURVES: ReadonlySet<string> = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

/** Why a certificate's key is too weak to rely on, or undefined when it is acceptable. */
export function weakKey(cert: Certificate): string | undefined {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return (details.modulusLength ?? 0) < 2048 ? `RSA key of ${details.modulusLength ?? 0} bits (< 2048)` : undefined;
    case 'ec':
      return ACCEPTED_CURVES.has(details.namedCurve ?? '') ? undefined : `EC curve ${details.namedCurve ?? '?'} is not accepted`;
    case 'ed25519':
      return undefined;
    default:
      return `key type ${key.asymmetricKeyType ?? '?'} is not accepted`;
  }
}

