import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { seedDirectory, type SeedSummary } from '../src/seed/load.js';
import { createTestDatabase } from './fixtures/database.js';

/**
 * The bulk loader on a real database: what it stores (row counts, the
 * field-level provenance it builds in SQL from one object per source), that
 * its per-table summary adds up, that it leaves planner statistics behind,
 * and that loading the same seed again adds nothing.
 */

const NOW = new Date('2026-11-01T00:00:00Z');
const AT = NOW.toISOString();
const PERSON_FIELDS = ['idNumber', 'name', 'gender', 'birthDate', 'ethnicity', 'nationality', 'householdAddress', 'residenceAddress', 'phone', 'maritalStatus', 'lifeStatus'];
const ENTITY_FIELDS = ['creditCode', 'name', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'address', 'businessScope', 'status'];
const LICENSE_FIELDS = ['licenseNumber', 'holderId', 'holderName', 'issuedOn', 'validFrom', 'validUntil', 'data'];

type Provenance = Record<string, { source: string; at: string }>;

function expectProvenance(provenance: Provenance, fields: readonly string[], source: string): void {
  expect(Object.keys(provenance).sort()).toEqual([...fields].sort());
  for (const field of fields) expect(provenance[field]).toEqual({ source, at: AT });
}

describe(seedDirectory.name, () => {
  let db: Database;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = await createTestDatabase({ fixtureGrants: false });
    summary = await seedDirectory(db, { seed: 5, persons: 400, batchSize: 150, now: NOW });
  });
  afterAll(async () => {
    await db?.close();
  });

  const rows = <T>(sql: string) => db.orm.em.getConnection().execute<T[]>(sql);

  describe('summary', () => {
    it('counts what is stored, per table too', async () => {
      const [counts] = await rows<{ persons: number; entities: number; licenses: number }>(
        `select (select count(*)::int from population.person) as persons, (select count(*)::int from legal_entity.legal_entity) as entities,
                (select count(*)::int from license.license) as licenses`,
      );
      expect(counts).toEqual({ persons: 400, entities: summary.entities, licenses: summary.licenses });
      expect(summary.entities).toBe(80);
      expect(summary.licenses).toBeGreaterThan(0);
      expect(summary.tables['population.person']?.rows).toBe(400);
      expect(summary.tables['legal_entity.legal_entity']?.rows).toBe(summary.entities);
      expect(summary.tables['license.license']?.rows).toBe(summary.licenses);
      for (const t of Object.values(summary.tables)) expect(t.ms).toBeGreaterThanOrEqual(0);
    });
  });

  describe('planner statistics', () => {
    it('analyzes the three tables it loaded (PGlite has no autovacuum; a server\'s may come late)', async () => {
      const stats = await rows<{ relname: string; reltuples: number }>(
        `select relname, reltuples::float8 as reltuples from pg_class
          where oid in ('population.person'::regclass, 'legal_entity.legal_entity'::regclass, 'license.license'::regclass) order by relname`,
      );
      expect(stats.map((r: { relname: string; reltuples: number }) => [r.relname, Number(r.reltuples)])).toEqual([
        ['legal_entity', summary.entities], ['license', summary.licenses], ['person', 400],
      ]);
      expect(summary.analyzeMs).toBeGreaterThanOrEqual(0);
    });
  });

  describe('provenance', () => {
    it('stamps every person field with the household registry of the person\'s province', async () => {
      const persons = await rows<{ id_number: string; provenance: Provenance }>('select id_number, provenance from population.person');
      for (const p of persons) {
        expectProvenance(p.provenance, PERSON_FIELDS, p.id_number.startsWith('31') ? DEPARTMENTS.shPsb.code : DEPARTMENTS.bjPsb.code);
      }
    });

    it('stamps every entity field with the market regulator of the entity\'s province', async () => {
      const entities = await rows<{ division_code: string; provenance: Provenance }>('select division_code, provenance from legal_entity.legal_entity');
      expect(entities.length).toBeGreaterThan(0);
      for (const e of entities) expectProvenance(e.provenance, ENTITY_FIELDS, e.division_code.startsWith('31') ? DEPARTMENTS.shAmr.code : DEPARTMENTS.bjAmr.code);
    });

    it('stamps every licence field with the issuing department', async () => {
      const licenses = await rows<{ issuer_code: string; provenance: Provenance }>('select issuer_code, provenance from license.license');
      const issuers = new Set(licenses.map((l: { issuer_code: string }) => l.issuer_code));
      expect(issuers.size).toBeGreaterThan(1);
      for (const l of licenses) expectProvenance(l.provenance, LICENSE_FIELDS, l.issuer_code);
    });
  });

  describe('loading the same seed again', () => {
    it('adds nothing', async () => {
      const again = await seedDirectory(db, { seed: 5, persons: 400, batchSize: 150, now: NOW });
      expect(again.licenses).toBe(summary.licenses);
      const [counts] = await rows<{ persons: number; licenses: number }>(
        'select (select count(*)::int from population.person) as persons, (select count(*)::int from license.license) as licenses',
      );
      expect(counts).toEqual({ persons: 400, licenses: summary.licenses });
    });
  });
});
