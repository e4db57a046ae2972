import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { parseCreditCode } from '../../domain/identifiers/credit-code.js';
import { stampProvenance } from '../../domain/provenance/provenance.js';
import { todayInChina } from '../../domain/values.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import { LegalEntityEntity, type LegalEntity } from './legal-entity.entity.js';
import type { RegisterLegalEntityInput, UpdateLegalEntityInput } from './legal-entity.input.js';

/** Largest batch `legalEntities(creditCodes:)` accepts. */
export const MAX_ENTITY_BATCH = 500;

/**
 * The legal-entity register for one request. Both lookups (by code, by legal
 * representative) are batched, so a list of N persons or entities costs one query.
 */
export class LegalEntityService {
  private readonly byCode: DataLoader<string, LegalEntity | null>;
  private readonly byRepresentative: DataLoader<string, LegalEntity[]>;

  constructor(private readonly ctx: SubgraphContext) {
    this.byCode = new DataLoader(async (codes) => {
      const rows = await ctx.em.find(LegalEntityEntity, { creditCode: { $in: [...codes] } });
      const map = new Map(rows.map((r) => [r.creditCode, r]));
      return codes.map((c) => map.get(c) ?? null);
    }, { maxBatchSize: 1_000 });
    this.byRepresentative = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(LegalEntityEntity, { legalRepresentative: { $in: [...ids] } }, { orderBy: { creditCode: 'asc' } });
      const map = new Map<string, LegalEntity[]>();
      for (const row of rows) map.set(row.legalRepresentative, [...(map.get(row.legalRepresentative) ?? []), row]);
      return ids.map((id) => map.get(id) ?? []);
    }, { maxBatchSize: 1_000 });
  }

  get(creditCode: string): Promise<LegalEntity | null> {
    return this.byCode.load(creditCode);
  }

  /** @throws ValidationError when more than {@link MAX_ENTITY_BATCH} are asked for. */
  async getMany(codes: readonly string[]): Promise<Array<LegalEntity | null>> {
    if (codes.length > MAX_ENTITY_BATCH) {
      throw new ValidationError(`creditCodes: at most ${MAX_ENTITY_BATCH} per call, got ${codes.length}`, { field: 'creditCodes', reason: 'TOO_MANY' });
    }
    return Promise.all(codes.map((c) => this.byCode.load(c)));
  }

  /** Entities whose legal representative is this person. */
  representedBy(idNumber: string): Promise<LegalEntity[]> {
    return this.byRepresentative.load(idNumber);
  }

  /** What the credit code itself says (authority, type, division), allow-list aware. */
  describeCode(creditCode: string) {
    return parseCreditCode(creditCode, { allowList: this.ctx.creditCodeAllowList });
  }

  private assertNotFuture(date: string, field: string): void {
    if (date > todayInChina(this.ctx.now)) throw new ValidationError(`${field}: ${date} is in the future`, { field, reason: 'FUTURE_DATE' });
  }

  /** @throws ConflictError when the code is already registered. */
  async register(input: RegisterLegalEntityInput, source: string): Promise<LegalEntity> {
    const info = this.describeCode(input.creditCode);
    this.assertNotFuture(input.establishedOn, 'input.establishedOn');
    if (await this.ctx.em.findOne(LegalEntityEntity, { creditCode: info.creditCode })) throw ConflictError.exists('LegalEntity', info.creditCode, 'input.creditCode');
    const supplied = ['creditCode', 'name', 'legalRepresentative', 'establishedOn', 'address', 'status', 'registrationAuthority', 'organisationType', 'divisionCode'];
    if (input.registeredCapital) supplied.push('registeredCapital');
    if (input.businessScope != null) supplied.push('businessScope');
    const entity = this.ctx.em.create(LegalEntityEntity, {
      creditCode: info.creditCode,
      name: input.name,
      registrationAuthority: info.registrationAuthority.code,
      organisationType: info.organisationType.code,
      divisionCode: info.divisionCode,
      legalRepresentative: input.legalRepresentative,
      registeredCapital: input.registeredCapital?.amount ?? null,
      capitalCurrency: input.registeredCapital?.currency ?? null,
      establishedOn: input.establishedOn,
      address: input.address,
      businessScope: input.businessScope ?? null,
      status: input.status ?? 'ACTIVE',
      provenance: stampProvenance(null, supplied, source, this.ctx.now),
    });
    try {
      await this.ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw ConflictError.exists('LegalEntity', info.creditCode, 'input.creditCode');
      throw error;
    }
    return entity;
  }

  /** @throws NotFoundError, ConflictError (STALE_VERSION); nothing is written on a mismatch. */
  async update(input: UpdateLegalEntityInput, source: string): Promise<LegalEntity> {
    const entity = await this.ctx.em.findOne(LegalEntityEntity, { creditCode: input.creditCode });
    if (!entity) throw NotFoundError.of('LegalEntity', input.creditCode, 'input.creditCode');
    if (entity.version !== input.expectedVersion) throw ConflictError.staleVersion('LegalEntity', input.creditCode, input.expectedVersion, entity.version);
    if (input.establishedOn) this.assertNotFuture(input.establishedOn, 'input.establishedOn');

    const changed: string[] = [];
    const set = <K extends keyof LegalEntity>(key: K, value: LegalEntity[K]) => {
      if (entity[key] !== value) {
        entity[key] = value;
        changed.push(key as string);
      }
    };
    if (input.name !== undefined) set('name', input.name);
    if (input.legalRepresentative !== undefined) set('legalRepresentative', input.legalRepresentative);
    if (input.establishedOn !== undefined) set('establishedOn', input.establishedOn);
    if (input.address !== undefined) set('address', input.address);
    if (input.status !== undefined) set('status', input.status);
    if (input.businessScope !== undefined) set('businessScope', input.businessScope ?? null);
    if (input.registeredCapital !== undefined) {
      const before = changed.length;
      set('registeredCapital', input.registeredCapital?.amount ?? null);
      set('capitalCurrency', input.registeredCapital?.currency ?? null);
      // Amount and currency are one field to the outside world.
      changed.splice(before, changed.length - before, ...(changed.length > before ? ['registeredCapital'] : []));
    }
    if (changed.length === 0) return entity;
    entity.provenance = stampProvenance(entity.provenance, changed, source, this.ctx.now);
    try {
      await this.ctx.em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) throw ConflictError.staleVersion('LegalEntity', input.creditCode, input.expectedVersion, input.expectedVersion + 1);
      throw error;
    }
    return entity;
  }
}
