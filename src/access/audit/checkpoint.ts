/**
 * Signed checkpoints of the audit chain: a compact JWS saying "the record at
 * `seq` has hash `hash`", made at `at`. A checkpoint pins everything up to
 * its seq (each record's hash covers its predecessor's), so a rewrite of the
 * chain below it — even one that re-hashes every later record — no longer
 * matches, and records deleted from the tail are missed.
 *
 * **Algorithm: Ed25519 (`alg: "EdDSA"`, RFC 8037) recommended.** Signatures
 * are deterministic (no randomness needed at signing time, so a weak RNG
 * cannot leak the key), 64 bytes, fast to verify, and the scheme has no
 * parameters to get wrong (unlike RSA-PSS's hash, MGF and salt length). The
 * audit key is a hub-internal key, not a department's X.509 identity, so it
 * need not follow the RSA PKI. RSA keys (≥ 2048 bits) are accepted too and
 * sign `PS256` exactly as the e-licence code does (SHA-256, MGF1-SHA-256,
 * salt 32), for deployments that keep all keys in one RSA HSM. The algorithm
 * follows the key's type, and a verifier accepts only the algorithm its key
 * implies — a header cannot talk it into another one.
 *
 * **Strict form.** Header and payload are compared byte for byte with the
 * encoding this module produces (header `{"alg","typ","kid"}` in that
 * order, payload `{"at","hash","seq"}`), so there is exactly one valid
 * spelling of each checkpoint and no JSON-parser differential to exploit.
 */
import { constants, sign, verify, type KeyObject } from 'node:crypto';
import { AuditError } from './audit.errors.js';
import type { AuditCheckpoint } from './audit.types.js';
import { isHashHex, isSeq } from './canonical-bytes.js';

/** The JWS `typ` of an audit checkpoint. */
export const CHECKPOINT_TYP = 'audit-checkpoint+jwt';

/** The key that verifies checkpoints, or a lookup by `kid` (for key rotation). */
export type CheckpointKeys = KeyObject | ((kid: string) => KeyObject | undefined);

type CheckpointAlg = 'EdDSA' | 'PS256';

const KID = /^[\x21-\x7e]{1,128}$/;
const MAX_SIGNATURE_CHARS = 4096;

/** The one algorithm `key` may be used with, or a reason it is unusable. */
function algorithmOf(key: KeyObject): CheckpointAlg | string {
  if (key.type === 'secret') return 'a secret key cannot sign checkpoints verifiably';
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'rsa':
    case 'rsa-pss': {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      return bits >= 2048 ? 'PS256' : `an RSA key of ${bits} bits is too short (2048 at least)`;
    }
    default:
      return `key type ${String(key.asymmetricKeyType)} is not supported (use Ed25519, or RSA for PS256)`;
  }
}

const isAlg = (value: string): value is CheckpointAlg => value === 'EdDSA' || value === 'PS256';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

function headerSegment(alg: CheckpointAlg, kid: string): string {
  return b64(JSON.stringify({ alg, typ: CHECKPOINT_TYP, kid }));
}

function payloadSegment(seq: number, hash: string, at: Date): string {
  return b64(`{"at":"${at.toISOString()}","hash":"${hash}","seq":${seq}}`);
}

/**
 * Signs a checkpoint of `record` (normally the latest stored record) at time `at`.
 *
 * @throws {AuditError} `INVALID_CHECKPOINT` for a malformed seq, hash or time; `INVALID_SIGNER` for an unusable key or kid.
 * @example
 * const { privateKey } = generateKeyPairSync('ed25519');
 * const cp = signCheckpoint(head, new Date(), { privateKey, kid: 'audit-2025' });
 * verifyCheckpoint(cp, publicKey); // true
 */
