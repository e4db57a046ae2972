/**
 * OAuth 2.0 client-credentials login for department systems (RFC 6749 §4.4)
 * with `private_key_jwt` client authentication (RFC 7523): a system signs a
 * short-lived assertion with its department certificate's key, the hub
 * verifies it against its trust store and answers with a 10-minute
 * `DEPARTMENT_SYSTEM` access token.
 *
 * @example
 * const verify = createClientAssertionVerifier({ trust, tokenEndpoint, jti: jtiStore });
 * const mint = createDepartmentSystemMinter(privateKey, config.auth);
 * const result = await handleTokenRequest(request.body, { verify, mint });
 */
export { parseClientId, type ClientIdParts } from './client-id.js';
export { createClientAssertion, type CreateClientAssertionOptions } from './create-assertion.js';
export { MAX_ASSERTION_LENGTH } from './decode-assertion.js';
export { createDepartmentSystemMinter } from './department-system-minter.js';
export { ClientAssertionError, type ClientAssertionErrorDetails, type ClientAssertionFailure } from './errors.js';
export { createMemoryJtiStore, type JtiStore, type MemoryJtiStoreOptions } from './jti-store.js';
export {
  handleTokenRequest,
  JWT_BEARER_ASSERTION_TYPE,
  MAX_PURPOSE_LENGTH,
  type TokenEndpointDeps,
  type TokenEndpointResult,
  type TokenErrorCode,
  type TokenErrorResponse,
  type TokenRequest,
  type TokenRequestLog,
  type TokenResponse,
} from './token-endpoint.js';
export {
  CLIENT_ASSERTION_ALGORITHMS,
  createClientAssertionVerifier,
  verifyClientAssertion,
  type AuthenticatedClient,
  type ClientAssertionOptions,
} from './verify-assertion.js';
