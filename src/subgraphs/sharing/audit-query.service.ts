import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import { AlertEntity, AuditRecordEntity, type Alert, type AuditRecordRow } from './audit.entity.js';

const MAX_ROWS = 1_000;

/** The audit trail as citizens (their own access log) and supervisors (everything) read it. */
export class AuditQueryService {
  constructor(private readonly ctx: SubgraphContext) {}

  private supervisor(): void {
    if (this.ctx.principal.role !== 'SUPERVISOR') throw new ForbiddenError('Only a supervisor may read the audit trail and alerts', { reason: 'ROLE' });
  }

  /** Reads of the calling citizen's data, newest first. */
  async myAccessLog(from?: Date | null, to?: Date | null): Promise<AuditRecordRow[]> {
    if (this.ctx.principal.role !== 'CITIZEN') throw new ForbiddenError('The access log is for citizens about their own data', { reason: 'ROLE' });
    const where: Record<string, unknown> = { subject: this.ctx.principal.subject, subjectKind: 'PERSON', outcome: 'READ' };
    if (from || to) where.at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
    return this.ctx.em.find(AuditRecordEntity, where, { orderBy: { seq: 'desc' }, limit: MAX_ROWS });
  }

  async trail(filter: { department?: string | null; subject?: string | null; from?: Date | null; to?: Date | null; limit?: number | null }): Promise<AuditRecordRow[]> {
    this.supervisor();
    const limit = filter.limit ?? 100;
    if (limit < 1 || limit > MAX_ROWS) throw new ValidationError(`limit: between 1 and ${MAX_ROWS}`, { field: 'limit', reason: 'RANGE' });
    const where: Record<string, unknown> = {};
    if (filter.department) where.department = filter.department;
    if (filter.subject) where.subject = filter.subject.toUpperCase();
    if (filter.from || filter.to) where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
    return this.ctx.em.find(AuditRecordEntity, where, { orderBy: { seq: 'desc' }, limit });
  }

  async alerts(acknowledged?: boolean | null): Promise<Alert[]> {
    this.supervisor();
    const where = acknowledged === undefined || acknowledged === null ? {} : acknowledged ? { acknowledgedAt: { $ne: null } } : { acknowledgedAt: null };
    return this.ctx.em.find(AlertEntity, where, { orderBy: { raisedAt: 'desc' }, limit: MAX_ROWS });
  }

  async acknowledge(id: string): Promise<Alert> {
    this.supervisor();
    const alert = await this.ctx.em.findOne(AlertEntity, { id });
    if (!alert) throw NotFoundError.of('Alert', id, 'id');
    if (!alert.acknowledgedAt) {
      alert.acknowledgedAt = this.ctx.now;
      alert.acknowledgedBy = this.ctx.principal.subject;
      await this.ctx.em.flush();
    }
    return alert;
  }
}
