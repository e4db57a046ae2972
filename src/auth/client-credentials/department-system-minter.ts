/**
 * Turns an authenticated department system into a hub access token.
 */
import type { CryptoKey } from 'jose';
import { mintToken, type TokenSettings } from '../tokens.js';
import type { AuthenticatedClient } from './verify-assertion.js';

/**
 * Creates the `mint` dependency of `handleTokenRequest`: an EdDSA access token
 * (`typ: at+jwt`) with `sub` = client id, `role` = `DEPARTMENT_SYSTEM`,
 * `dept` = the certificate's department, `purpose` when stated, and the given lifetime.
 *
 * @example
 * const mint = createDepartmentSystemMinter(await loadPrivateKey(config.auth.privateKeyPath), config.auth);
 * const result = await handleTokenRequest(body, { verify, mint });
 */
export function createDepartmentSystemMinter(
  privateKey: CryptoKey,
  settings: TokenSettings,
): (client: AuthenticatedClient, purpose: string | undefined, ttlSeconds: number) => Promise<string> {
  return (client, purpose, ttlSeconds) =>
    mintToken(privateKey, settings, {
      subject: client.clientId,
      role: 'DEPARTMENT_SYSTEM',
      department: client.department,
      ...(purpose === undefined ? {} : { purpose }),
      ttlSeconds,
    });
}
