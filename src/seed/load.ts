import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import { installDefaultCatalogue } from '../access/catalogue/install.js';
import type { Database } from '../db/database.js';
import { formatLicenseId } from '../domain/identifiers/license-id.js';
import { addYearsToDate } from '../domain/values.js';
import { DEPARTMENTS, LICENSE_TYPES, type SeedDepartment, type SeedLicenseType } from './catalogue.js';
import { generateEntities, generatePersons, type SeedEntity, type SeedPerson } from './generate.js';
import { insertBatch, type ProvenanceSpec, type Row } from './insert-batch.js';
import { createPrng, type Prng } from './prng.js';

/** How much to generate. */
export interface SeedOptions {
  /** Same seed, same data. */
  readonly seed: number;
  readonly persons: number;
  /** Legal entities per person (default 0.2). */
  readonly entityRatio?: number;
  /** Rows per INSERT statement (default 5,000). */
  readonly batchSize?: number;
  readonly now?: Date;
  readonly onProgress?: (progress: SeedProgress) => void;
}

/** Progress after each batch. */
export interface SeedProgress {
  readonly persons: number;
  readonly entities: number;
  readonly licenses: number;
  readonly total: number;
}

/** What was loaded. */
export interface SeedSummary extends SeedProgress {
  readonly departments: number;
  readonly licenseTypes: number;
  readonly ms: number;
  /**
   * Per table: rows inserted and milliseconds its INSERT statements took. The
   * three tables of a batch are written concurrently on a PostgreSQL server,
   * so there these times overlap and may add up to more than `ms`.
   */
  readonly tables: Readonly<Record<string, { readonly rows: number; readonly ms: number }>>;
  /** Milliseconds of the closing `ANALYZE` of the three tables (included in `ms`). */
  readonly analyzeMs: number;
}

