/**
 * Client ids of department systems: `<department credit code>:<system name>`,
 * e.g. `11350100MB00000012:tax-gateway`.
 */

/** An 18-character Unified Social Credit Code (shape only; the certificate it is compared with was vetted at issuance). */
const DEPARTMENT = '[0-9A-HJ-NP-RTUWXY]{18}';
/** Lower-case kebab-case, 1–64 characters, starting and ending with a letter or digit. */
const SYSTEM = '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?';
const CLIENT_ID = new RegExp(`^(${DEPARTMENT}):(${SYSTEM})$`);

/** A client id split into its parts. */
export interface ClientIdParts {
  /** The department's credit code. */
  readonly department: string;
  /** The system's name within the department, e.g. `tax-gateway`. */
  readonly system: string;
}

/**
 * Splits a client id, or returns undefined when it is not
 * `<18-character credit code>:<kebab-case system name of 1–64 characters>`.
 *
 * @example
 * parseClientId('11350100MB00000012:tax-gateway'); // { department: '11350100MB00000012', system: 'tax-gateway' }
 * parseClientId('tax-gateway');                    // undefined
 */
export function parseClientId(clientId: unknown): ClientIdParts | undefined {
  if (typeof clientId !== 'string' || clientId.length > 83) return undefined;
  const match = CLIENT_ID.exec(clientId);
  if (!match?.[1] || !match[2]) return undefined;
  return { department: match[1], system: match[2] };
}
