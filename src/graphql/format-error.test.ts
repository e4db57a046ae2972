import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../errors.js';
import { createFormatError, findAppError } from './format-error.js';

describe('createFormatError', () => {
  const format = createFormatError(false);

  it('turns an AppError into its code, field and reason', () => {
    const app = new ValidationError('input.phone: bad', { field: 'input.phone', reason: 'FORMAT' });
    const wrapped = new GraphQLError('input.phone: bad', { originalError: app, path: ['registerPerson'] });
    expect(format({ message: 'input.phone: bad', path: ['registerPerson'] }, wrapped)).toEqual({
      message: 'input.phone: bad',
      path: ['registerPerson'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.phone', reason: 'FORMAT' },
    });
  });

  it('keeps details such as expected and actual versions', () => {
    const formatted = format({ message: 'm' }, ConflictError.staleVersion('Person', 'x', 1, 2));
    expect(formatted.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', expected: 1, actual: 2 });
  });

  it('masks an unexpected error: generic message, INTERNAL_SERVER_ERROR, no stack', () => {
    const formatted = format(
      { message: 'relation "population.person" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } },
      new Error('relation "population.person" does not exist'),
    );
    expect(formatted).toEqual({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes a public code from a subgraph through, without stack traces', () => {
    const formatted = format({ message: 'no', extensions: { code: 'FORBIDDEN', serviceName: 'population', stacktrace: ['a'] } }, new GraphQLError('no'));
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN', serviceName: 'population' });
  });

  it('shows the internal message only when asked (development)', () => {
    expect(createFormatError(true)({ message: 'boom' }, new Error('boom')).message).toBe('Unexpected error: boom');
  });
});

describe('findAppError', () => {
  it('finds an AppError however deeply wrapped', () => {
    const app = new ValidationError('x', { reason: 'LENGTH' });
    const inner = new GraphQLError('inner', { originalError: app });
    const outer = new GraphQLError('outer', { originalError: inner });
    expect(findAppError(outer)).toBe(app);
    expect(findAppError(new Error('plain'))).toBeUndefined();
  });
});
