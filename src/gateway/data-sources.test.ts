import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { freePort } from '../net/free-port.js';
import type { Subgraph } from '../subgraphs/create-subgraph.js';
import type { GatewayContext } from './context.js';
import { InProcessDataSource } from './in-process-data-source.js';
import { ForwardingDataSource } from './remote-data-source.js';

// GraphQLDataSourceRequestKind.HEALTH_CHECK (the enum is not exported from the package root).
const options = { kind: 'health check', request: { query: '{ __typename }' }, context: {} } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

describe(ForwardingDataSource.name, () => {
  describe('process', () => {
    it('turns an unreachable subgraph into SERVICE_UNAVAILABLE naming the service', async () => {
      // A port nothing listens on: the connection is refused.
      const url = `http://127.0.0.1:${await freePort()}/graphql`;
      const failure = await new ForwardingDataSource('license', url).process(options).then(() => undefined, (error: unknown) => error);
      expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The license service is unavailable', details: { reason: 'SERVICE_UNREACHABLE', serviceName: 'license' } });
    });
  });
});

describe(InProcessDataSource.name, () => {
  describe('process', () => {
    it('answers a subgraph whose database is down with a SERVICE_UNAVAILABLE error, not a thrown bug', async () => {
      const subgraph = {
        name: 'population',
        async createContext() {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        },
      } as unknown as Subgraph;
      const response = await new InProcessDataSource(subgraph).process(options);
      const error = response.errors?.[0] as GraphQLError | undefined;
      expect(error?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
      expect(error?.message).toBe('The database is unavailable; try again shortly');
    });

    it('still throws what is neither an AppError nor an outage (a bug, masked at the edge)', async () => {
      const subgraph = { name: 'population', createContext: async () => { throw new TypeError('bug'); } } as unknown as Subgraph;
      await expect(new InProcessDataSource(subgraph).process(options)).rejects.toThrow('bug');
    });
  });
});
