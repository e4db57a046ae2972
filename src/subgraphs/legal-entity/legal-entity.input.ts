import { z } from 'zod';
import { address } from '../../domain/person/person-fields.js';
import { ENTITY_STATUSES } from './legal-entity.entity.js';

/** "1000" → "1000.00": the column keeps two places, so the value returned is the value stored. */
function toCents(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

const money = z.object({
  amount: z
    .string()
    .refine((v) => !v.startsWith('-'), { message: 'registered capital cannot be negative', params: { reason: 'RANGE' } })
    .refine((v) => !/\.\d{3,}$/.test(v), { message: 'registered capital has at most 2 decimal places (fen)', params: { reason: 'SCALE' } })
    .transform(toCents),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as CNY'),
});

const entityName = z.string().trim().min(2, 'a name has at least 2 characters').max(200, 'a name is at most 200 characters');
const businessScope = z.string().trim().max(4000, 'the business scope is at most 4000 characters');

/** Rules for `registerLegalEntity(input:)` beyond the GraphQL types. */
export const RegisterLegalEntitySchema = z.object({
  creditCode: z.string(),
  name: entityName,
  legalRepresentative: z.string(),
  registeredCapital: money.nullish(),
  establishedOn: z.string(),
  address,
  businessScope: businessScope.nullish(),
  status: z.enum(ENTITY_STATUSES).nullish(),
});

/** Rules for `updateLegalEntity(input:)`: absent = unchanged, null = cleared where allowed. */
export const UpdateLegalEntitySchema = z.object({
  creditCode: z.string(),
  expectedVersion: z.number().int().min(1, 'versions start at 1'),
  name: entityName.optional(),
  legalRepresentative: z.string().optional(),
  registeredCapital: money.nullish(),
  establishedOn: z.string().optional(),
  address: address.optional(),
  businessScope: businessScope.nullish(),
  status: z.enum(ENTITY_STATUSES).optional(),
});

export type RegisterLegalEntityInput = z.output<typeof RegisterLegalEntitySchema>;
export type UpdateLegalEntityInput = z.output<typeof UpdateLegalEntitySchema>;
