import { mask, type MaskKind } from '../masking/index.js';

/**
 * How a MASKED grant shows a value: strings by their item's mask rule; values
 * that have no textual mask (enums, numbers, objects) or items without a rule
 * come back null rather than in full.
 */
export function maskForGrant(kind: string | null, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind && typeof value === 'string') return mask(kind as MaskKind, value);
  return null;
}
