/**
 * The authenticated caller, as every hop (gateway and each subgraph) derives it
 * from the bearer token. Field-level rules (issue 4) decide on this object, so
 * it carries what they need and nothing more.
 */

/** The kinds of caller. */
export const ROLES = ['DEPARTMENT_SYSTEM', 'OPERATOR', 'ADMIN', 'SUPERVISOR', 'CITIZEN'] as const;
/** A kind of caller. */
export type Role = (typeof ROLES)[number];

/** An authenticated caller. */
export interface Principal {
  /** `sub`: a system's client id, an operator's staff id, or a citizen's ID number. */
  readonly subject: string;
  readonly role: Role;
  /** Credit code of the department the caller acts for (absent for citizens). */
  readonly department: string | undefined;
  /** Stated purpose of use carried by the token, if any (issue 4 matches it to grants). */
  readonly purpose: string | undefined;
  /** `jti`, for audit records. */
  readonly tokenId: string;
  readonly expiresAt: Date;
}

/** Roles that act for a department and may write directory data. */
export const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set(['DEPARTMENT_SYSTEM', 'OPERATOR', 'ADMIN']);
