import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Provenance } from '../../domain/provenance/provenance.js';

/** Gender as derived from the ID number's sequence digit. */
export const GENDERS = ['MALE', 'FEMALE'] as const;
/** Marital status as held by the civil-affairs registry. */
export const MARITAL_STATUSES = ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED'] as const;
/** Whether the person is alive, as held by the household registry. */
export const LIFE_STATUSES = ['ALIVE', 'DECEASED'] as const;

/**
 * A natural person in the population directory, keyed by the 18-character
 * citizen ID number. `gender` and `birthDate` are stored for querying but are
 * always derived from the ID number: the service never accepts them as input.
 */
export const PersonEntity = defineEntity({
  name: 'Person',
  schema: 'population',
  tableName: 'person',
  properties: {
    idNumber: p.string().length(18).primary(),
    name: p.string().length(100),
    gender: p.enum([...GENDERS]),
    birthDate: p.date(),
    ethnicity: p.string().length(20).nullable(),
    nationality: p.string().length(3).default('CHN'),
    householdAddress: p.string().length(300).nullable(),
    residenceAddress: p.string().length(300).nullable(),
    phone: p.string().length(20).nullable(),
    maritalStatus: p.enum([...MARITAL_STATUSES]).nullable(),
    lifeStatus: p.enum([...LIFE_STATUSES]).default('ALIVE'),
    provenance: p.json<Provenance>(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** A loaded or new Person row. */
export type Person = InferEntity<typeof PersonEntity>;
