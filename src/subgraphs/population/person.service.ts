import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { stampProvenance } from '../../domain/provenance/provenance.js';
import { parseIdNumber } from '../../domain/identifiers/id-number.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import { PersonEntity, type Person } from './person.entity.js';
import type { RegisterPersonInput, UpdatePersonInput } from './person.input.js';

/** Largest batch `persons(idNumbers:)` accepts. */
export const MAX_PERSON_BATCH = 500;

const UPDATABLE = ['name', 'ethnicity', 'nationality', 'householdAddress', 'residenceAddress', 'phone', 'maritalStatus', 'lifeStatus'] as const;

/**
 * The population directory for one request. Reads go through a DataLoader, so
 * any number of lookups in one tick (a list, an `_entities` batch) cost one query.
 */
export class PersonService {
  private readonly loader: DataLoader<string, Person | null>;

  constructor(private readonly ctx: SubgraphContext) {
    this.loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(PersonEntity, { idNumber: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.idNumber, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }, { maxBatchSize: 1_000 });
  }

  /** One person, or null. */
  get(idNumber: string): Promise<Person | null> {
    return this.loader.load(idNumber);
  }

  /**
   * Several persons in the order asked (null where unknown).
   * @throws ValidationError when more than {@link MAX_PERSON_BATCH} are asked for.
   */
  async getMany(idNumbers: readonly string[]): Promise<Array<Person | null>> {
    if (idNumbers.length > MAX_PERSON_BATCH) {
      throw new ValidationError(`idNumbers: at most ${MAX_PERSON_BATCH} per call, got ${idNumbers.length}`, { field: 'idNumbers', reason: 'TOO_MANY' });
    }
    return Promise.all(idNumbers.map((id) => this.loader.load(id)));
  }

  /**
   * Registers a person. Gender and birth date come from the ID number; when the
   * caller also states them they must agree.
   * @throws ConflictError when the ID number is already registered.
   */
  async register(input: RegisterPersonInput, source: string): Promise<Person> {
    const info = parseIdNumber(input.idNumber, this.ctx.now);
    if (input.gender && input.gender !== info.gender) {
      throw new ValidationError(`input.gender: ${input.gender} contradicts the ID number, whose sequence digit makes the holder ${info.gender}`, { field: 'input.gender', reason: 'ID_NUMBER_MISMATCH' });
    }
    if (input.birthDate && input.birthDate !== info.birthDate) {
      throw new ValidationError(`input.birthDate: ${input.birthDate} contradicts the ID number, which encodes ${info.birthDate}`, { field: 'input.birthDate', reason: 'ID_NUMBER_MISMATCH' });
    }
    if (await this.ctx.em.findOne(PersonEntity, { idNumber: info.idNumber })) throw ConflictError.exists('Person', info.idNumber, 'input.idNumber');

    const values = {
      name: input.name,
      ethnicity: input.ethnicity ?? null,
      nationality: input.nationality ?? 'CHN',
      householdAddress: input.householdAddress ?? null,
      residenceAddress: input.residenceAddress ?? null,
      phone: input.phone ?? null,
      maritalStatus: input.maritalStatus ?? null,
      lifeStatus: input.lifeStatus ?? 'ALIVE',
    };
    const supplied = ['idNumber', 'gender', 'birthDate', ...Object.keys(values).filter((k) => input[k as keyof RegisterPersonInput] != null)];
    const person = this.ctx.em.create(PersonEntity, {
      idNumber: info.idNumber,
      gender: info.gender,
      birthDate: info.birthDate,
      ...values,
      provenance: stampProvenance(null, supplied, source, this.ctx.now),
    });
    try {
      await this.ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw ConflictError.exists('Person', info.idNumber, 'input.idNumber');
      throw error;
    }
    return person;
  }

  /**
   * Applies the fields present in `input` if the record is still at
   * `expectedVersion`. Nothing is written on a version mismatch.
   * @throws NotFoundError, ConflictError (STALE_VERSION)
   */
  async update(input: UpdatePersonInput, source: string): Promise<Person> {
    const person = await this.ctx.em.findOne(PersonEntity, { idNumber: input.idNumber });
    if (!person) throw NotFoundError.of('Person', input.idNumber, 'input.idNumber');
    if (person.version !== input.expectedVersion) throw ConflictError.staleVersion('Person', input.idNumber, input.expectedVersion, person.version);

    const changed: string[] = [];
    for (const key of UPDATABLE) {
      if (!(key in input) || input[key] === undefined) continue;
      const next = input[key] ?? null;
      if (person[key] !== next) {
        (person as Record<string, unknown>)[key] = next;
        changed.push(key);
      }
    }
    if (changed.length === 0) return person;
    person.provenance = stampProvenance(person.provenance, changed, source, this.ctx.now);
    try {
      // The UPDATE carries `where version = expected`: a concurrent writer makes it match no row.
      await this.ctx.em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) throw ConflictError.staleVersion('Person', input.idNumber, input.expectedVersion, input.expectedVersion + 1);
      throw error;
    }
    return person;
  }
}
