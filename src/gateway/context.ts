import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logging.js';

/** The gateway's request context: who is asking, and what to pass on to subgraphs. */
export interface GatewayContext {
  readonly principal: Principal;
  /** The caller's own Authorization header, forwarded so each subgraph verifies it again. */
  readonly authorization: string;
  readonly requestId: string;
  /** The purpose of use stated on this request (`x-purpose`), forwarded to every subgraph. */
  readonly purpose: string | undefined;
  readonly log: Logger;
}
