import DataLoader from 'dataloader';
import { ValidationError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import type { HolderKind } from './license-type.entity.js';
import { LicenseTypeEntity, type LicenseType } from './license-type.entity.js';
import { effectiveStatus, type EffectiveLicenseStatus } from './license-status.js';
import { LicenseEventEntity, type LicenseEvent } from './license-event.entity.js';
import { LicenseEntity, type License } from './license.entity.js';

/**
 * Licence records and the licence catalogue for one request. Lookups by
 * identifier and by holder are batched; the catalogue (a few dozen types) is
 * read once per request.
 */
export class LicenseService {
  private readonly byId: DataLoader<string, License | null>;
  private readonly byHolder: DataLoader<string, License[]>;
  private readonly events: DataLoader<string, LicenseEvent[]>;
  private types: Promise<Map<string, LicenseType>> | undefined;

  constructor(private readonly ctx: SubgraphContext) {
    this.byId = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(LicenseEntity, { licenseId: { $in: [...ids] } });
      const map = new Map(rows.map((r) => [r.licenseId, r]));
      return ids.map((id) => map.get(id) ?? null);
    }, { maxBatchSize: 1_000 });
    // Keyed by "<kind>:<identifier>" so an ID number and a credit code never mix.
    this.byHolder = new DataLoader(async (keys) => {
      const ids = [...new Set(keys.map((k) => k.slice(k.indexOf(':') + 1)))];
      const rows = await ctx.em.find(LicenseEntity, { holderId: { $in: ids } }, { orderBy: { issuedOn: 'desc', licenseId: 'asc' } });
      const map = new Map<string, License[]>();
      for (const row of rows) {
        const key = `${row.holderKind}:${row.holderId}`;
        map.set(key, [...(map.get(key) ?? []), row]);
      }
      return keys.map((k) => map.get(k) ?? []);
    }, { maxBatchSize: 1_000 });
    this.events = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(LicenseEventEntity, { licenseId: { $in: [...ids] } }, { orderBy: { at: 'asc', id: 'asc' } });
      const map = new Map<string, LicenseEvent[]>();
      for (const row of rows) map.set(row.licenseId, [...(map.get(row.licenseId) ?? []), row]);
      return ids.map((id) => map.get(id) ?? []);
    }, { maxBatchSize: 1_000 });
  }

  /** A licence's history, oldest first (batched across licences). */
  history(licenseId: string): Promise<LicenseEvent[]> {
    return this.events.load(licenseId);
  }

  get(licenseId: string): Promise<License | null> {
    return this.byId.load(licenseId);
  }

  /** A holder's licences, newest first, optionally only those with one of `statuses`. */
  async byHolderOf(kind: HolderKind, identifier: string, statuses?: readonly EffectiveLicenseStatus[] | null): Promise<License[]> {
    const all = await this.byHolder.load(`${kind}:${identifier}`);
    if (!statuses?.length) return all;
    const wanted = new Set(statuses);
    return all.filter((l) => wanted.has(this.status(l)));
  }

  /**
   * Licences of the holder named by exactly one of the two identifiers.
   * @throws ValidationError when none or both are given.
   */
  holderLicenses(args: { idNumber?: string | null; creditCode?: string | null; status?: readonly EffectiveLicenseStatus[] | null }): Promise<License[]> {
    if (!!args.idNumber === !!args.creditCode) {
      throw new ValidationError('Give exactly one of idNumber or creditCode', { field: args.idNumber ? 'creditCode' : 'idNumber', reason: 'ONE_OF' });
    }
    return args.idNumber
      ? this.byHolderOf('PERSON', args.idNumber, args.status)
      : this.byHolderOf('ENTITY', args.creditCode!, args.status);
  }

  /** Today's effective status of a licence. */
  status(license: License): EffectiveLicenseStatus {
    return effectiveStatus(license, this.ctx.now);
  }

  private catalogue(): Promise<Map<string, LicenseType>> {
    this.types ??= this.ctx.em.find(LicenseTypeEntity, {}, { orderBy: { code: 'asc' } }).then((rows) => new Map(rows.map((t) => [t.code, t])));
    return this.types;
  }

  async listTypes(): Promise<LicenseType[]> {
    return [...(await this.catalogue()).values()];
  }

  async getType(code: string): Promise<LicenseType | null> {
    return (await this.catalogue()).get(code) ?? null;
  }
}
