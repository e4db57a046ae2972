import { allow, rule } from 'graphql-shield';
import { DEPARTMENT_ROLES } from '../auth/principal.js';
import { AuthenticationError, ForbiddenError } from '../errors.js';
import { toGraphQLError } from '../graphql/format-error.js';
import type { SubgraphContext } from './context.js';

/**
 * Rules shared by every subgraph's permission tree. Trees are deny-by-default
 * (`fallbackRule: deny`), so a field or type not listed cannot be read; these
 * are the small named building blocks they are made of.
 */

/** The caller presented a valid token (the context already insists; this is defence in depth). */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) =>
  ctx.principal ? true : toGraphQLError(AuthenticationError.missing()),
);

/** The caller acts for a department (system, operator or administrator) and may write directory data. */
export const actsForDepartment = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) =>
  ctx.principal.department && DEPARTMENT_ROLES.has(ctx.principal.role)
    ? true
    : toGraphQLError(new ForbiddenError(`A ${ctx.principal.role} may not change directory data; a department system, operator or administrator may`, { reason: 'ROLE' })),
);

/** The caller is a hub administrator. */
export const isAdmin = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) =>
  ctx.principal.role === 'ADMIN' ? true : toGraphQLError(new ForbiddenError('Only an administrator may do this', { reason: 'ROLE' })),
);

/**
 * Federation's own fields. Deny-by-default would otherwise refuse the gateway's
 * `_entities` and `_service` calls; they still need an authenticated caller.
 */
export const federationRules = {
  Query: { _entities: isAuthenticated, _service: isAuthenticated },
  _Service: allow,
} as const;
