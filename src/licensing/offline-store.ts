/**
 * The on-disk store for verification without a network (EU DCC style):
 * `onewindow trust sync` writes trust lists and status lists; `onewindow
 * verify --offline` loads them and verifies with no network I/O at all.
 *
 * Layout of `dir`:
 * ```
 * manifest.json                   { format, version, fetchedAt, trustLists: { file, sha256 }, statusLists: { file, sha256 } }
 * trust-lists.<sha256:16>.json    { trustLists: [{ token, pinnedRootPem }] }
 * status-lists.<sha256:16>.json   { statusLists: [{ uri, token, fetchedAt }] }
 * ```
 * Each file is written to a temporary name, fsynced and renamed into place;
 * data files are content-addressed and the manifest is renamed last, so a
 * reader sees either the old store or the new one, never a mixture. Files no
 * longer referenced are removed afterwards.
 *
 * Every token is verified again on load (the files are not trusted): trust
 * lists against their pinned roots, status lists against the trust store the
 * lists build. Limitation: the pinned roots are stored beside the lists, so
 * whoever can write the directory can replace them — pass `pinnedRoots` to
 * `loadOfflineStore` (from configuration) to pin them out of band.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  Certificate,
  importTrustList,
  parseCertificate,
  TrustStore,
  verifyStatusList,
  verifyTrustList,
} from '../crypto/index.js';
import { OfflineStoreError } from './errors.js';
import { authorityFromTrustStore } from './issuer-authority.js';
import { createStatusCache, type StatusCache } from './status-cache.js';
import type { IssuerAuthority } from './verification.js';

/** A trust list token and the root its publisher's administrator pinned. */
export interface OfflineTrustList {
  token: string;
  pinnedRootPem: string;
}

/** A status list token and when it was fetched. */
export interface OfflineStatusList {
  uri: string;
  token: string;
  fetchedAt: Date;
}

/** What `trust sync` stores. */
export interface OfflineStoreContent {
  trustLists: readonly OfflineTrustList[];
  statusLists: readonly OfflineStatusList[];
}

/** A loaded store: everything `verifyLicenseToken` needs, offline. */
export interface OfflineStore {
  trust: TrustStore;
  /** Answers from the stored lists only (source `CACHE`); never touches the network. */
  statuses: StatusCache;
  /** From the trust lists: the licence types each vouched certificate may sign. */
  authority: IssuerAuthority;
  /** When the store was written (the sync time). */
  fetchedAt: Date;
  /** Stored items that did not verify on load, and why (they are not used). */
  rejected: { kind: 'TRUST_LIST' | 'STATUS_LIST'; index: number; reason: string }[];
}

const MANIFEST = 'manifest.json';
const FORMAT = 'onewindow-offline-store';
const VERSION = 1;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Makes the renames durable; not every platform can fsync a directory, and that is not fatal. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

function rootOf(pem: unknown, field: string): Certificate {
  if (typeof pem !== 'string') throw OfflineStoreError.invalidContent(field, 'must be a PEM certificate');
  try {
    return parseCertificate(pem);
  } catch (e) {
    throw OfflineStoreError.invalidContent(field, `is not a certificate (${message(e)})`);
  }
}

/**
 * Verifies `content` (trust lists against their pinned roots, status lists
 * against the resulting trust store, all at the current time) and writes it to
 * `dir` atomically, replacing the previous store.
 *
 * @throws {OfflineStoreError} `INVALID_CONTENT` (with `field`) when an item does not verify; nothing is written then.
 * @example
 * await writeOfflineStore('/var/lib/onewindow/offline', {
 *   trustLists: [{ token: trustListToken, pinnedRootPem }],
 *   statusLists: statusCache.snapshot(),
 * });
 */
