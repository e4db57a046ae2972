import type { Principal } from '../../auth/principal.js';
import { decide, type Caller, type Decision, type RecordContext } from '../policy/decide.js';
import type { PolicySnapshot } from '../policy/policy-store.js';

/** Whose data a field belongs to. */
export interface DataSubject {
  readonly kind: 'PERSON' | 'ENTITY';
  readonly id: string;
}

/** A record being read in this request: whose it is, what of it the decision needs, and its audit groups. */
export interface ReadRecord {
  readonly subject: DataSubject;
  readonly context: RecordContext;
  /** This subject's audit groups, found once per record rather than once per field. */
  read?: AccessGroup;
  denied?: AccessGroup;
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
  private readonly records = new Map<object, ReadRecord>();

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

  /**
   * The record a resolved object holds, described once per object and request
   * (`describe` runs on first sight): every governed field of a 500-row list
   * would otherwise rebuild it.
   */
  record(parent: object, describe: (parent: Record<string, unknown>) => { subject: DataSubject; context: RecordContext }): ReadRecord {
    let record = this.records.get(parent);
    if (!record) {
      const { subject, context } = describe(parent as Record<string, unknown>);
      record = { subject, context };
      this.records.set(parent, record);
    }
    return record;
  }

  /** Notes an access to personal data (other items are not audited). */
  note(itemId: string, record: ReadRecord, decision: Decision): void {
    if (!this.policy.items.get(itemId)?.personal) return;
    let group: AccessGroup;
    if (decision.allow) {
      group = record.read ??= this.group(record.subject, 'READ');
      if (decision.grantId) group.grantIds.add(decision.grantId);
    } else {
      group = record.denied ??= this.group(record.subject, 'DENIED');
    }
    group.items.add(itemId);
  }

  /** The one group of a subject and outcome (the same person may be read through several objects). */
  private group(subject: DataSubject, outcome: 'READ' | 'DENIED'): AccessGroup {
    const key = `${subject.kind}|${outcome}|${subject.id}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { subject, outcome, items: new Set(), grantIds: new Set() };
      this.groups.set(key, group);
    }
    return group;
  }

  /** What was noted, one group per subject and outcome, in the order first noted. */
  noted(): IterableIterator<AccessGroup> {
    return this.groups.values();
  }
}
