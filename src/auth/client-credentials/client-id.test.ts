import { describe, expect, it } from 'vitest';
import { parseClientId } from './client-id.js';
import { DEPT_CODE } from './testing/client-fixture.js';

describe(parseClientId.name, () => {
  describe('parse', () => {
    it('splits a department credit code and a kebab-case system name', () => {
      expect(parseClientId(`${DEPT_CODE}:tax-gateway`)).toEqual({ department: DEPT_CODE, system: 'tax-gateway' });
      expect(parseClientId(`${DEPT_CODE}:${'a'.repeat(64)}`)).toBeDefined();
    });

    it('refuses other shapes', () => {
      for (const id of [undefined, 42, '', 'tax-gateway', `${DEPT_CODE}:`, `:tax`, `${DEPT_CODE}:-tax`, `${DEPT_CODE}:tax-`, `${DEPT_CODE}:Tax`,
        `${DEPT_CODE}:${'a'.repeat(65)}`, `${DEPT_CODE}X:tax`, `${DEPT_CODE.slice(1)}:tax`, `${DEPT_CODE}:tax\n`, `${DEPT_CODE.replace(/.$/, 'I')}:tax`]) {
        expect(parseClientId(id)).toBeUndefined();
      }
    });
  });
});
