import { z } from 'zod';
import { isEthnicity } from './ethnicities.js';

/**
 * Field rules shared by every input that carries person data. GraphQL already
 * checked types and identifiers; these add the lengths and formats registries
 * expect, so bad data never reaches the database.
 */
export const personName = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(100, 'a name is at most 100 characters')
  .regex(/^[\p{Script=Han}\p{L}·•.\- ']+$/u, 'a name may contain letters, Chinese characters, the middle dot, spaces, hyphens and apostrophes only');

export const ethnicity = z.string().refine(isEthnicity, { message: 'not an ethnic group recorded by the household register (e.g. 汉族, 回族)', params: { reason: 'CODE_LIST' } });

export const nationality = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN');

export const address = z.string().trim().min(1, 'an address cannot be empty').max(300, 'an address is at most 300 characters');

export const phone = z
  .string()
  .regex(/^(\+86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, 'a mainland mobile number (1[3-9]xxxxxxxxx) or a landline with area code (010-12345678)');
