import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { CREDIT_CODE_ALPHABET } from './credit-code.js';

/**
 * Pilot-era credit codes: issued legally before GB 32100 settled, some fail
 * the check character. Registries accept them from an explicit, reviewed list
 * rather than rejecting real entities. Each entry says who approved it and why,
 * and the file lives under version control, so its history is the audit trail.
 */
const Entry = z.object({
  code: z.string().length(18).refine((c) => [...c].every((ch) => CREDIT_CODE_ALPHABET.includes(ch)), 'only GB 32100 alphabet characters'),
  reason: z.string().min(1),
  approvedBy: z.string().min(1),
  approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** Loads the allow-list file (a JSON array of entries); no path → empty list. */
export async function loadCreditCodeAllowList(path: string | undefined): Promise<ReadonlySet<string>> {
  if (!path) return new Set();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new AppError('BAD_USER_INPUT', `Cannot read the credit-code allow-list at ${path}`, { reason: 'CONFIG' }, { cause });
  }
  const parsed = z.array(Entry).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('BAD_USER_INPUT', `Credit-code allow-list ${path}: entry ${issue.path.join('.')}: ${issue.message}`, { reason: 'CONFIG' });
  }
  return new Set(parsed.data.map((e) => e.code));
}