export async function writeOfflineStore(dir: string, content: OfflineStoreContent, options: { now?: () => Date } = {}): Promise<{ fetchedAt: Date }> {
  const now = (options.now ?? (() => new Date()))();
  const trust = new TrustStore();
  const trustLists = content.trustLists.map((item, i) => {
    const field = `trustLists[${i}]`;
    const pinnedRoot = rootOf(item.pinnedRootPem, `${field}.pinnedRootPem`);
    if (typeof item.token !== 'string') throw OfflineStoreError.invalidContent(`${field}.token`, 'must be a string');
    const v = verifyTrustList(item.token, { pinnedRoot, at: now });
    if (!v.ok) throw OfflineStoreError.invalidContent(field, `does not verify (${v.failed})`);
    try {
      importTrustList(trust, v.trustList);
    } catch (e) {
      throw OfflineStoreError.invalidContent(field, message(e));
    }
    return { token: item.token, pinnedRootPem: pinnedRoot.pem };
  });
  const statusLists = content.statusLists.map((item, i) => {
    const field = `statusLists[${i}]`;
    if (typeof item.uri !== 'string' || typeof item.token !== 'string') throw OfflineStoreError.invalidContent(field, 'uri and token must be strings');
    if (!(item.fetchedAt instanceof Date) || Number.isNaN(item.fetchedAt.getTime())) throw OfflineStoreError.invalidContent(`${field}.fetchedAt`, 'must be a date');
    const v = verifyStatusList(item.token, { trust, uri: item.uri, at: now });
    if (!v.ok) throw OfflineStoreError.invalidContent(field, `does not verify (${v.failed})`);
    return { uri: item.uri, token: item.token, fetchedAt: item.fetchedAt.toISOString() };
  });

  await mkdir(dir, { recursive: true });
  const files: Record<'trustLists' | 'statusLists', { file: string; sha256: string }> = {
    trustLists: { file: '', sha256: '' },
    statusLists: { file: '', sha256: '' },
  };
  for (const [key, prefix, body] of [
    ['trustLists', 'trust-lists', { trustLists }],
    ['statusLists', 'status-lists', { statusLists }],
  ] as const) {
    const text = `${JSON.stringify(body)}\n`;
    const hash = sha256(text);
    const file = `${prefix}.${hash.slice(0, 16)}.json`;
    await writeAtomic(path.join(dir, file), text);
    files[key] = { file, sha256: hash };
  }
  const manifest = { format: FORMAT, version: VERSION, fetchedAt: now.toISOString(), ...files };
  await writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await syncDirectory(dir);
  // The new manifest is in place: data files it no longer names can go.
  const keep = new Set([MANIFEST, files.trustLists.file, files.statusLists.file]);
  for (const name of await readdir(dir)) {
    if (!keep.has(name) && /^(trust-lists|status-lists)\.[0-9a-f]{16}\.json$/.test(name)) await rm(path.join(dir, name), { force: true });
  }
  return { fetchedAt: now };
}

async function readJson(dir: string, file: string, expectedSha?: string): Promise<Record<string, unknown>> {
  if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) throw OfflineStoreError.corrupt(dir, `the manifest names an unsafe file ${JSON.stringify(file).slice(0, 60)}`);
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw file === MANIFEST ? OfflineStoreError.missing(dir, e) : OfflineStoreError.corrupt(dir, `${file} is missing`, e);
    }
    throw OfflineStoreError.corrupt(dir, `${file} cannot be read`, e);
  }
  if (expectedSha !== undefined && sha256(text) !== expectedSha) throw OfflineStoreError.corrupt(dir, `${file} does not match the manifest`);
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value)) return value;
  } catch (e) {
    throw OfflineStoreError.corrupt(dir, `${file} is not JSON`, e);
  }
  throw OfflineStoreError.corrupt(dir, `${file} is not a JSON object`);
}

