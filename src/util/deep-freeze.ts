/**
 * Freezes `value` and every object and array reachable from it, and returns
 * it. Objects already frozen are not walked again (so shared or cyclic
 * structures terminate).
 *
 * @example
 * const config = deepFreeze({ auth: { issuer: 'urn:onewindow:hub' } });
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
