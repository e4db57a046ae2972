import { ValidationError } from '../../errors.js';

/**
 * The outcome of checking one identifier: the parsed value, or the first rule
 * it broke.
 *
 * `reason` is a stable machine-readable code (`LENGTH`, `CHECK_CHARACTER`, …)
 * that callers and tests branch on; `message` says in plain words what is
 * wrong and is free to change.
 *
 * @example
 * const result = validateIdNumber(input);
 * if (!result.ok) console.log(result.reason); // 'CHECK_CHARACTER'
 */
export type Validation<T> = { ok: true; value: T } | ValidationFailure;

/** The failed branch of {@link Validation}. */
export type ValidationFailure = { ok: false; reason: string; message: string };

/** Builds the successful branch of a {@link Validation}. */
export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

/**
 * Builds a failed {@link Validation}. Assignable to `Validation<T>` for any `T`.
 *
 * @example
 * return invalid('LENGTH', `A citizen ID number has 18 characters, not ${raw.length}`);
 */
export function invalid(reason: string, message: string): ValidationFailure {
  return { ok: false, reason, message };
}

/**
 * Turns a failed {@link Validation} into the {@link ValidationError} to throw,
 * carrying the failure's `reason` in `details.reason`. Use
 * {@link ValidationError.at} on the result to say which input field it was.
 *
 * @example
 * if (!result.ok) throw toValidationError(result).at('input.idNumber');
 */
export function toValidationError(failure: ValidationFailure): ValidationError {
  return new ValidationError(failure.message, { reason: failure.reason });
}

/**
 * Returns the value of a successful {@link Validation}, or throws the
 * {@link ValidationError} for a failed one.
 *
 * @throws {ValidationError} when `result.ok` is false; `details.reason` is the failure's reason.
 * @example
 * const info = unwrapValidation(validateCreditCode(input));
 */
export function unwrapValidation<T>(result: Validation<T>): T {
  if (!result.ok) throw toValidationError(result);
  return result.value;
}