const PERSON_COLUMNS = {
  id_number: 'varchar', name: 'varchar', gender: 'text', birth_date: 'date', ethnicity: 'varchar', nationality: 'varchar',
  household_address: 'varchar', residence_address: 'varchar', phone: 'varchar', marital_status: 'text', life_status: 'text',
  version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const PERSON_FIELDS = ['idNumber', 'name', 'gender', 'birthDate', 'ethnicity', 'nationality', 'householdAddress', 'residenceAddress', 'phone', 'maritalStatus', 'lifeStatus'];
const ENTITY_FIELDS = ['creditCode', 'name', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'address', 'businessScope', 'status'];
const ENTITY_COLUMNS = {
  credit_code: 'varchar', name: 'varchar', registration_authority: 'varchar', organisation_type: 'varchar', division_code: 'varchar',
  legal_representative: 'varchar', registered_capital: 'numeric', capital_currency: 'varchar', established_on: 'date', address: 'varchar',
  business_scope: 'text', status: 'text', version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
};
/** Licence fields whose provenance is the issuing department. */
const LICENSE_FIELDS = ['licenseNumber', 'holderId', 'holderName', 'issuedOn', 'validFrom', 'validUntil', 'data'];
const LICENSE_COLUMNS = {
  license_id: 'varchar', type_code: 'varchar', license_number: 'varchar', holder_kind: 'text', holder_id: 'varchar', holder_name: 'varchar',
  issuer_code: 'varchar', serial: 'varchar', edition: 'int', issued_on: 'date', valid_from: 'date', valid_until: 'date',
  jurisdiction_code: 'varchar', status: 'text', data: 'jsonb', row_version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
};

/** The household-registry department that supplies a person's data, by province. */
function populationSource(divisionCode: string): SeedDepartment {
  return divisionCode.startsWith('31') ? DEPARTMENTS.shPsb : DEPARTMENTS.bjPsb;
}

function issuerFor(type: SeedLicenseType, divisionCode: string, random: Prng): SeedDepartment {
  const local = type.issuers.find((d) => d.divisionCode.slice(0, 2) === divisionCode.slice(0, 2));
  return local ?? random.pick(type.issuers);
}

/** Builds licence rows with deterministic serials and valid GB/T 36904 identifiers. */
class LicenseFactory {
  private serial = 0;
  constructor(private readonly at: string, private readonly today: string) {}

  make(type: SeedLicenseType, issuer: SeedDepartment, holder: { kind: 'PERSON' | 'ENTITY'; id: string; name: string }, issuedOn: string, licenseNumber: string, data: Row, jurisdictionCode: string): Row {
    this.serial += 1;
    const serial = String(this.serial).padStart(10, '0');
    const licenseId = formatLicenseId({ typeCode: type.code, issuerCode: issuer.code, serial, version: 1 });
    const validUntil = type.validityYears ? addYearsToDate(issuedOn, type.validityYears) : null;
    return {
      license_id: licenseId, type_code: type.code, license_number: licenseNumber, holder_kind: holder.kind, holder_id: holder.id,
      holder_name: holder.name, issuer_code: issuer.code, serial, edition: 1, issued_on: issuedOn, valid_from: issuedOn,
      valid_until: validUntil, jurisdiction_code: jurisdictionCode, status: 'VALID', data,
      row_version: 1, created_at: this.at, updated_at: this.at,
    };
  }

  get count(): number {
    return this.serial;
  }

  get todayDate(): string {
    return this.today;
  }
}

function randomDateBetween(random: Prng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (b <= a) return to;
  return new Date(a + Math.floor(random.next() * (b - a))).toISOString().slice(0, 10);
}

function personLicenses(batch: readonly SeedPerson[], factory: LicenseFactory, random: Prng): Row[] {
  const rows: Row[] = [];
  const today = factory.todayDate;
  const driving = LICENSE_TYPES.drivingLicense;
  const marriage = LICENSE_TYPES.marriageCertificate;
  const married: SeedPerson[] = [];
  for (const p of batch) {
    const adultOn = addYearsToDate(p.birthDate, 18);
    if (p.lifeStatus !== 'ALIVE' || adultOn >= today) continue;
    if (random.chance(0.35)) {
      const firstIssue = randomDateBetween(random, adultOn, today);
      // Renewals every 6 then 10 years: the current licence was issued at the latest renewal.
      let issuedOn = firstIssue;
      while (addYearsToDate(issuedOn, issuedOn === firstIssue ? 6 : 10) <= today) issuedOn = addYearsToDate(issuedOn, issuedOn === firstIssue ? 6 : 10);
      const issuer = issuerFor(driving, p.idNumber.slice(0, 6), random);
      const drivingClass = random.pick(['C1', 'C1', 'C1', 'C2', 'C2', 'B2', 'A2', 'D']);
      // A Chinese driving licence's number is the holder's ID number.
      rows.push(factory.make(driving, issuer, { kind: 'PERSON', id: p.idNumber, name: p.name }, issuedOn, p.idNumber, { drivingClass, firstIssueDate: firstIssue }, issuer.divisionCode));
    }
    if (p.maritalStatus === 'MARRIED') married.push(p);
  }
  // Pair married persons of opposite gender within the batch; each spouse holds a certificate.
  const men = married.filter((p) => p.gender === 'MALE');
  const women = married.filter((p) => p.gender === 'FEMALE');
  for (let i = 0; i < Math.min(men.length, women.length); i += 1) {
    const [a, b] = [men[i]!, women[i]!];
    const later = a.birthDate > b.birthDate ? a : b;
    const registrationDate = randomDateBetween(random, addYearsToDate(later.birthDate, 22), today);
    const issuer = issuerFor(marriage, a.idNumber.slice(0, 6), random);
    const number = `J${issuer.divisionCode}-${registrationDate.slice(0, 4)}-${String(factory.count + 1).padStart(6, '0')}`;
    for (const [holder, spouse] of [[a, b], [b, a]] as const) {
      rows.push(factory.make(marriage, issuer, { kind: 'PERSON', id: holder.idNumber, name: holder.name }, registrationDate, `${number}${holder === a ? 'A' : 'B'}`,
        { spouseIdNumber: spouse.idNumber, spouseName: spouse.name, registrationDate }, issuer.divisionCode));
    }
  }
  return rows;
}

function entityLicenses(batch: readonly SeedEntity[], factory: LicenseFactory, random: Prng): Row[] {
  const rows: Row[] = [];
  for (const e of batch) {
    if (e.status !== 'ACTIVE' || e.registrationAuthority !== '9') continue;
    const business = LICENSE_TYPES.businessLicense;
    const issuer = issuerFor(business, e.divisionCode, random);
    const holder = { kind: 'ENTITY' as const, id: e.creditCode, name: e.name };
    // Since the three-in-one reform the business licence number is the credit code.
    rows.push(factory.make(business, issuer, holder, e.establishedOn, e.creditCode,
      { enterpriseType: '有限责任公司', registeredCapital: e.registeredCapital, businessScope: e.businessScope }, issuer.divisionCode));
    if (random.chance(0.25)) {
      const food = LICENSE_TYPES.foodBusinessPermit;
      const foodIssuer = issuerFor(food, e.divisionCode, random);
      const issuedOn = randomDateBetween(random, e.establishedOn, factory.todayDate);
      const number = `JY${random.int(1, 3)}${e.divisionCode}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
      rows.push(factory.make(food, foodIssuer, holder, issuedOn, number,
        { businessItems: random.pick(['预包装食品（含冷藏冷冻食品）销售', '热食类食品制售', '冷食类食品制售']), premises: e.address, mainBusiness: random.pick(['食品销售经营者', '餐饮服务经营者', '单位食堂']) },
        foodIssuer.divisionCode));
    }
  }
  return rows;
}

/** Inserts the demo departments and licence types (idempotent). */
export async function seedCatalogue(db: Database, now: Date = new Date()): Promise<{ departments: number; licenseTypes: number }> {
  const at = now.toISOString();
  const departments = Object.values(DEPARTMENTS);
  await insertBatch(db, 'sharing.department', { code: 'varchar', name: 'varchar', division_code: 'varchar', version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz' },
    departments.map((d) => ({ code: d.code, name: d.name, division_code: d.divisionCode, version: 1, created_at: at, updated_at: at })));
  const types: SeedLicenseType[] = Object.values(LICENSE_TYPES);
  await insertBatch(db, 'license.license_type', {
    code: 'varchar', name: 'varchar', holder_kind: 'text', defining_authority_code: 'varchar', defining_authority_name: 'varchar',
    issuing_departments: 'text[]', data_fields: 'jsonb', validity_years: 'int', version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, types.map((t) => ({
    code: t.code, name: t.name, holder_kind: t.holderKind, defining_authority_code: t.definingAuthority.code, defining_authority_name: t.definingAuthority.name,
    issuing_departments: t.issuers.map((d) => d.code), data_fields: t.dataFields, validity_years: t.validityYears, version: 1, created_at: at, updated_at: at,
  })));
  await installDefaultCatalogue(db);
  return { departments: departments.length, licenseTypes: types.length };
}

/**
 * Generates and loads a deterministic directory: the catalogue, `persons`
 * persons, their legal entities and licences, in batches.
 *
 * @example
 * await seedDirectory(db, { seed: 42, persons: 100_000, onProgress: console.log });
 */
export async function seedDirectory(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const batchSize = options.batchSize ?? 5_000;
  const catalogue = await seedCatalogue(db, now);
  const random = createPrng(options.seed, 7);
  const factory = new LicenseFactory(at, new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
  const totalEntities = Math.round(options.persons * (options.entityRatio ?? 0.2));

  const adults: string[] = [];
  const entities = generateEntities(options.seed, totalEntities, (i) => adults[(i * 7919) % adults.length]!, { today: now });
  let persons = 0;
  let entityCount = 0;
  let licenses = 0;
  let batch: SeedPerson[] = [];

  const tables = new Map<string, { rows: number; ms: number }>();
  const timed = async (table: string, columns: Record<string, string>, rows: readonly Row[], provenance: ProvenanceSpec): Promise<void> => {
    const t0 = performance.now();
    await insertBatch(db, table, columns, rows, provenance);
    const entry = tables.get(table) ?? { rows: 0, ms: 0 };
    entry.rows += rows.length;
    entry.ms += performance.now() - t0;
    tables.set(table, entry);
  };
  const sequential = db.pglite !== undefined;
  // The batch being written while the next one is generated: at most one at a time.
  let writing: Promise<void> = Promise.resolve();

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    for (const p of batch) if (p.lifeStatus === 'ALIVE' && addYearsToDate(p.birthDate, 18) < factory.todayDate) adults.push(p.idNumber);
    const personRows = batch.map((p) => {
      const source = populationSource(p.idNumber.slice(0, 6)).code;
      return {
        id_number: p.idNumber, name: p.name, gender: p.gender, birth_date: p.birthDate, ethnicity: p.ethnicity, nationality: p.nationality,
        household_address: p.householdAddress, residence_address: p.residenceAddress, phone: p.phone, marital_status: p.maritalStatus,
        life_status: p.lifeStatus, version: 1, created_at: at, updated_at: at, source,
      };
    });
    const licenseRows = personLicenses(batch, factory, random);
    persons += batch.length;

    // Entities keep pace with persons, so every representative is in the directory by the end of the load.
    const entityBatch: SeedEntity[] = [];
    const due = Math.min(totalEntities, Math.round(persons * (options.entityRatio ?? 0.2)));
    while (entityCount + entityBatch.length < due && adults.length > 0) {
      const next = entities.next();
      if (next.done) break;
      entityBatch.push(next.value);
    }
    const entityRows = entityBatch.map((e) => {
      const source = e.divisionCode.startsWith('31') ? DEPARTMENTS.shAmr.code : DEPARTMENTS.bjAmr.code;
      return {
        credit_code: e.creditCode, name: e.name, registration_authority: e.registrationAuthority, organisation_type: e.organisationType,
        division_code: e.divisionCode, legal_representative: e.legalRepresentative, registered_capital: e.registeredCapital,
        capital_currency: e.capitalCurrency, established_on: e.establishedOn, address: e.address, business_scope: e.businessScope,
        status: e.status, version: 1, created_at: at, updated_at: at, source,
      };
    });
    entityCount += entityBatch.length;
    licenseRows.push(...entityLicenses(entityBatch, factory, random));
    licenses += licenseRows.length;
    batch = [];
    const progress: SeedProgress = { persons, entities: entityCount, licenses, total: options.persons };

    // Rows are generated (above) while the previous batch is still being written; the three
    // tables of a batch are written concurrently. No foreign key crosses the three schemas, and
    // a PostgreSQL server then works on other connections (cores) while this process generates.
    // PGlite runs its statements one at a time in this thread: there they are issued one by one,
    // so each table's time is its own and not time spent queued behind another table.
    await writing;
    const writes: Array<() => Promise<void>> = [
      () => timed('population.person', PERSON_COLUMNS, personRows, { fields: PERSON_FIELDS, at, sourceColumn: 'source' }),
      () => timed('legal_entity.legal_entity', ENTITY_COLUMNS, entityRows, { fields: ENTITY_FIELDS, at, sourceColumn: 'source' }),
    ];
    for (let i = 0; i < licenseRows.length; i += batchSize) {
      const chunk = licenseRows.slice(i, i + batchSize);
      writes.push(() => timed('license.license', LICENSE_COLUMNS, chunk, { fields: LICENSE_FIELDS, at, sourceColumn: 'issuer_code' }));
    }
    writing = (sequential ? writes.reduce<Promise<void>>((done, write) => done.then(write), Promise.resolve()) : Promise.all(writes.map((write) => write())).then(() => undefined))
      .then(() => options.onProgress?.(progress));
    // Handled here so a failure is not reported as unhandled while the next batch is generated; `await writing` rethrows it.
    writing.catch(() => undefined);
  };

  for (const person of generatePersons(options.seed, options.persons, { today: now })) {
    batch.push(person);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  // Statistics for the planner, as PostgreSQL advises after a bulk load. Without them the
  // planner guesses 0.5 % of the rows per key: at 1M licences it plans `holder_id in (…)` as a
  // parallel Gather Merge with two workers (~20 ms instead of ~0.2 ms, bench/scale.ts), until
  // autovacuum happens to analyze the table. PGlite has no autovacuum at all.
  const analyzeStarted = performance.now();
  await (db.orm.em.getConnection() as AbstractSqlConnection).execute('analyze population.person, legal_entity.legal_entity, license.license');
  const analyzeMs = Math.round(performance.now() - analyzeStarted);
  return {
    ...catalogue, persons, entities: entityCount, licenses, total: options.persons, ms: Date.now() - started, analyzeMs,
    tables: Object.fromEntries([...tables].map(([table, t]) => [table, { rows: t.rows, ms: Math.round(t.ms) }])),
  };
}
