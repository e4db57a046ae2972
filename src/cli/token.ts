import { ensureDevKeyPair, loadPrivateKey } from '../auth/keys.js';
import { ROLES, type Role } from '../auth/principal.js';
import { mintToken } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { parseCreditCode } from '../domain/identifiers/credit-code.js';
import { parseIdNumber } from '../domain/identifiers/id-number.js';
import { AppError, ValidationError } from '../errors.js';
import { DEPARTMENTS } from '../seed/catalogue.js';

/** Options of `onewindow token`. */
export interface TokenCommandOptions {
  readonly role?: string;
  readonly department?: string;
  readonly subject?: string;
  readonly purpose?: string;
  readonly ttl?: string;
}

/**
 * Mints a development token. Refused when NODE_ENV=production: production
 * callers get tokens from the hub's client-credentials flow (issue 4).
 *
 * @example
 * await tokenCommand(config, { role: 'DEPARTMENT_SYSTEM', department: '11110000000000010A' });
 */
export async function tokenCommand(config: Config, options: TokenCommandOptions): Promise<string> {
  if (config.nodeEnv === 'production') {
    throw new AppError('FORBIDDEN', 'Development tokens cannot be minted when NODE_ENV=production', { reason: 'PRODUCTION' });
  }
  const role = (options.role ?? 'DEPARTMENT_SYSTEM').toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ValidationError(`--role must be one of ${ROLES.join(', ')}`, { field: 'role', reason: 'VALUE' });
  }
  const ttlSeconds = options.ttl ? Number(options.ttl) : 3600;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 86_400) {
    throw new ValidationError('--ttl must be a whole number of seconds between 1 and 86400', { field: 'ttl', reason: 'RANGE' });
  }
  let department: string | undefined;
  let subject = options.subject;
  if (role === 'CITIZEN') {
    if (!subject) throw new ValidationError('--subject (the citizen\'s ID number) is required for CITIZEN', { field: 'subject', reason: 'REQUIRED' });
    subject = parseIdNumber(subject).idNumber;
  } else {
    department = parseCreditCode(options.department ?? DEPARTMENTS.bjAmr.code).creditCode;
    subject ??= `${role.toLowerCase()}:${department}`;
  }
  await ensureDevKeyPair(config.auth.publicKeyPath, config.auth.privateKeyPath);
  const key = await loadPrivateKey(config.auth.privateKeyPath);
  return mintToken(key, config.auth, {
    subject,
    role: role as Role,
    ...(department ? { department } : {}),
    ...(options.purpose ? { purpose: options.purpose } : {}),
    ttlSeconds,
  });
}
