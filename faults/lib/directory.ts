/**
 * The data a fault script loads: the `npm start` demo directory (2,000
 * persons, their entities and licences, grants for the demo consumer, the
 * default catalogue), and the identifiers worth querying in it.
 */
import { prepareDatabase } from '../../src/cli/prepare-database.js';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logging.js';
import { DEMO_CONSUMER } from '../../src/seed/demo-grants.js';

/** The department (and purpose) whose reads the fault scripts drive: it holds grants for every item. */
export const READER = { department: DEMO_CONSUMER.department.code, purpose: DEMO_CONSUMER.purpose } as const;

/** Migrates and seeds `db` exactly as `onewindow start` does on first run. */
export async function loadDemoDirectory(db: Database, config: Config): Promise<void> {
  await prepareDatabase(db, { migrate: true, seedDemo: true, logger: createLogger({ ...config, logLevel: 'silent' }) });
}

/** A query that takes every subgraph: person (population) → licences (license) and represented entities (legal-entity) → their representative (population again). */
export const NESTED_PERSON = /* GraphQL */ `
  query Nested($id: IdNumber!) {
    person(idNumber: $id) {
      idNumber name
      licenses { licenseId status type { name } }
      representedEntities { creditCode name legalRepresentative { idNumber name } licenses { licenseId } }
    }
  }
`;

/** Persons holding at least one licence and representing at least one entity that holds one: every part of {@link NESTED_PERSON} has data. */
export async function interestingPersons(db: Database, limit = 50): Promise<string[]> {
  const rows = await db.orm.em.getConnection().execute<Array<{ id: string }>>(
    `select distinct e.legal_representative as id from legal_entity.legal_entity e
      where exists (select 1 from license.license l where l.holder_id = e.legal_representative)
        and exists (select 1 from license.license l where l.holder_id = e.credit_code)
      order by 1 limit ${Number(limit)}`,
  );
  return rows.map((r: { id: string }) => r.id);
}

/** What is wrong with a complete answer to {@link NESTED_PERSON}, if anything. */
export function checkNestedPerson(data: Record<string, unknown>): string | undefined {
  const person = data.person as { idNumber?: string; name?: string; licenses?: unknown[]; representedEntities?: Array<{ legalRepresentative?: { idNumber?: string } | null }> } | null;
  if (!person) return 'person is null';
  if (!person.name) return 'person.name is missing';
  if (!person.licenses?.length) return 'person.licenses is empty';
  if (!person.representedEntities?.length) return 'person.representedEntities is empty';
  if (person.representedEntities.some((e) => e.legalRepresentative?.idNumber !== person.idNumber)) return 'an entity\'s legalRepresentative is not the person';
  return undefined;
}