function fileRef(manifest: Record<string, unknown>, key: string, dir: string): { file: string; sha256: string } {
  const ref = manifest[key];
  if (!isRecord(ref) || typeof ref.file !== 'string' || typeof ref.sha256 !== 'string') throw OfflineStoreError.corrupt(dir, `manifest.${key} is malformed`);
  return { file: ref.file, sha256: ref.sha256 };
}

/**
 * Loads the store in `dir` and verifies every token in it at `now`. Items that
 * do not verify are left out (listed in `rejected`), so licences that depend on
 * them verify as UNTRUSTED. Reads files only; the returned resolver never
 * fetches.
 *
 * @throws {OfflineStoreError} `OFFLINE_STORE_MISSING` (no manifest) or `OFFLINE_STORE_CORRUPT` (files do not match the manifest).
 * @example
 * const store = await loadOfflineStore(dir, { pinnedRoots: [config.hubRootPem] });
 * const result = await verifyLicenseToken(token, store);
 */
export async function loadOfflineStore(
  dir: string,
  options: { now?: () => Date; pinnedRoots?: readonly (string | Certificate)[] } = {},
): Promise<OfflineStore> {
  const clock = options.now ?? (() => new Date());
  const manifest = await readJson(dir, MANIFEST);
  if (manifest.format !== FORMAT || manifest.version !== VERSION) throw OfflineStoreError.corrupt(dir, 'unknown manifest format');
  const fetchedAt = new Date(typeof manifest.fetchedAt === 'string' ? manifest.fetchedAt : Number.NaN);
  if (Number.isNaN(fetchedAt.getTime())) throw OfflineStoreError.corrupt(dir, 'manifest.fetchedAt is not a date');
  const trustRef = fileRef(manifest, 'trustLists', dir);
  const statusRef = fileRef(manifest, 'statusLists', dir);
  const trustFile = await readJson(dir, trustRef.file, trustRef.sha256);
  const statusFile = await readJson(dir, statusRef.file, statusRef.sha256);
  if (!Array.isArray(trustFile.trustLists) || !Array.isArray(statusFile.statusLists)) throw OfflineStoreError.corrupt(dir, 'a data file is malformed');

  const pinned = options.pinnedRoots?.map((r) => (typeof r === 'string' ? parseCertificate(r) : r).fingerprint);
  const rejected: OfflineStore['rejected'] = [];
  const trust = new TrustStore();
  const now = clock();
  trustFile.trustLists.forEach((item: unknown, index) => {
    try {
      if (!isRecord(item) || typeof item.token !== 'string' || typeof item.pinnedRootPem !== 'string') throw new Error('malformed entry');
      const pinnedRoot = parseCertificate(item.pinnedRootPem);
      if (pinned && !pinned.includes(pinnedRoot.fingerprint)) throw new Error('its pinned root is not one of the configured roots');
      const v = verifyTrustList(item.token, { pinnedRoot, at: now });
      if (!v.ok) throw new Error(`${v.failed}: ${v.checks[v.checks.length - 1]?.reason ?? 'rejected'}`);
      importTrustList(trust, v.trustList);
    } catch (e) {
      rejected.push({ kind: 'TRUST_LIST', index, reason: message(e) });
    }
  });

  // The fetcher is never called with network access: a stale list is served from the store as CACHE.
  const statuses = createStatusCache(() => Promise.reject(new Error('offline: status lists are not fetched')), { trust, now: clock });
  const stored = statusFile.statusLists.map((item: unknown) =>
    isRecord(item) && typeof item.fetchedAt === 'string'
      ? { uri: item.uri as string, token: item.token as string, fetchedAt: new Date(item.fetchedAt) }
      : { uri: '', token: '', fetchedAt: new Date(Number.NaN) },
  );
  stored.forEach((item, index) => {
    const { rejected: refused } = statuses.prime([item]);
    for (const r of refused) rejected.push({ kind: 'STATUS_LIST', index, reason: r.reason });
  });

  return { trust, statuses, authority: authorityFromTrustStore(trust), fetchedAt, rejected };
}
