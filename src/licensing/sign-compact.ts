/**
 * Compact PS256 signing without `x5c`: the header is only `{ alg, typ, kid }`,
 * so a QR token does not carry a ~1.3 KB certificate. The verifier finds the
 * certificate by `kid` among the department certificates its trust store
 * vouches for (the EU DCC model), so a kid-only token verifies only where the
 * signer's certificate was distributed through a trust list.
 *
 * `signLicenseJws` (src/crypto) always writes `x5c`, hence this small sibling;
 * it signs exactly as that module does (RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32).
 */
import { constants, createPublicKey, sign } from 'node:crypto';
import { encodeBase64Url } from '../crypto/jws/base64url.js';
import { JWS_ALG, JwsError, type JwsSigner } from '../crypto/index.js';

const TYP = /^[\x21-\x7e]{1,64}$/;
const headers = new WeakMap<JwsSigner, Map<string, string>>();

/** `base64url(header) + '.'`, built once per signer and typ after checking the key belongs to the leaf. */
function encodedHeader(signer: JwsSigner, typ: string): string {
  let byTyp = headers.get(signer);
  const cached = byTyp?.get(typ);
  if (cached !== undefined) return cached;
  if (!TYP.test(typ)) throw JwsError.invalidSigner(`typ "${typ}" is not a short printable token`);
  const leaf = signer.chain[0];
  if (leaf === undefined) throw JwsError.invalidSigner('the certificate chain is empty');
  // createJwsSigner checks this too, but a JwsSigner is a plain interface: a hand-made one might not match.
  const fromKey = createPublicKey(signer.privateKey).export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(leaf.publicKey.export({ type: 'spki', format: 'der' }))) {
    throw JwsError.invalidSigner(`the private key does not belong to ${leaf.displayName}`);
  }
  const encoded = `${encodeBase64Url(JSON.stringify({ alg: JWS_ALG, typ, kid: leaf.kid }))}.`;
  if (byTyp === undefined) {
    byTyp = new Map();
    headers.set(signer, byTyp);
  }
  byTyp.set(typ, encoded);
  return encoded;
}

/**
 * Signs `payload` as a compact JWS with header `{ alg: 'PS256', typ, kid }`
 * (no `x5c`), `kid` being the signer's leaf certificate kid.
 *
 * @throws {JwsError} `INVALID_PAYLOAD` for a non-object payload; `INVALID_SIGNER` for a key that is not the leaf's.
 * @example
 * const qr = signCompactJws({ i: licenseId, … }, signer, 'license-qr+jwt');
 */
export function signCompactJws(payload: object, signer: JwsSigner, typ: string): string {
  const header = encodedHeader(signer, typ);
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (cause) {
    throw JwsError.invalidPayload('not serialisable as JSON', cause);
  }
  if (json === undefined || json.charCodeAt(0) !== 0x7b /* { */) throw JwsError.invalidPayload('must be a JSON object');
  const signingInput = header + encodeBase64Url(json);
  const signature = sign('sha256', Buffer.from(signingInput, 'latin1'), {
    key: signer.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}
