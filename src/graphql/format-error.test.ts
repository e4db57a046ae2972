import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConflictError, UnavailableError, ValidationError } from '../errors.js';
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

  it('answers a dropped database connection as SERVICE_UNAVAILABLE, with its own message instead of the driver\'s SQL', () => {
    const driver = Object.assign(new Error('select "p0".* from "population"."person" as "p0" - terminating connection due to administrator command'), { code: '57P01' });
    const wrapped = new GraphQLError(driver.message, { originalError: driver, path: ['person'] });
    for (const exposeInternal of [false, true]) {
      expect(createFormatError(exposeInternal)({ message: driver.message, path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped)).toEqual({
        message: 'The database is unavailable; try again shortly',
        path: ['person'],
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' },
      });
    }
  });

  it('keeps the name of the subgraph whose database is down', () => {
    const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const formatted = format({ message: driver.message, extensions: { serviceName: 'license' } }, new GraphQLError(driver.message, { originalError: driver }));
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', serviceName: 'license' });
  });

  it('names an unreachable subgraph in extensions.serviceName', () => {
    const formatted = format({ message: 'The license service is unavailable' }, UnavailableError.service('license', new Error('ECONNREFUSED')));
    expect(formatted).toEqual({ message: 'The license service is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SERVICE_UNREACHABLE', serviceName: 'license' } });
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

  it('stands a database outage in for the AppError it is', () => {
    const found = findAppError(new GraphQLError('x', { originalError: Object.assign(new Error('the database system is shutting down'), { code: '57P03' }) }));
    expect(found).toBeInstanceOf(UnavailableError);
    expect(found).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'DATABASE_UNAVAILABLE' } });
  });
});
