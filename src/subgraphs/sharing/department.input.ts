import { z } from 'zod';

/** Rules for `registerDepartment(input:)` beyond the GraphQL types. */
export const RegisterDepartmentSchema = z.object({
  code: z.string().refine((c) => c.startsWith('1'), {
    message: 'a department is a government organ: its credit code starts with registration authority 1',
    params: { reason: 'REGISTRATION_AUTHORITY' },
  }),
  name: z.string().trim().min(2, 'a name has at least 2 characters').max(200, 'a name is at most 200 characters'),
  divisionCode: z.string().regex(/^\d{6}$/, 'a 6-digit GB/T 2260 division code'),
});
