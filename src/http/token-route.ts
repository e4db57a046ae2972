import formBody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { createClientAssertionVerifier } from '../auth/client-credentials/verify-assertion.js';
import { createDepartmentSystemMinter } from '../auth/client-credentials/department-system-minter.js';
import type { JtiStore } from '../auth/client-credentials/jti-store.js';
import { handleTokenRequest, type TokenRequest } from '../auth/client-credentials/token-endpoint.js';
import type { TokenSettings } from '../auth/tokens.js';
import { TrustStore } from '../crypto/index.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging.js';
import type { Keyring } from '../pki/keyring.js';
import type { CryptoKey } from 'jose';

/** Single use of assertion ids across every process: an insert that does nothing on conflict. */
function databaseJtiStore(db: Database): JtiStore {
  return {
    async claim(jti, expiresAt) {
      const connection = db.orm.em.getConnection();
      await connection.execute('delete from sharing.client_assertion_jti where expires_at < now()');
      const rows = await connection.execute<Array<{ key: string }>>(
        'insert into sharing.client_assertion_jti (key, expires_at) values (?, ?) on conflict do nothing returning key', [jti, expiresAt.toISOString()],
      );
      return rows.length === 1;
    },
  };
}

/**
 * `POST /oauth/token`: OAuth 2.0 client credentials with `private_key_jwt`
 * (RFC 7523). A department system signs an assertion with its department key,
 * whose certificate this hub's CA issued; the answer is a short-lived access
 * token (10 minutes) naming the department and the stated purpose.
 */
export function registerTokenRoute(app: FastifyInstance, deps: { db: Database; keyring: Keyring; privateKey: CryptoKey; settings: TokenSettings; publicUrl: string; logger: Logger }): void {
  const trust = new TrustStore().addRoot(deps.keyring.root);
  const tokenEndpoint = `${deps.publicUrl}/oauth/token`;
  const verify = createClientAssertionVerifier({ trust, tokenEndpoint, jti: databaseJtiStore(deps.db) });
  const mint = createDepartmentSystemMinter(deps.privateKey, deps.settings);
  // RFC 6749 token requests are form-encoded; JSON is accepted too.
  void app.register(formBody);
  app.post<{ Body: TokenRequest }>('/oauth/token', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const result = await handleTokenRequest((request.body ?? {}) as TokenRequest, { verify, mint });
    if (result.status !== 200) deps.logger.warn({ log: result.log }, 'token request refused');
    return reply.code(result.status).headers(result.headers).send(result.body);
  });
}
