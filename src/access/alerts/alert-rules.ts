import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../audit/audit.types.js';

/** Thresholds of the early-warning rules. */
export interface AlertThresholds {
  /** Distinct persons one department may read in the window before BULK_READ. */
  readonly bulkReadPersons: number;
  /** Refused attempts by one department in the window before REPEATED_DENIALS. */
  readonly deniedAttempts: number;
  /** The sliding window, in minutes. */
  readonly windowMinutes: number;
  /** Counter-service hours (China time) for grants whose scenario is WINDOW_SERVICE. */
  readonly serviceHours: readonly [from: number, to: number];
  /**
   * At most one evaluation per this many milliseconds: under load the rules
   * cost one query per department per interval, not one per request.
   */
  readonly minIntervalMs: number;
}

/** Defaults: generous for real systems, tight enough to catch a scraper. */
export const DEFAULT_THRESHOLDS: AlertThresholds = { bulkReadPersons: 500, deniedAttempts: 20, windowMinutes: 10, serviceHours: [8, 18], minIntervalMs: 1_000 };

/** What is waiting to be evaluated for one department. */
interface Pending {
  /** Grants that data was read under since the last evaluation (for OUT_OF_HOURS). */
  readonly grantIds: Set<string>;
  /** When the latest of those reads happened. */
  at: Date;
}

/** Where failures of the (best-effort) rules are reported. */
export type AlertLog = (error: unknown) => void;

/**
 * Electronic supervision: three rules look at the trail and raise alerts for
 * supervisors —
 * - BULK_READ: a department read more distinct persons in the window than a counter ever would;
 * - REPEATED_DENIALS: a department keeps trying fields it may not read;
 * - OUT_OF_HOURS: data read under a grant whose scenario is counter service (WINDOW_SERVICE)
 *   outside service hours.
 * One open alert per rule and department at a time.
 *
 * The rules run off the response path: {@link observe} only notes which
 * departments have new audit records, and an evaluation follows as soon as the
 * previous one is over and at most once per `minIntervalMs`. Counting a
 * department's window on every request used to cost more than the request
 * itself once the trail held tens of thousands of records, and an alert a
 * second later is just as useful to a supervisor.
 */
export class AlertRules {
  private readonly pending = new Map<string, Pending>();
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastRun = 0;
  private em: EntityManager | undefined;
  private log: AlertLog = () => undefined;

  constructor(private readonly thresholds: AlertThresholds = DEFAULT_THRESHOLDS) {}

  /** Notes freshly committed audit entries; the rules look at them shortly after. Never throws, never waits. */
  observe(em: EntityManager, entries: readonly AuditEntry[], log?: AlertLog): void {
    this.em = em;
    if (log) this.log = log;
    for (const e of entries) {
      if (!e.department) continue;
      let p = this.pending.get(e.department);
      if (!p) {
        p = { grantIds: new Set(), at: e.at };
        this.pending.set(e.department, p);
      }
      if (e.at > p.at) p.at = e.at;
      if (e.outcome === 'READ') for (const g of e.grantIds) p.grantIds.add(g);
    }
    this.schedule();
  }

  /** Runs whatever is pending now and resolves when no evaluation is left (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.pending.size > 0) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      this.running ??= this.runPending();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.running || this.timer || this.pending.size === 0) return;
    const wait = Math.max(0, this.lastRun + this.thresholds.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.runPending();
    }, wait);
    // An alert check must never keep a process alive on its own.
    this.timer.unref();
  }

  private async runPending(): Promise<void> {
    this.lastRun = Date.now();
    const batch = [...this.pending];
    this.pending.clear();
    try {
      for (const [department, p] of batch) {
        await this.evaluateDepartment(this.em!.fork(), department, [...p.grantIds], p.at).catch(this.log);
      }
    } finally {
      this.running = undefined;
      this.schedule();
    }
  }

  /**
   * Evaluates the three rules for one department as of `now`; `grantIds` are
   * the grants read under since the last evaluation. Returns the rules raised.
   */
  async evaluateDepartment(em: EntityManager, department: string, grantIds: readonly string[], now: Date): Promise<string[]> {
    const raised: string[] = [];
    const since = new Date(now.getTime() - this.thresholds.windowMinutes * 60_000).toISOString();
    const connection = em.getConnection();
    const [counts] = await connection.execute<Array<{ persons: number; denied: number }>>(
      `select count(distinct subject) filter (where subject_kind = 'PERSON' and outcome = 'READ')::int as persons,
              count(*) filter (where outcome = 'DENIED')::int as denied
       from sharing.audit_record where department = ? and at >= ?`, [department, since],
    );
    if ((counts?.persons ?? 0) > this.thresholds.bulkReadPersons) {
      if (await this.raise(em, 'BULK_READ', department, { persons: counts!.persons, windowMinutes: this.thresholds.windowMinutes, threshold: this.thresholds.bulkReadPersons }, now)) raised.push('BULK_READ');
    }
    if ((counts?.denied ?? 0) >= this.thresholds.deniedAttempts) {
      if (await this.raise(em, 'REPEATED_DENIALS', department, { denied: counts!.denied, windowMinutes: this.thresholds.windowMinutes, threshold: this.thresholds.deniedAttempts }, now)) raised.push('REPEATED_DENIALS');
    }
    const hour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
    const [from, to] = this.thresholds.serviceHours;
    if ((hour < from || hour >= to) && grantIds.length) {
      const windowGrants = await connection.execute<Array<{ id: string }>>(
        `select id from sharing."grant" where id::text in (${grantIds.map(() => '?').join(',')}) and scenario = 'WINDOW_SERVICE'`, [...grantIds],
      );
      if (windowGrants.length && (await this.raise(em, 'OUT_OF_HOURS', department, { grantIds: windowGrants.map((g) => g.id), hourChinaTime: hour }, now))) raised.push('OUT_OF_HOURS');
    }
    return raised;
  }

  private async raise(em: EntityManager, rule: string, department: string, details: Record<string, unknown>, now: Date): Promise<boolean> {
    const connection = em.getConnection();
    const open = await connection.execute<Array<{ n: number }>>(
      'select count(*)::int as n from sharing.alert where rule = ? and department = ? and acknowledged_at is null', [rule, department],
    );
    if (open[0]?.n) return false;
    await connection.execute('insert into sharing.alert (id, rule, department, details, raised_at) values (?, ?, ?, ?::jsonb, ?)', [randomUUID(), rule, department, JSON.stringify(details), now.toISOString()]);
    return true;
  }
}
