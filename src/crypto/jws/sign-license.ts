/**
 * Compact JWS signing with PS256 and an `x5c` certificate chain.
 *
 * The signature is made with `node:crypto` (RSASSA-PSS, SHA-256, MGF1-SHA-256,
 * salt 32 bytes as RFC 7518 §3.5 requires); the encoded header is computed
 * once per signer and typ and cached, so a signature costs one
 * `crypto.sign` plus JSON and base64 work on the payload.
 */
import { constants, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { JwsError } from '../errors.js';
import { parseCertificateChain, type Certificate } from '../pki/certificate.js';
import { encodeBase64Url } from './base64url.js';

/** The only algorithm OneWindow signs and accepts. */
export const JWS_ALG = 'PS256';

/** `typ` of an e-licence JWS. */
export const LICENSE_TYP = 'license+jwt';

/** A private key and its certificate chain (leaf first; the root may be included and is left out of `x5c`). */
export interface JwsSigner {
  readonly privateKey: KeyObject;
  readonly chain: readonly Certificate[];
}

const TYP = /^[\x21-\x7e]{1,64}$/;
const headers = new WeakMap<JwsSigner, Map<string, string>>();

/** Options of {@link signLicenseJws}. */
export interface SignJwsOptions {
  /**
   * Put the certificate chain in `x5c` (default true). False makes a compact
   * token with `kid` only, for QR codes: verifiers then need the signer's
   * certificate in their trust store.
   */
  readonly x5c?: boolean;
}

function checkSigner(signer: JwsSigner): void {
  const leaf = signer.chain[0];
  if (leaf === undefined) throw JwsError.invalidSigner('the certificate chain is empty');
  const key = signer.privateKey;
  if (key.type !== 'private') throw JwsError.invalidSigner('privateKey is not a private key');
  if (key.asymmetricKeyType !== 'rsa') throw JwsError.invalidSigner(`PS256 needs an RSA key, not ${key.asymmetricKeyType ?? '?'}`);
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw JwsError.invalidSigner('the RSA key is shorter than 2048 bits');
  const fromKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const fromCert = leaf.publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCert)) throw JwsError.invalidSigner(`the private key does not belong to ${leaf.displayName}`);
}

/** `base64url(header) + '.'`, built and checked once per signer object, typ and chain choice. */
function encodedHeader(signer: JwsSigner, typ: string, withChain: boolean): string {
  let byTyp = headers.get(signer);
  const cacheKey = withChain ? typ : `${typ} kid-only`;
  const cached = byTyp?.get(cacheKey);
  if (cached !== undefined) return cached;
  if (!TYP.test(typ)) throw JwsError.invalidSigner(`typ "${typ}" is not a short printable token`);
  checkSigner(signer);
  const chain = [...signer.chain];
  // RFC 7515 §4.1.6 allows the root in x5c, but the verifier holds it already: leave self-issued tail certificates out.
  while (chain.length > 1 && chain[chain.length - 1]?.selfIssued) chain.pop();
  const leaf = chain[0] as Certificate;
  const header = withChain ? { alg: JWS_ALG, typ, kid: leaf.kid, x5c: chain.map((c) => c.base64) } : { alg: JWS_ALG, typ, kid: leaf.kid };
  const encoded = `${encodeBase64Url(JSON.stringify(header))}.`;
  if (byTyp === undefined) {
    byTyp = new Map();
    headers.set(signer, byTyp);
  }
  byTyp.set(cacheKey, encoded);
  return encoded;
}

/**
 * Builds a signer from a private key (PEM or KeyObject) and a certificate
 * chain (PEM bundle or parsed, leaf first), checking that the key belongs to
 * the leaf. Keep the returned object: the encoded header is cached per signer.
 *
 * @throws {JwsError} `INVALID_SIGNER` when the key is not RSA ≥ 2048 or does not match the leaf.
 * @example
 * const signer = createJwsSigner(readFileSync(keyPath, 'utf8'), readFileSync(chainPath, 'utf8'));
 */
export function createJwsSigner(privateKey: KeyObject | string, chain: readonly Certificate[] | string): JwsSigner {
  let key: KeyObject;
  try {
    key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  } catch (cause) {
    throw JwsError.invalidSigner('the private key PEM is unreadable', cause);
  }
  const certificates = typeof chain === 'string' ? parseCertificateChain(chain) : chain;
  const signer: JwsSigner = Object.freeze({ privateKey: key, chain: Object.freeze([...certificates]) });
  checkSigner(signer);
  return signer;
}

/**
 * Signs `payload` as a compact JWS: header `{ alg: 'PS256', typ, kid, x5c }`,
 * where `kid` is the leaf certificate's kid and `x5c` the base64 DER of the
 * leaf and intermediates (not the root).
 *
 * The payload is serialised with `JSON.stringify` and must be a plain JSON
 * object. Nothing is added to it (no `iat`, no `exp`): claims are the caller's.
 *
 * @throws {JwsError} `INVALID_PAYLOAD` for a non-object payload; `INVALID_SIGNER` for a misconfigured signer.
 * @example
 * const token = signLicenseJws({ id: '1.2.156.3005.2.…', holder: { … } }, signer);
 * const statusToken = signLicenseJws(claims, signer, 'statuslist+jwt');
 */
export function signLicenseJws(payload: object, signer: JwsSigner, typ: string = LICENSE_TYP, options: SignJwsOptions = {}): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (cause) {
    throw JwsError.invalidPayload('not serialisable as JSON', cause);
  }
  if (json === undefined) throw JwsError.invalidPayload('must be a JSON object');
  return signJsonText(json, signer, typ, options);
}

/**
 * Signs payload text that is already JSON, as {@link signLicenseJws} does
 * after serialising: for callers that serialised (and checked) the payload
 * themselves, so it is not serialised twice.
 *
 * @throws {JwsError} `INVALID_PAYLOAD` unless the text is a JSON object's (starts with `{`).
 */
export function signJsonText(json: string, signer: JwsSigner, typ: string = LICENSE_TYP, options: SignJwsOptions = {}): string {
  if (json.charCodeAt(0) !== 0x7b /* { */) throw JwsError.invalidPayload('must be a JSON object');
  const header = encodedHeader(signer, typ, options.x5c ?? true);
  const signingInput = header + encodeBase64Url(json);
  const signature = sign('sha256', Buffer.from(signingInput, 'latin1'), {
    key: signer.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}
