/**
 * A caching {@link StatusResolver} over IETF Token Status List tokens.
 *
 * Each list is verified with `verifyStatusList` (typ `statuslist+jwt`, `sub`
 * equal to the URI, signature and chain against the trust store) before it is
 * used, and cached per URI. A list is refetched once its `ttl` (or the
 * default) has passed; if the refetch fails, the old list keeps being served
 * with source `CACHE` and its real age, for as long as it is still usable: not
 * past its `exp`, its signing certificates still valid, and (after any trust
 * store change) still verifying. A refetched list older than the cached one
 * is refused (no rollback to an earlier list).
 *
 * Limitations: no persistence of its own (see `snapshot`/`prime` and the
 * offline store); nothing checks which department signed a list beyond the
 * trust store — any trusted certificate may sign a list for any URI it is served from.
 */
import {
  statusAt,
  verifyStatusList,
  type StatusList,
  type TrustStore,
} from '../crypto/index.js';
import type { StatusRef } from './license-claims.js';
import type { StatusAnswer, StatusResolver } from './verification.js';

/** A status list token as fetched, for priming and snapshots. */
export interface StoredStatusList {
  uri: string;
  token: string;
  fetchedAt: Date;
}

/** Options of {@link createStatusCache}. */
export interface StatusCacheOptions {
  trust: TrustStore;
  /** Clock; default `() => new Date()`. */
  now?: () => Date;
  /** Cache time for a list that states no `ttl`; default 300 s. */
  defaultTtlSeconds?: number;
  /** Upper bound on a list's own `ttl`; default 86 400 s (a day, the EU DCC refresh cycle). */
  maxTtlSeconds?: number;
  /** A fetch taking longer fails; default 10 000 ms. */
  fetchTimeoutMs?: number;
  /** Largest accepted list token; default 1 MiB (as `verifyStatusList`). */
  maxTokenBytes?: number;
}

/** What {@link StatusCache.prime} accepted and refused. */
export interface PrimeResult {
  primed: string[];
  rejected: { uri: string; reason: string }[];
}

/** A status resolver with a cache that can be primed from stored tokens and snapshotted for storage. */
export interface StatusCache extends StatusResolver {
  /** Verifies and caches stored lists (source `CACHE` until refetched). Never throws. */
  prime(lists: readonly StoredStatusList[]): PrimeResult;
  /** The cached tokens, for writing an offline store. */
  snapshot(): StoredStatusList[];
}

interface Entry {
  readonly token: string;
  readonly list: StatusList;
  readonly issuedAt: Date;
  /** ms; the list's `exp`, or Infinity. */
  readonly expiresAt: number;
  /** ms; the earliest notAfter of the list's certificate path. */
  readonly certificatesUntil: number;
  readonly ttlMs: number;
  readonly fetchedAt: number;
  /** Fetched by this cache (as opposed to primed). */
  readonly live: boolean;
  /** The trust store revision it last verified under. */
  revision: number;
}

type Failure = { error: string };
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Creates a caching status resolver. `fetchList(uri)` returns the status list
 * token (the body served at the URI); it may throw.
 *
 * @example
 * const statuses = createStatusCache(async (uri) => (await fetch(uri)).text(), { trust });
 * const result = await verifyLicenseToken(token, { trust, statuses, authority });
 */
