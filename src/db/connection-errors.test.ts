import { ConnectionException, DriverException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './connection-errors.js';

/** An error as pg throws it: a message and (sometimes) a SQLSTATE or socket code. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
    ['57P01 admin_shutdown (pg_ctl stop -m fast)', pgError('terminating connection due to administrator command', '57P01')],
    ['57P02 crash_shutdown', pgError('terminating connection because of crash of another server process', '57P02')],
    ['57P03 cannot_connect_now (starting up / shutting down)', pgError('the database system is starting up', '57P03')],
    ['53300 too_many_connections', pgError('sorry, too many clients already', '53300')],
    ['class 08 connection_failure', pgError('connection failure', '08006')],
    ['"Connection terminated unexpectedly" with the SQL knex puts before it', pgError('select "p0".* from "population"."person" as "p0" - Connection terminated unexpectedly')],
    ['a connection timeout', pgError('Connection terminated due to connection timeout')],
    ['a client no longer queryable', pgError('Client has encountered a connection error and is not queryable')],
    ['a pool acquire timeout', Object.assign(pgError('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
  ])('recognises %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises the same errors once MikroORM has converted them', () => {
    expect(isDatabaseUnavailable(new DriverException(pgError('terminating connection due to administrator command', '57P01')))).toBe(true);
    expect(isDatabaseUnavailable(new ConnectionException(pgError('boom')))).toBe(true);
  });

  it('looks through GraphQL and cause wrappers', () => {
    const driver = pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    expect(isDatabaseUnavailable(new GraphQLError('Context creation failed: connect ECONNREFUSED', { originalError: driver }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: driver }))).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', pgError('duplicate key value violates unique constraint "license_pkey"', '23505')],
    ['a missing table', pgError('relation "population.person" does not exist', '42P01')],
    ['a serialization failure', pgError('could not serialize access', '40001')],
    ['a failed fetch to another service, whose cause has a socket code', new TypeError('fetch failed', { cause: pgError('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED') })],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
