/**
 * The field-level access decision: may this caller read this information item
 * of this record, and in full or masked? Pure and synchronous, so enforcement
 * can call it per field and the dry-run ("can I?") answers with the very same
 * logic. Deny by default: an item missing from the catalogue is never readable.
 */

/** Why a read is refused. */
export type DenyReason =
  | 'NOT_IN_CATALOGUE'
  | 'NOT_SHARED'
  | 'NO_DEPARTMENT'
  | 'NOT_YOUR_RECORD'
  | 'NO_GRANT'
  | 'GRANT_EXPIRED'
  | 'GRANT_REVOKED'
  | 'PURPOSE_MISSING'
  | 'PURPOSE_MISMATCH';

/** Why a read is allowed. */
export type AllowBasis = 'PROVIDER' | 'SELF' | 'UNCONDITIONAL' | 'OPEN' | 'GRANT';

/** The outcome for one item of one record. */
export type Decision =
  | { readonly allow: true; readonly level: 'FULL' | 'MASKED'; readonly basis: AllowBasis; readonly grantId?: string }
  | { readonly allow: false; readonly reason: DenyReason; readonly message: string };

/** What the decision needs of a catalogue item. */
export interface PolicyItem {
  readonly id: string;
  readonly sharingType: 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';
  /** Null: the record says who provides it (a licence's issuer). */
  readonly providerCode: string | null;
  readonly openAttribute: 'OPEN' | 'CONDITIONALLY_OPEN' | 'NOT_OPEN';
}

/** What the decision needs of a grant. */
export interface PolicyGrant {
  readonly id: string;
  /** The department that granted: it covers only data that department provides. */
  readonly providerCode: string;
  readonly items: readonly string[];
  readonly purpose: string;
  readonly accessLevel: 'FULL' | 'MASKED';
  readonly expiresAt: Date;
  readonly revokedAt: Date | null | undefined;
}

/** Who asks. */
export interface Caller {
  readonly role: 'DEPARTMENT_SYSTEM' | 'OPERATOR' | 'ADMIN' | 'SUPERVISOR' | 'CITIZEN';
  readonly department: string | undefined;
  /** A citizen's ID number, or a system's or operator's id. */
  readonly subject: string;
  /** The purpose stated on this request (header or token), if any. */
  readonly purpose: string | undefined;
}

/** What the decision needs of the record being read. */
export interface RecordContext {
  /** The citizen whose record this is (a person, or a licence's individual holder). */
  readonly ownerCitizen?: string;
  /** The provider when the item names none (a licence's issuing department). */
  readonly providerCode?: string;
}

const deny = (reason: DenyReason, message: string): Decision => ({ allow: false, reason, message });

/**
 * Decides one read. `grants` are the caller's department's grants (any state).
 *
 * @example
 * decide(caller, catalogue.get('Person.phone'), { ownerCitizen: person.idNumber }, grantsOf(caller.department), new Date());
 */
export function decide(caller: Caller, item: PolicyItem | undefined, record: RecordContext, grants: readonly PolicyGrant[], now: Date): Decision {
  if (!item) return deny('NOT_IN_CATALOGUE', 'the field is not in the data catalogue, so it is not shared');
  if (caller.role === 'CITIZEN') {
    if (record.ownerCitizen !== undefined && record.ownerCitizen === caller.subject) return { allow: true, level: 'FULL', basis: 'SELF' };
    if (item.openAttribute === 'OPEN') return { allow: true, level: 'FULL', basis: 'OPEN' };
    return deny('NOT_YOUR_RECORD', 'a citizen may read their own records only');
  }
  const department = caller.department;
  if (!department) return deny('NO_DEPARTMENT', 'the caller acts for no department');
  const provider = item.providerCode ?? record.providerCode;
  if (provider !== undefined && provider === department) return { allow: true, level: 'FULL', basis: 'PROVIDER' };
  if (item.sharingType === 'NOT_SHARED') return deny('NOT_SHARED', `${item.id} is not shared: only its provider may read it`);
  if (item.sharingType === 'UNCONDITIONAL') return { allow: true, level: 'FULL', basis: 'UNCONDITIONAL' };

  // A grant covers data its grantor provides; with no record at hand (a dry run) the provider is open.
  const covering = grants.filter((g) => g.items.includes(item.id) && (provider === undefined || g.providerCode === provider));
  if (covering.length === 0) return deny('NO_GRANT', `no grant of ${item.id} to department ${department}`);
  const isLive = (g: PolicyGrant) => !g.revokedAt && g.expiresAt.getTime() > now.getTime();
  const lapsed = (of: readonly PolicyGrant[]): Decision => (of.some((g) => !g.revokedAt)
    ? deny('GRANT_EXPIRED', `the grant of ${item.id} to department ${department} has expired`)
    : deny('GRANT_REVOKED', `the grant of ${item.id} to department ${department} was revoked`));
  if (!covering.some(isLive)) return lapsed(covering);
  if (!caller.purpose) return deny('PURPOSE_MISSING', `${item.id} is shared conditionally: state the purpose of this request (x-purpose header or the token's purpose)`);
  // The reason names the grant for the stated purpose: revoked or expired, not "wrong purpose" because another purpose's grant is live.
  const forPurpose = covering.filter((g) => g.purpose === caller.purpose);
  if (forPurpose.length === 0) return deny('PURPOSE_MISMATCH', `no grant of ${item.id} for purpose "${caller.purpose}"`);
  const matching = forPurpose.filter(isLive);
  if (matching.length === 0) return lapsed(forPurpose);
  const best = matching.find((g) => g.accessLevel === 'FULL') ?? matching[0]!;
  return { allow: true, level: best.accessLevel, basis: 'GRANT', grantId: best.id };
}
