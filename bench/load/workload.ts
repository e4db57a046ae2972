/**
 * The mixed workload: which request comes next, what it looks like, and what
 * its answer must be. It runs in the driver worker and keeps the state that
 * links requests together (licences issued so far feed verification; a grant
 * change walks request → approve → check → revoke → check again).
 *
 * Every answer is checked, not just the first few: HTTP status, JSON, GraphQL
 * `errors` (none is expected in this mix: see operations.ts's EXPECTED_ERRORS) and the
 * data itself (the person asked for, a VALID verdict, an active grant…).
 */
import { APPROVE, CHECK, fail, isFailure, ISSUE, parseGraphql, READ, REQUEST, REVOKE, VERIFY, type Failure, type PreparedRequest } from './operations.js';
import type { OpKind, WorkloadPlan } from './protocol.js';
import { WeightedSchedule } from './weighted-schedule.js';

export type { Answer, PreparedRequest } from './operations.js';

const DRIVING_CLASSES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** A signed licence the verifiers may present. */
interface IssuedLicence {
  readonly licenseId: string;
  readonly token: string;
  readonly holder: string;
}

/** One grant change, as it walks through its steps. */
interface GrantLane {
  readonly n: number;
  readonly consumer: number;
  readonly item: string;
  readonly purpose: string;
  readonly level: 'FULL' | 'MASKED';
  requestId?: string;
  grantId?: string;
}

/** Keeps this many of the most recent licences for verification. */
const POOL_LIMIT = 2_000;

/** The workload's state and request factory (one per driver worker). */
export class Workload {
  private readonly schedule: WeightedSchedule;
  private readonly counters: Record<'read' | 'issue' | 'verify' | 'grant' | 'readAuth' | 'verifyAuth' | 'issuer', number> = {
    read: 0, issue: 0, verify: 0, grant: 0, readAuth: 0, verifyAuth: 0, issuer: 0,
  };
  private readonly interesting: ReadonlySet<string>;
  private readonly pool: IssuedLicence[] = [];
  private issued = 0;
  private grantCycles = 0;
  /** Grant changes waiting for their next step, one queue per step. */
  private readonly lanes = { approve: [] as GrantLane[], check: [] as GrantLane[], revoke: [] as GrantLane[], checkRevoked: [] as GrantLane[] };

  constructor(private readonly plan: WorkloadPlan) {
    this.schedule = new WeightedSchedule(plan.weights);
    this.interesting = new Set(plan.read.interesting);
    if (plan.read.idNumbers.length === 0 || plan.issue.holders.length === 0) throw new Error('the plan has no persons to read or holders to issue to');
  }

  /** Licences available to verify, issued so far, and grant changes walked to the end. */
  state(): { verifyPool: number; issued: number; grantCycles: number } {
    return { verifyPool: this.pool.length, issued: this.issued, grantCycles: this.grantCycles };
  }

  /** The next request of the mix. Call it when the request is sent: grant checks order events by when requests were prepared. */
  next(): PreparedRequest {
    const cls = this.schedule.next();
    // Verification needs a licence to present: until the first one is issued, issue instead.
    if (cls === 'verify' && this.pool.length === 0) return this.issue();
    switch (cls) {
      case 'read': return this.read();
      case 'issue': return this.issue();
      case 'verify': return this.verify();
      case 'grant': return this.grantStep();
    }
  }

  private graphqlRequest(kind: OpKind, authorization: string | undefined, query: string, variables: Record<string, unknown>, describe: string, check: (data: Record<string, unknown>) => Failure | undefined): PreparedRequest {
    return {
      kind,
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
      describe,
      check(answer) {
        const parsed = parseGraphql(answer, kind);
        return isFailure(parsed) ? parsed : check(parsed.data);
      },
    };
  }

  /** A department reads one person: their licences, the entities they represent, each entity's representative and licences. */
  read(): PreparedRequest {
    const { idNumbers, clients } = this.plan.read;
    const id = idNumbers[this.counters.read++ % idNumbers.length]!;
    const client = clients[this.counters.readAuth++ % clients.length]!;
    const interesting = this.interesting.has(id);
    return this.graphqlRequest('read', client.authorization, READ, { id }, `person(idNumber: "${id}") { … licenses … representedEntities { legalRepresentative licenses } } by ${client.department}`, (data) => {
      const person = data.person as null | { idNumber: string; name: string | null; licenses: unknown[]; representedEntities: Array<{ legalRepresentative: { idNumber: string; name: string | null } | null }> };
      if (!person) return fail(`person ${id} came back null`);
      if (person.idNumber !== id) return fail(`asked for ${id}, got ${person.idNumber}`);
      if (!person.name) return fail(`person ${id}: name is empty although the reader holds a FULL grant`);
      if (!Array.isArray(person.licenses) || !Array.isArray(person.representedEntities)) return fail(`person ${id}: licenses or representedEntities missing`);
      if (interesting && (person.licenses.length === 0 || person.representedEntities.length === 0)) return fail(`person ${id} holds licences and represents entities, but the answer lists ${person.licenses.length} and ${person.representedEntities.length}`);
      for (const e of person.representedEntities) {
        if (e.legalRepresentative?.idNumber !== id || e.legalRepresentative.name !== person.name) {
          return fail(`person ${id}: an entity they represent names ${JSON.stringify(e.legalRepresentative)} as its representative`);
        }
      }
      return undefined;
    });
  }

