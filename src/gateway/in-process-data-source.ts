import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { findAppError, toGraphQLError } from '../graphql/format-error.js';
import type { Subgraph } from '../subgraphs/create-subgraph.js';
import type { GatewayContext } from './context.js';

/**
 * Calls a subgraph in the same process (embedded mode). Unlike Apollo's
 * LocalGraphQLDataSource, it does not hand the gateway's context to the
 * subgraph: it passes only the caller's headers, and the subgraph
 * authenticates them itself, exactly as it would over HTTP. Going through the
 * subgraph's own Apollo server also keeps its document cache, error
 * formatting and plugins in the path.
 */
export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: Subgraph) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as Partial<GatewayContext>;
    const headers = { authorization: context.authorization, 'x-request-id': context.requestId, 'x-purpose': context.purpose };
    let contextValue;
    try {
      contextValue = await this.subgraph.createContext(headers);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      // The subgraph could not build its context (e.g. its database is down): answered
      // as that subgraph's error, so the gateway names the service, as over HTTP.
      const app = findAppError(error);
      if (app) return { errors: [toGraphQLError(app)] };
      throw error;
    }
    const response = await this.subgraph.server.executeOperation(
      { query: request.query!, variables: request.variables, operationName: request.operationName },
      { contextValue },
    );
    if (response.body.kind !== 'single') throw new Error(`${this.subgraph.name} answered with an incremental response`);
    const { data, errors, extensions } = response.body.singleResult;
    return { data, errors, extensions } as GatewayGraphQLResponse;
  }
}
