import { todayInChina } from '../../domain/values.js';
import type { License } from './license.entity.js';

/** Effective status as the outside world sees it. */
export type EffectiveLicenseStatus = 'VALID' | 'EXPIRED' | 'SUSPENDED' | 'REVOKED' | 'SUPERSEDED';

/**
 * The status a licence has today: a stored VALID licence past its
 * `validUntil` (a date in China Standard Time) is EXPIRED.
 */
export function effectiveStatus(license: Pick<License, 'status' | 'validUntil'>, now: Date): EffectiveLicenseStatus {
  if (license.status === 'VALID' && license.validUntil && license.validUntil < todayInChina(now)) return 'EXPIRED';
  return license.status;
}
