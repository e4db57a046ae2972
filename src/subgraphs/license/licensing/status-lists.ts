import type { EntityManager } from '@mikro-orm/postgresql';
import { signStatusList } from '../../../crypto/index.js';
import { UnavailableError } from '../../../errors.js';
import type { Keyring } from '../../../pki/keyring.js';

/** Token Status List values (draft-ietf-oauth-status-list). */
export const STATUS_VALUE = { VALID: 0, INVALID: 1, SUSPENDED: 2 } as const;

/** How long verifiers may cache a list (`ttl`), and how long a signed list stays valid (`exp`). */
const TTL_SECONDS = 300;
const LIFETIME_MS = 24 * 3_600_000;
/** Lists are padded to at least this many entries so a position says little about issuance volume (herd privacy). */
const MIN_ENTRIES = 16_384;

/** The status-list value of a stored licence status. */
export function statusValue(status: string): number {
  if (status === 'SUSPENDED') return STATUS_VALUE.SUSPENDED;
  if (status === 'REVOKED' || status === 'SUPERSEDED') return STATUS_VALUE.INVALID;
  return STATUS_VALUE.VALID;
}

/**
 * The status lists this hub publishes, one per issuing department, at
 * `<publicUrl>/status-lists/<credit code>`. Positions are handed out in the
 * issuing transaction; every status change bumps the list's revision, and a
 * process re-signs its cached list only when the revision moved (one small
 * query per request instead of a scan).
 */
export class StatusListService {
  private readonly cache = new Map<string, { revision: number; token: string; signedAt: number }>();

  constructor(private readonly publicUrl: string) {}

  /** The URI of a department's list, as written into its licences. */
  uriOf(issuerCode: string): string {
    return `${this.publicUrl}/status-lists/${issuerCode}`;
  }

  /** The issuer code of one of this hub's list URIs, or undefined for any other URI. */
  issuerOfUri(uri: string): string | undefined {
    const prefix = `${this.publicUrl}/status-lists/`;
    if (!uri.startsWith(prefix)) return undefined;
    const code = uri.slice(prefix.length);
    return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) ? code : undefined;
  }

  /** Hands out the next position in the issuer's list (inside the caller's transaction). */
  async allocate(em: EntityManager, issuerCode: string): Promise<number> {
    const connection = em.getConnection();
    await connection.execute('insert into license.status_list (issuer_code, next_index, revision, updated_at) values (?, 0, 0, now()) on conflict do nothing', [issuerCode], 'run', em.getTransactionContext());
    const rows = await connection.execute<Array<{ idx: number }>>(
      'update license.status_list set next_index = next_index + 1, updated_at = now() where issuer_code = ? returning next_index - 1 as idx',
      [issuerCode], 'all', em.getTransactionContext(),
    );
    return Number(rows[0]!.idx);
  }

  /** Marks the issuer's list as changed (inside the caller's transaction). */
  async bump(em: EntityManager, issuerCode: string): Promise<void> {
    await em.getConnection().execute('update license.status_list set revision = revision + 1, updated_at = now() where issuer_code = ?', [issuerCode], 'run', em.getTransactionContext());
  }

  /** The current status value at one position of one of this hub's lists, read live. */
  async valueAt(em: EntityManager, issuerCode: string, idx: number): Promise<number | undefined> {
    const rows = await em.getConnection().execute<Array<{ status: string }>>(
      'select status from license.license where issuer_code = ? and status_list_index = ?', [issuerCode, idx],
    );
    return rows[0] ? statusValue(rows[0].status) : undefined;
  }

  /**
   * The signed list of one issuer (`typ: statuslist+jwt`, 2 bits per licence),
   * or undefined when this hub has no list for it.
   * @throws UnavailableError when the issuer has licences but no signing key here.
   */
  async signedList(em: EntityManager, issuerCode: string, keyring: Keyring | undefined): Promise<string | undefined> {
    const head = await em.getConnection().execute<Array<{ revision: number; next_index: number }>>(
      'select revision, next_index from license.status_list where issuer_code = ?', [issuerCode],
    );
    if (!head[0]) return undefined;
    const revision = Number(head[0].revision);
    const cached = this.cache.get(issuerCode);
    // Re-sign when the list changed, or before half its ttl has passed so a fetched list is never stale on arrival.
    if (cached && cached.revision === revision && Date.now() - cached.signedAt < (TTL_SECONDS * 1000) / 2) return cached.token;
    const signer = keyring?.departments.get(issuerCode)?.signer;
    if (!signer) throw new UnavailableError(`No signing key for department ${issuerCode}: its status list cannot be published here`);
    const rows = await em.getConnection().execute<Array<{ idx: number; status: string }>>(
      'select status_list_index as idx, status from license.license where issuer_code = ? and status_list_index is not null', [issuerCode],
    );
    const statuses = new Uint8Array(Math.max(MIN_ENTRIES, Number(head[0].next_index)));
    for (const row of rows) statuses[Number(row.idx)] = statusValue(row.status);
    const now = new Date();
    const token = signStatusList({ uri: this.uriOf(issuerCode), statuses, bits: 2, issuedAt: now, expiresAt: new Date(now.getTime() + LIFETIME_MS), ttlSeconds: TTL_SECONDS }, signer);
    this.cache.set(issuerCode, { revision, token, signedAt: now.getTime() });
    return token;
  }
}
