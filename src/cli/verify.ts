import { readFile } from 'node:fs/promises';
import { loadOfflineStore } from '../licensing/offline-store.js';
import { verifyLicenseToken } from '../licensing/verify-license.js';
import { toVerificationView } from '../subgraphs/license/licensing/verification-view.js';
import { UnavailableError, ValidationError } from '../errors.js';

async function readToken(source: string): Promise<string> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').trim();
  }
  return (await readFile(source, 'utf8')).trim();
}

/**
 * `onewindow verify <file|->`: verifies a licence, QR or copy token.
 * `--offline` uses only the store `onewindow trust sync` filled (no network at
 * all) and reports how old its status lists are; otherwise the hub's
 * `POST /verify` answers.
 *
 * @returns the verification view; the caller exits 0 only for VALID.
 */
export async function verifyCommand(options: { source?: string; offline?: boolean; dir: string; hub?: string; holder?: string }) {
  if (!options.source) throw new ValidationError('verify: give a file with the token, or - to read it from standard input', { field: 'source', reason: 'REQUIRED' });
  const token = await readToken(options.source);
  if (options.offline) {
    const store = await loadOfflineStore(options.dir);
    const result = await verifyLicenseToken(token, { trust: store.trust, statuses: store.statuses, authority: store.authority, ...(options.holder ? { expectedHolder: options.holder } : {}) });
    return { ...toVerificationView(result), offline: { storeSyncedAt: store.fetchedAt.toISOString() } };
  }
  const hub = (options.hub ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
  let res: Response;
  try {
    res = await fetch(`${hub}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...(options.holder ? { expectedHolder: options.holder } : {}) }), signal: AbortSignal.timeout(10_000) });
  } catch (cause) {
    throw new UnavailableError(`${hub} could not be reached; use --offline with a synced trust store`, { cause });
  }
  return (await res.json()) as ReturnType<typeof toVerificationView>;
}
