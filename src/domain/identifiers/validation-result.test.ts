import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { invalid, toValidationError, unwrapValidation, valid } from './validation-result.js';

describe('validation-result', () => {
  describe(toValidationError.name, () => {
    it('carries the reason in details.reason and the message as is', () => {
      const error = toValidationError(invalid('LENGTH', 'too short'));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details.reason).toBe('LENGTH');
      expect(error.message).toBe('too short');
    });

    it('can be placed at an input field', () => {
      const error = toValidationError(invalid('CHECK_CHARACTER', 'wrong check')).at('input.idNumber');
      expect(error.details).toMatchObject({ reason: 'CHECK_CHARACTER', field: 'input.idNumber' });
    });
  });

  describe(unwrapValidation.name, () => {
    it('returns the value of a success', () => {
      expect(unwrapValidation(valid(42))).toBe(42);
    });

    it('throws a ValidationError for a failure', () => {
      expect(() => unwrapValidation(invalid('DATE', 'no such day'))).toThrow(ValidationError);
      try {
        unwrapValidation(invalid('DATE', 'no such day'));
      } catch (error) {
        expect((error as ValidationError).details.reason).toBe('DATE');
      }
    });
  });
});
