import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { UnavailableError } from '../errors.js';
import type { GatewayContext } from './context.js';

/**
 * Calls a subgraph over HTTP (distributed mode), forwarding the caller's
 * bearer token and the request id. A subgraph that cannot be reached becomes
 * SERVICE_UNAVAILABLE naming the service, never a raw network error.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string, url: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: { request: { http?: { headers: { set(k: string, v: string): void } } }; context: Partial<GatewayContext> }): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context.purpose) request.http?.headers.set('x-purpose', context.purpose);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (cause) {
      const status = (cause as { extensions?: { response?: { status?: number; body?: unknown } } }).extensions?.response;
      // A subgraph that answered with GraphQL errors (e.g. 400 for input or 401) is passed on as it said it.
      const body = status?.body as { errors?: GatewayGraphQLResponse['errors'] } | undefined;
      if (body && typeof body === 'object' && Array.isArray(body.errors)) return { errors: body.errors };
      // extensions carry serviceName (and reason SERVICE_UNREACHABLE): a client, or the
      // partial answer's reader, learns which part of the graph is missing and why.
      throw UnavailableError.service(this.serviceName, cause);
    }
  }
}