export function createStatusCache(fetchList: (uri: string) => Promise<string>, options: StatusCacheOptions): StatusCache {
  const { trust } = options;
  const clock = options.now ?? (() => new Date());
  const defaultTtl = options.defaultTtlSeconds ?? 300;
  const maxTtl = options.maxTtlSeconds ?? 86_400;
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry | Failure>>();

  function verify(uri: string, token: string, now: Date, fetchedAt: number, live: boolean): Entry | Failure {
    const v = verifyStatusList(token, { trust, uri, at: now, ...(options.maxTokenBytes ? { maxBytes: options.maxTokenBytes } : {}) });
    if (!v.ok) return { error: `status list ${v.failed}: ${v.checks[v.checks.length - 1]?.reason ?? 'rejected'}` };
    const ttlSeconds = Math.min(v.ttlSeconds ?? defaultTtl, maxTtl);
    return {
      token,
      list: v.list,
      issuedAt: v.issuedAt,
      expiresAt: v.expiresAt?.getTime() ?? Infinity,
      certificatesUntil: Math.min(...v.jws.chain.path.map((c) => c.notAfterTime)),
      ttlMs: ttlSeconds * 1000,
      fetchedAt,
      live,
      revision: trust.revision,
    };
  }

  /** Still fit to answer from at `now`: not expired, certificates valid, and still verifying if the trust store changed. */
  function usable(entry: Entry, uri: string, now: Date): boolean {
    const t = now.getTime();
    if (t >= entry.expiresAt || t > entry.certificatesUntil) return false;
    if (entry.revision === trust.revision) return true;
    const again = verify(uri, entry.token, now, entry.fetchedAt, entry.live);
    if ('error' in again) return false;
    entry.revision = trust.revision;
    return true;
  }

  function read(entry: Entry, ref: StatusRef, source: StatusAnswer['source']): StatusAnswer | Failure {
    try {
      return { value: statusAt(entry.list, ref.idx), listIssuedAt: entry.issuedAt, source };
    } catch (e) {
      return { error: message(e) };
    }
  }

  function refresh(uri: string): Promise<Entry | Failure> {
    const running = inflight.get(uri);
    if (running) return running;
    const job = (async (): Promise<Entry | Failure> => {
      let token: unknown;
      try {
        token = await withTimeout(fetchList(uri), fetchTimeoutMs);
      } catch (e) {
        return { error: `fetching the status list failed: ${message(e)}` };
      }
      if (typeof token !== 'string') return { error: 'the status list fetcher returned no token' };
      const now = clock();
      // HTTP bodies often end in a newline; base64url never contains whitespace, so trimming changes no token.
      const entry = verify(uri, token.trim(), now, now.getTime(), true);
      if ('error' in entry) return entry;
      const current = entries.get(uri);
      if (current && entry.issuedAt.getTime() < current.issuedAt.getTime()) return { error: 'the fetched status list is older than the cached one' };
      entries.set(uri, entry);
      return entry;
    })().finally(() => inflight.delete(uri));
    inflight.set(uri, job);
    return job;
  }

  async function resolve(ref: StatusRef): Promise<StatusAnswer | Failure> {
    try {
      if (typeof ref?.uri !== 'string' || !Number.isSafeInteger(ref.idx)) return { error: 'malformed status reference' };
      const { uri } = ref;
      const now = clock();
      let entry = entries.get(uri);
      if (entry && !usable(entry, uri, now)) {
        entries.delete(uri);
        entry = undefined;
      }
      if (entry && now.getTime() < entry.fetchedAt + entry.ttlMs) return read(entry, ref, entry.live ? 'LIVE' : 'CACHE');
      const fresh = await refresh(uri);
      if (!('error' in fresh)) return read(fresh, ref, 'LIVE');
      const fallback = entries.get(uri);
      if (fallback && usable(fallback, uri, clock())) return read(fallback, ref, 'CACHE');
      return fresh;
    } catch (e) {
      return { error: `status lookup failed: ${message(e)}` };
    }
  }

  function prime(lists: readonly StoredStatusList[]): PrimeResult {
    const result: PrimeResult = { primed: [], rejected: [] };
    const now = clock();
    for (const item of lists) {
      const uri = typeof item?.uri === 'string' ? item.uri : String(item?.uri);
      try {
        const fetched = item.fetchedAt instanceof Date ? item.fetchedAt.getTime() : Number.NaN;
        if (typeof item.token !== 'string' || Number.isNaN(fetched)) {
          result.rejected.push({ uri, reason: 'malformed stored status list' });
          continue;
        }
        // A fetch time in the future would stretch the ttl: clamp it to now.
        const entry = verify(uri, item.token, now, Math.min(fetched, now.getTime()), false);
        if ('error' in entry) {
          result.rejected.push({ uri, reason: entry.error });
          continue;
        }
        const current = entries.get(uri);
        if (current && entry.issuedAt.getTime() < current.issuedAt.getTime()) {
          result.rejected.push({ uri, reason: 'older than the cached list' });
          continue;
        }
        entries.set(uri, entry);
        result.primed.push(uri);
      } catch (e) {
        result.rejected.push({ uri, reason: message(e) });
      }
    }
    return result;
  }

  function snapshot(): StoredStatusList[] {
    return [...entries].map(([uri, e]) => ({ uri, token: e.token, fetchedAt: new Date(e.fetchedAt) }));
  }

  return Object.assign(resolve, { prime, snapshot });
}
