import type { Principal } from '../../auth/principal.js';
import { decide, type Caller, type Decision, type RecordContext } from '../policy/decide.js';
import type { PolicySnapshot } from '../policy/policy-store.js';

/** Whose data a field belongs to. */
export interface DataSubject {
  readonly kind: 'PERSON' | 'ENTITY';
  readonly id: string;
}

/** The audited accesses to one subject with one outcome: the items, and the grants they relied on. */
export interface AccessGroup {
  readonly subject: DataSubject;
  readonly outcome: 'READ' | 'DENIED';
  readonly items: Set<string>;
  readonly grantIds: Set<string>;
}

/**
 * The access decisions of one request: decides per field (memoised per item
 * and what of the record matters to the decision), and notes every read and
 * refused attempt of personal data for the audit trail, which is written
 * before the response leaves. Notes are grouped per subject and outcome as
 * they come (one audit entry each), rather than kept one per field: a list of
 * 500 persons notes 5,000 fields.
 */
export class RequestAccess {
  private readonly caller: Caller;
  private readonly memo = new Map<string, Map<string, Decision>>();
  private readonly groups = new Map<string, AccessGroup>();

  constructor(
    readonly principal: Principal,
    readonly purpose: string | undefined,
    readonly policy: PolicySnapshot,
    private readonly now: Date,
  ) {
    this.caller = { role: principal.role, department: principal.department, subject: principal.subject, purpose };
  }

  decide(itemId: string, record: RecordContext): Decision {
    // Of the record, a decision depends only on its provider and on whether the caller is its owner.
    const own = record.ownerCitizen !== undefined && record.ownerCitizen === this.caller.subject;
    const provider = record.providerCode === undefined ? '\u0000' : record.providerCode;
    const key = own ? `self|${provider}` : provider;
    let byRecord = this.memo.get(itemId);
    if (!byRecord) {
      byRecord = new Map();
      this.memo.set(itemId, byRecord);
    }
    let decision = byRecord.get(key);
    if (!decision) {
      const grants = this.principal.department ? this.policy.grantsByConsumer.get(this.principal.department) ?? [] : [];
      decision = decide(this.caller, this.policy.items.get(itemId), record, grants, this.now);
      byRecord.set(key, decision);
    }
    return decision;
  }

  /** Notes an access to personal data (other items are not audited). */
  note(itemId: string, subject: DataSubject, decision: Decision): void {
    if (!this.policy.items.get(itemId)?.personal) return;
    const outcome = decision.allow ? 'READ' : 'DENIED';
    const key = `${subject.kind}|${outcome}|${subject.id}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { subject, outcome, items: new Set(), grantIds: new Set() };
      this.groups.set(key, group);
    }
    group.items.add(itemId);
    if (decision.allow && decision.grantId) group.grantIds.add(decision.grantId);
  }

  /** What was noted, one group per subject and outcome, in the order first noted. */
  noted(): IterableIterator<AccessGroup> {
    return this.groups.values();
  }
}
