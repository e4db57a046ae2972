import type { Principal } from '../../auth/principal.js';
import { decide, type Caller, type Decision, type RecordContext } from '../policy/decide.js';
import type { PolicySnapshot } from '../policy/policy-store.js';

/** Whose data a field belongs to. */
export interface DataSubject {
  readonly kind: 'PERSON' | 'ENTITY';
  readonly id: string;
}

/** One audited access, grouped per subject and outcome at the end of the request. */
export interface AccessNote {
  readonly subject: DataSubject;
  readonly item: string;
  readonly outcome: 'READ' | 'DENIED';
  readonly grantId?: string;
}

/**
 * The access decisions of one request: decides per field (memoised per item
 * and record), and notes every read and refused attempt of personal data for
 * the audit trail, which is written before the response leaves.
 */
export class RequestAccess {
  private readonly caller: Caller;
  private readonly memo = new Map<string, Decision>();
  readonly notes: AccessNote[] = [];

  constructor(
    readonly principal: Principal,
    readonly purpose: string | undefined,
    readonly policy: PolicySnapshot,
    private readonly now: Date,
  ) {
    this.caller = { role: principal.role, department: principal.department, subject: principal.subject, purpose };
  }

  decide(itemId: string, record: RecordContext): Decision {
    const key = `${itemId}|${record.ownerCitizen ?? ''}|${record.providerCode ?? ''}`;
    let decision = this.memo.get(key);
    if (!decision) {
      const grants = this.principal.department ? this.policy.grantsByConsumer.get(this.principal.department) ?? [] : [];
      decision = decide(this.caller, this.policy.items.get(itemId), record, grants, this.now);
      this.memo.set(key, decision);
    }
    return decision;
  }

  /** Notes an access to personal data (other items are not audited). */
  note(itemId: string, subject: DataSubject, decision: Decision): void {
    if (!this.policy.items.get(itemId)?.personal) return;
    this.notes.push({ subject, item: itemId, outcome: decision.allow ? 'READ' : 'DENIED', ...(decision.allow && decision.grantId ? { grantId: decision.grantId } : {}) });
  }
}
