import { readFile } from 'node:fs/promises';
import { parseCertificate } from '../crypto/index.js';
import { UnavailableError, ValidationError } from '../errors.js';
import { loadOfflineStore, writeOfflineStore } from '../licensing/offline-store.js';
import type { CliIo } from './io.js';

const TIMEOUT_MS = 10_000;

async function get(url: string): Promise<string | undefined> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (cause) {
    throw new UnavailableError(`${url} could not be reached`, { cause });
  }
  if (res.status === 404) return undefined;
  if (!res.ok) throw new UnavailableError(`${url} answered ${res.status}`);
  return (await res.text()).trim();
}

/**
 * `onewindow trust sync --hub URL [--root root.pem]`: downloads a hub's signed
 * trust list and the status lists of every department it vouches for into the
 * offline store, so `onewindow verify --offline` needs no network.
 *
 * The root the list must verify against is pinned with `--root` (a file
 * obtained out of band). Without it the hub's own root is fetched and its
 * fingerprint printed: trust on first use, fine for a window of the same hub.
 */
export async function trustSync(options: { hub?: string; root?: string; dir: string }, io: CliIo): Promise<void> {
  if (!options.hub) throw new ValidationError('--hub: the hub base URL is required, e.g. --hub http://127.0.0.1:4000', { field: 'hub', reason: 'REQUIRED' });
  const hub = options.hub.replace(/\/$/, '');
  const token = await get(`${hub}/.well-known/onewindow/trust-list`);
  if (!token) throw new UnavailableError(`${hub} publishes no trust list`);
  const pinnedRootPem = options.root ? await readFile(options.root, 'utf8') : await get(`${hub}/.well-known/onewindow/root.pem`);
  if (!pinnedRootPem) throw new UnavailableError(`${hub} publishes no root certificate; pass --root`);
  if (!options.root) io.err(`warning: trusting the root ${hub} serves (SHA-256 ${parseCertificate(pinnedRootPem).fingerprint}); pin it with --root for another region's hub`);

  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { certificates?: Array<{ departmentCode?: string }> };
  const codes = [...new Set((payload.certificates ?? []).map((c) => c.departmentCode).filter((c): c is string => typeof c === 'string' && /^[0-9A-Z]{18}$/.test(c)))];
  const statusLists: Array<{ uri: string; token: string; fetchedAt: Date }> = [];
  for (const code of codes) {
    const uri = `${hub}/status-lists/${code}`;
    const list = await get(uri);
    if (list) statusLists.push({ uri, token: list, fetchedAt: new Date() });
  }
  await writeOfflineStore(options.dir, { trustLists: [{ token, pinnedRootPem }], statusLists });
  // Load it back: a store that does not verify is worse than none.
  await loadOfflineStore(options.dir);
  io.out(`synced the trust list of ${hub} (${codes.length} department certificates) and ${statusLists.length} status lists into ${options.dir}`);
}