  /** An issuing department issues a driving licence, with a key never used before. */
  issue(): PreparedRequest {
    const n = this.counters.issue++;
    const { clients, holders, typeCode } = this.plan.issue;
    const client = clients[this.counters.issuer++ % clients.length]!;
    const holder = holders[n % holders.length]!;
    const input = {
      idempotencyKey: `load-${this.plan.runId}-${n}`,
      typeCode,
      holderIdNumber: holder,
      data: { drivingClass: DRIVING_CLASSES[n % DRIVING_CLASSES.length], firstIssueDate: '2015-06-01' },
    };
    return this.graphqlRequest('issue', client.authorization, ISSUE, { input }, `issueLicense(key ${input.idempotencyKey}, holder ${holder}) by ${client.department}`, (data) => {
      const l = data.issueLicense as null | { licenseId: string; version: number; status: string; token: string | null; holderIdentifier: string | null; issuingDepartment: { code: string } | null };
      if (!l) return fail('issueLicense came back null');
      if (!/^1\.2\.156\.3005\.2\./.test(l.licenseId)) return fail(`licence id ${l.licenseId} is not a GB/T 36904 identifier`);
      if (l.version !== 1 || l.status !== 'VALID') return fail(`new licence ${l.licenseId} is version ${l.version}, ${l.status}`);
      if (l.holderIdentifier !== holder) return fail(`licence ${l.licenseId} names holder ${l.holderIdentifier}, not ${holder}`);
      if (l.issuingDepartment?.code !== client.department) return fail(`licence ${l.licenseId} names issuer ${l.issuingDepartment?.code}, not ${client.department}`);
      if (!l.token || l.token.split('.').length !== 3) return fail(`licence ${l.licenseId} has no compact JWS token`);
      this.issued += 1;
      this.pool.push({ licenseId: l.licenseId, token: l.token, holder });
      if (this.pool.length > POOL_LIMIT) this.pool.shift();
      return undefined;
    });
  }

