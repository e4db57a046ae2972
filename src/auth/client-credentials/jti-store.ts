/**
 * Single-use `jti` values for client assertions (RFC 7523 §3 item 7).
 */
import { AppError, UnavailableError } from '../../errors.js';

/**
 * Remembers which assertion ids were used. Implementations must be atomic: of
 * two concurrent claims of one `jti`, exactly one returns true (a database
 * store does `INSERT … ON CONFLICT DO NOTHING` and reports whether a row was inserted).
 */
export interface JtiStore {
  /** True the first time a jti is seen (until expiresAt), false on replay. */
  claim(jti: string, expiresAt: Date): Promise<boolean>;
}

/** Options of {@link createMemoryJtiStore}. */
export interface MemoryJtiStoreOptions {
  /** Most unexpired ids held; default 100 000. When full of unexpired ids, claims fail (never forget an id early). */
  readonly maxEntries?: number;
  /** Current time in ms; default `Date.now` (tests pass a fake clock). */
  readonly clock?: () => number;
}

/**
 * An in-memory {@link JtiStore}: bounded and expiring, for tests and a single
 * process. The hub itself runs several processes and uses a database-backed
 * store shared between them — an in-memory store in each process would let an
 * assertion be replayed once per process.
 *
 * Ids are kept until their `expiresAt`. When the store is full, expired ids
 * are swept; if it is still full, the claim fails with `SERVICE_UNAVAILABLE`
 * rather than evicting an unexpired id (which would re-open it to replay).
 *
 * @throws {UnavailableError} from `claim` when full of unexpired ids.
 * @example
 * const jti = createMemoryJtiStore();
 * await jti.claim('abc', new Date(Date.now() + 60_000)); // true
 * await jti.claim('abc', new Date(Date.now() + 60_000)); // false
 */
export function createMemoryJtiStore(options: MemoryJtiStoreOptions = {}): JtiStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new AppError('INTERNAL_SERVER_ERROR', 'maxEntries must be a positive integer', { reason: 'CONFIG', field: 'maxEntries' });
  }
  const clock = options.clock ?? Date.now;
  const expiries = new Map<string, number>();
  // A full sweep is O(n): after one that freed nothing, wait until the earliest id expires before sweeping again.
  let nextSweep = -Infinity;

  const sweep = (now: number): void => {
    if (now < nextSweep) return;
    let earliest = Infinity;
    for (const [jti, until] of expiries) {
      if (until <= now) expiries.delete(jti);
      else earliest = Math.min(earliest, until);
    }
    nextSweep = earliest;
  };

  return {
    async claim(jti, expiresAt) {
      const until = expiresAt.getTime();
      if (Number.isNaN(until)) throw new AppError('INTERNAL_SERVER_ERROR', 'expiresAt is not a valid date', { reason: 'INVALID_DATE' });
      const now = clock();
      const seen = expiries.get(jti);
      if (seen !== undefined && seen > now) return false;
      if (seen === undefined && expiries.size >= maxEntries) {
        sweep(now);
        if (expiries.size >= maxEntries) throw new UnavailableError('The assertion replay cache is full; try again shortly');
      }
      expiries.set(jti, until);
      nextSweep = Math.min(nextSweep, until);
      return true;
    },
  };
}
