import { z } from 'zod';
import { address, ethnicity, nationality, personName, phone } from '../../domain/person/person-fields.js';
import { LIFE_STATUSES, MARITAL_STATUSES } from './person.entity.js';

/** Rules for `registerPerson(input:)` beyond the GraphQL types. */
export const RegisterPersonSchema = z.object({
  idNumber: z.string(),
  name: personName,
  gender: z.enum(['MALE', 'FEMALE']).nullish(),
  birthDate: z.string().nullish(),
  ethnicity: ethnicity.nullish(),
  nationality: nationality.nullish(),
  householdAddress: address.nullish(),
  residenceAddress: address.nullish(),
  phone: phone.nullish(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullish(),
  lifeStatus: z.enum(LIFE_STATUSES).nullish(),
});

/** Rules for `updatePerson(input:)`: absent = unchanged, null = cleared (where the field may be empty). */
export const UpdatePersonSchema = z.object({
  idNumber: z.string(),
  expectedVersion: z.number().int().min(1, 'versions start at 1'),
  name: personName.optional(),
  ethnicity: ethnicity.nullish(),
  nationality: nationality.optional(),
  householdAddress: address.nullish(),
  residenceAddress: address.nullish(),
  phone: phone.nullish(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullish(),
  lifeStatus: z.enum(LIFE_STATUSES).optional(),
});

export type RegisterPersonInput = z.output<typeof RegisterPersonSchema>;
export type UpdatePersonInput = z.output<typeof UpdatePersonSchema>;