export function signCheckpoint(
  record: { readonly seq: number; readonly hash: string },
  at: Date,
  signer: { readonly privateKey: KeyObject; readonly kid: string },
): AuditCheckpoint {
  if (!isSeq(record.seq)) throw AuditError.invalidCheckpoint('seq must be a positive safe integer');
  if (!isHashHex(record.hash)) throw AuditError.invalidCheckpoint('hash must be 64 lower-case hex digits');
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw AuditError.invalidCheckpoint('at must be a valid Date');
  if (typeof signer.kid !== 'string' || !KID.test(signer.kid)) throw AuditError.invalidSigner('kid must be 1–128 printable ASCII characters without spaces');
  if (signer.privateKey.type !== 'private') throw AuditError.invalidSigner('a private key is required');
  const alg = algorithmOf(signer.privateKey);
  if (!isAlg(alg)) throw AuditError.invalidSigner(alg);
  const stamped = new Date(at.getTime());
  const signingInput = `${headerSegment(alg, signer.kid)}.${payloadSegment(record.seq, record.hash, stamped)}`;
  let signature: Buffer;
  try {
    signature = alg === 'EdDSA'
      ? sign(null, Buffer.from(signingInput, 'latin1'), signer.privateKey)
      : sign('sha256', Buffer.from(signingInput, 'latin1'), { key: signer.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  } catch (cause) {
    // e.g. an RSA-PSS key restricted to another hash.
    throw AuditError.invalidSigner('signing failed', cause);
  }
  return { seq: record.seq, hash: record.hash, at: stamped, signature: `${signingInput}.${signature.toString('base64url')}` };
}

function kidOf(segment: string): string | undefined {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (header === null || typeof header !== 'object') return undefined;
    const kid: unknown = (header as Record<string, unknown>).kid;
    return typeof kid === 'string' && KID.test(kid) ? kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `cp` does not verify under `keys`, or `undefined` when it does. Never throws.
 * (Internal to the audit module: {@link verifyAuditChain} reports the reason.)
 */
export function checkpointFailure(cp: AuditCheckpoint, keys: CheckpointKeys): string | undefined {
  try {
    if (!isSeq(cp.seq)) return 'seq is not a positive safe integer';
    if (!isHashHex(cp.hash)) return 'hash is not 64 lower-case hex digits';
    if (!(cp.at instanceof Date) || Number.isNaN(cp.at.getTime())) return 'at is not a valid Date';
    const jws: unknown = cp.signature;
    if (typeof jws !== 'string' || jws.length > MAX_SIGNATURE_CHARS) return 'signature is not a compact JWS of sensible size';
    const parts = jws.split('.');
    const [header, payload, sig] = parts;
    if (parts.length !== 3 || header === undefined || payload === undefined || sig === undefined) return 'signature is not a compact JWS';
    const kid = kidOf(header);
    if (kid === undefined) return 'header has no usable kid';
    const key = typeof keys === 'function' ? keys(kid) : keys;
    if (key === undefined) return `no key for kid "${kid}"`;
    const alg = algorithmOf(key);
    if (!isAlg(alg)) return alg;
    if (header !== headerSegment(alg, kid)) return `header is not the ${alg} checkpoint header`;
    if (payload !== payloadSegment(cp.seq, cp.hash, cp.at)) return 'signed payload differs from the checkpoint\'s seq, hash or time';
    const bytes = Buffer.from(sig, 'base64url');
    if (bytes.length === 0 || bytes.toString('base64url') !== sig) return 'signature segment is not canonical base64url';
    const signingInput = Buffer.from(`${header}.${payload}`, 'latin1');
    const good = alg === 'EdDSA'
      ? verify(null, signingInput, key, bytes)
      : verify('sha256', signingInput, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, bytes);
    return good ? undefined : 'signature does not verify';
  } catch {
    return 'signature could not be checked';
  }
}

/**
 * True when `cp.signature` is a checkpoint JWS over exactly `cp.seq`,
 * `cp.hash` and `cp.at`, signed by `publicKey` (or the key `publicKey(kid)`
 * returns) with the algorithm that key implies. Never throws.
 *
 * @example
 * if (!verifyCheckpoint(cp, auditPublicKey)) log.warn({ seq: cp.seq }, 'forged audit checkpoint');
 */
export function verifyCheckpoint(cp: AuditCheckpoint, publicKey: CheckpointKeys): boolean {
  return checkpointFailure(cp, publicKey) === undefined;
}