  /** A window verifies a licence online: alternately over GraphQL and `POST /verify`, with the expected holder. */
  verify(): PreparedRequest {
    const n = this.counters.verify++;
    // Walk the pool from its newest end backwards, so recent licences are verified soon after issue.
    const licence = this.pool[this.pool.length - 1 - (n % this.pool.length)]!;
    const { authorization } = this.plan.verify.clients[this.counters.verifyAuth++ % this.plan.verify.clients.length]!;
    const judge = (v: { verdict?: string; checks?: Array<{ name: string; ok: boolean; skipped: boolean; reason: string | null }>; license?: { licenseId: string; holderIdentifier: string | null } | null } | null): Failure | undefined => {
      if (!v) return fail('no verification result');
      const bad = (v.checks ?? []).filter((c) => !c.ok || c.skipped);
      if (v.verdict !== 'VALID' || bad.length > 0) return fail(`licence ${licence.licenseId}: verdict ${v.verdict}; failed checks ${JSON.stringify(bad)}`);
      if ((v.checks ?? []).length < 8) return fail(`licence ${licence.licenseId}: only ${(v.checks ?? []).length} checks reported`);
      if (v.license?.licenseId !== licence.licenseId || v.license.holderIdentifier !== licence.holder) return fail(`verified ${JSON.stringify(v.license)}, expected ${licence.licenseId} of ${licence.holder}`);
      return undefined;
    };
    if (n % 2 === 0) {
      return this.graphqlRequest('verify.graphql', authorization, VERIFY, { token: licence.token, holder: licence.holder }, `verifyLicense(${licence.licenseId}, expectedHolder ${licence.holder})`, (data) => judge(data.verifyLicense as Parameters<typeof judge>[0]));
    }
    return {
      kind: 'verify.http',
      path: '/verify',
      // The route is public; the window's token only names its rate-limit bucket, as a real window system would send it.
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ token: licence.token, expectedHolder: licence.holder }),
      describe: `POST /verify (${licence.licenseId}, expectedHolder ${licence.holder})`,
      check(answer) {
        if (answer.status >= 500) return { category: 'http-5xx', detail: `HTTP ${answer.status}: ${answer.body.slice(0, 400)}` };
        if (answer.status !== 200) return { category: answer.status === 429 ? 'http-429' : 'http-4xx', detail: `HTTP ${answer.status}: ${answer.body.slice(0, 400)}` };
        try {
          return judge(JSON.parse(answer.body) as Parameters<typeof judge>[0]);
        } catch {
          return { category: 'not-json', detail: answer.body.slice(0, 200) };
        }
      },
    };
  }

  /**
   * The next step of some grant change: the latest step any change is ready
   * for (so changes run to the end), else a new request. A step is handed out
   * once; a failed step drops its change (the failure is what gets reported).
   */
  grantStep(): PreparedRequest {
    const { checkRevoked, revoke, check, approve } = this.lanes;
    const lane = checkRevoked.shift();
    if (lane) return this.grantCheck(lane, true);
    const toRevoke = revoke.shift();
    if (toRevoke) return this.grantRevoke(toRevoke);
    const toCheck = check.shift();
    if (toCheck) return this.grantCheck(toCheck, false);
    const toApprove = approve.shift();
    if (toApprove) return this.grantApprove(toApprove);
    return this.grantRequest();
  }

  private grantRequest(): PreparedRequest {
    const n = this.counters.grant++;
    const { consumers, items, provider } = this.plan.grant;
    const lane: GrantLane = {
      n,
      consumer: n % consumers.length,
      item: items[n % items.length]!,
      // A purpose of its own per change, so no two changes touch the same grant decision.
      purpose: `LOAD_${this.plan.runId.toUpperCase()}_${n}`,
      level: n % 2 === 0 ? 'FULL' : 'MASKED',
    };
    const consumer = consumers[lane.consumer]!;
    const input = { provider, items: [lane.item], purpose: lane.purpose, legalBasis: '压力测试：按申请用途共享', scenario: '负载测试' };
    return this.graphqlRequest('grant.request', consumer.authorization, REQUEST, { input }, `requestSharing(${lane.item} from ${provider}, purpose ${lane.purpose}) by ${consumer.department}`, (data) => {
      const r = data.requestSharing as null | { id: string; status: string; items: string[]; purpose: string; consumer: { code: string } };
      if (!r || r.status !== 'PENDING' || r.purpose !== lane.purpose || r.consumer.code !== consumer.department || r.items.join() !== lane.item) return fail(`requestSharing answered ${JSON.stringify(r)}`);
      lane.requestId = r.id;
      this.lanes.approve.push(lane);
      return undefined;
    });
  }

  private admin(lane: GrantLane): string {
    const admins = this.plan.grant.admins;
    return admins[lane.n % admins.length]!.authorization;
  }

  private grantApprove(lane: GrantLane): PreparedRequest {
    const expiresAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const input = { id: lane.requestId!, accessLevel: lane.level, expiresAt };
    return this.graphqlRequest('grant.approve', this.admin(lane), APPROVE, { input }, `approveSharingRequest(${lane.requestId}, ${lane.level}) by an administrator`, (data) => {
      const r = data.approveSharingRequest as null | { status: string; grant: { id: string; accessLevel: string; active: boolean; purpose: string } | null };
      if (!r || r.status !== 'APPROVED' || !r.grant || !r.grant.active || r.grant.accessLevel !== lane.level || r.grant.purpose !== lane.purpose) return fail(`approveSharingRequest answered ${JSON.stringify(r)}`);
      lane.grantId = r.grant.id;
      this.lanes.check.push(lane);
      return undefined;
    });
  }

  private grantCheck(lane: GrantLane, revoked: boolean): PreparedRequest {
    const consumer = this.plan.grant.consumers[lane.consumer]!;
    const kind: OpKind = revoked ? 'grant.check-revoked' : 'grant.check';
    return this.graphqlRequest(kind, consumer.authorization, CHECK, { items: [lane.item], purpose: lane.purpose }, `accessCheck(${lane.item}, ${lane.purpose}) by ${consumer.department}${revoked ? ' after revocation' : ''}`, (data) => {
      const d = (data.accessCheck as Array<{ item: string; allowed: boolean; level: string | null; reason: string; grantId: string | null }> | null)?.[0];
      if (!d) return fail('accessCheck answered nothing');
      if (revoked) {
        // Each lane's purpose is its own, so whatever other grants of the item are live, the answer names this revoked one.
        if (d.allowed || d.reason !== 'GRANT_REVOKED') return fail(`after revoking grant ${lane.grantId}, accessCheck says ${JSON.stringify(d)}; expected GRANT_REVOKED`);
        this.grantCycles += 1;
        return undefined;
      }
      if (!d.allowed || d.reason !== 'GRANT' || d.level !== lane.level || d.grantId !== lane.grantId) return fail(`after approving grant ${lane.grantId} (${lane.level}), accessCheck says ${JSON.stringify(d)}`);
      this.lanes.revoke.push(lane);
      return undefined;
    });
  }

  private grantRevoke(lane: GrantLane): PreparedRequest {
    return this.graphqlRequest('grant.revoke', this.admin(lane), REVOKE, { id: lane.grantId!, reason: '负载测试结束，收回授权' }, `revokeGrant(${lane.grantId}) by an administrator`, (data) => {
      const g = data.revokeGrant as null | { id: string; active: boolean; revokeReason: string | null };
      if (!g || g.id !== lane.grantId || g.active || !g.revokeReason) return fail(`revokeGrant answered ${JSON.stringify(g)}`);
      this.lanes.checkRevoked.push(lane);
      return undefined;
    });
  }
}
