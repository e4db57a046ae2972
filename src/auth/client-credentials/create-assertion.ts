/**
 * The department system's side of `private_key_jwt`: making a client assertion.
 */
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../errors.js';
import { departmentCodeOf, signLicenseJws, type JwsSigner } from '../../crypto/index.js';
import { parseClientId } from './client-id.js';

/** Options of {@link createClientAssertion}. */
export interface CreateClientAssertionOptions {
  /** `<credit code>:<system name>`; the credit code must be the signer certificate's. */
  readonly clientId: string;
  /** The hub's token endpoint URL, exactly as the hub is configured (it becomes `aud`). */
  readonly tokenEndpoint: string;
  /** From `createJwsSigner(departmentKeyPem, certificateChainPem)`. */
  readonly signer: JwsSigner;
  /** `exp − iat`; default 60 s (the hub accepts at most 300 s by default). */
  readonly lifetimeSeconds?: number;
  /** Default: now. */
  readonly now?: Date;
}

/**
 * Makes a client assertion (RFC 7523 §2.2): a PS256 compact JWS with header
 * `{ alg: 'PS256', typ: 'JWT', kid, x5c }` (leaf and intermediates, not the
 * root) and claims `iss` = `sub` = client id, `aud` = token endpoint, `iat`,
 * `exp`, and a random `jti`. Make a fresh one for each token request: the hub
 * accepts each `jti` once.
 *
 * @throws {ValidationError} `CLIENT_ID` for a malformed client id or one naming another department than the
 *   certificate; `TOKEN_ENDPOINT`, `LIFETIME` for bad options; `JwsError` `INVALID_SIGNER` for a misconfigured signer.
 * @example
 * const signer = createJwsSigner(readFileSync('dept.key', 'utf8'), readFileSync('dept.pem', 'utf8'));
 * const assertion = createClientAssertion({ clientId: '11350100MB00000012:tax-gateway', tokenEndpoint, signer });
 * await fetch(tokenEndpoint, { method: 'POST', body: new URLSearchParams({
 *   grant_type: 'client_credentials',
 *   client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
 *   client_assertion: assertion,
 * }) });
 */
export function createClientAssertion(options: CreateClientAssertionOptions): string {
  const parts = parseClientId(options.clientId);
  if (parts === undefined) {
    throw new ValidationError('clientId must be "<credit code>:<system name>"', { field: 'clientId', reason: 'CLIENT_ID' });
  }
  const leaf = options.signer.chain[0];
  const certified = leaf === undefined ? undefined : departmentCodeOf(leaf);
  if (certified !== parts.department) {
    throw new ValidationError(`clientId names department ${parts.department}, but the certificate is for ${certified ?? 'no department'}`, {
      field: 'clientId',
      reason: 'CLIENT_ID',
    });
  }
  if (typeof options.tokenEndpoint !== 'string' || options.tokenEndpoint.length === 0) {
    throw new ValidationError('tokenEndpoint is required', { field: 'tokenEndpoint', reason: 'TOKEN_ENDPOINT' });
  }
  const lifetime = options.lifetimeSeconds ?? 60;
  if (!Number.isInteger(lifetime) || lifetime < 1) {
    throw new ValidationError('lifetimeSeconds must be a positive whole number', { field: 'lifetimeSeconds', reason: 'LIFETIME' });
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  // signLicenseJws is the crypto library's generic PS256 + x5c signer; typ "JWT" keeps assertions apart from licences.
  return signLicenseJws(
    { iss: options.clientId, sub: options.clientId, aud: options.tokenEndpoint, iat, exp: iat + lifetime, jti: randomUUID() },
    options.signer,
    'JWT',
  );
}
