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
}

/** Defaults: generous for real systems, tight enough to catch a scraper. */
export const DEFAULT_THRESHOLDS: AlertThresholds = { bulkReadPersons: 500, deniedAttempts: 20, windowMinutes: 10, serviceHours: [8, 18] };

/**
 * Electronic supervision: after each audited request, three rules look at the
 * trail and raise alerts for supervisors —
 * - BULK_READ: a department read more distinct persons in the window than a counter ever would;
 * - REPEATED_DENIALS: a department keeps trying fields it may not read;
 * - OUT_OF_HOURS: data read under a grant whose scenario is counter service (WINDOW_SERVICE)
 *   outside service hours.
 * One open alert per rule and department at a time.
 */
export class AlertRules {
  constructor(private readonly thresholds: AlertThresholds = DEFAULT_THRESHOLDS) {}

  async evaluate(em: EntityManager, entries: readonly AuditEntry[], now: Date): Promise<string[]> {
    const departments = [...new Set(entries.map((e) => e.department).filter(Boolean))];
    const raised: string[] = [];
    const since = new Date(now.getTime() - this.thresholds.windowMinutes * 60_000).toISOString();
    const connection = em.getConnection();
    for (const department of departments) {
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
      if (hour < from || hour >= to) {
        const grantIds = [...new Set(entries.filter((e) => e.department === department && e.outcome === 'READ').flatMap((e) => e.grantIds))];
        if (grantIds.length) {
          const windowGrants = await connection.execute<Array<{ id: string }>>(
            `select id from sharing."grant" where id::text in (${grantIds.map(() => '?').join(',')}) and scenario = 'WINDOW_SERVICE'`, grantIds,
          );
          if (windowGrants.length && (await this.raise(em, 'OUT_OF_HOURS', department, { grantIds: windowGrants.map((g) => g.id), hourChinaTime: hour }, now))) raised.push('OUT_OF_HOURS');
        }
      }
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
