import { randomUUID } from 'node:crypto';
import { decide, type Caller, type Decision, type PolicyItem } from '../../access/policy/decide.js';
import { addWorkingDays, REQUEST_WORKING_DAYS } from '../../access/requests/due-date.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import { bumpPolicyRevision } from './catalog.service.js';
import { CatalogItemEntity } from './catalog-item.entity.js';
import { GrantEntity, SharingRequestEntity, type Grant, type SharingRequest } from './grant.entity.js';

const PURPOSE = /^[A-Z][A-Z0-9_]{2,63}$/;

function text(value: string, field: string, min = 2, max = 2000): string {
  const t = value.trim();
  if (t.length < min || t.length > max) throw new ValidationError(`${field}: ${min}–${max} characters`, { field, reason: 'LENGTH' });
  return t;
}

/**
 * Conditional sharing as a workflow: a consumer requests items with purpose,
 * legal basis and scenario; the provider (or an administrator) approves with a
 * level and an expiry, or refuses with reasons; grants can be revoked. Every
 * change moves the policy revision, so enforcement everywhere sees it within a second.
 */
export class SharingService {
  constructor(private readonly ctx: SubgraphContext) {}

  private department(): string {
    const d = this.ctx.principal.department;
    if (!d || this.ctx.principal.role === 'CITIZEN') throw new ForbiddenError('Only a department may request or grant data', { reason: 'ROLE' });
    return d;
  }

  private isAdmin(): boolean {
    return this.ctx.principal.role === 'ADMIN';
  }

  /** @throws ValidationError (items not conditional, not from that provider, purpose format), ForbiddenError */
  async request(input: { provider: string; items: readonly string[]; purpose: string; legalBasis: string; scenario: string }): Promise<SharingRequest> {
    const consumer = this.department();
    if (consumer === input.provider) throw new ValidationError('input.provider: a department does not request its own data', { field: 'input.provider', reason: 'OWN_DATA' });
    if (!PURPOSE.test(input.purpose)) throw new ValidationError('input.purpose: an upper-case purpose code such as TAX_REGISTRATION', { field: 'input.purpose', reason: 'FORMAT' });
    const wanted = [...new Set(input.items)];
    if (wanted.length === 0 || wanted.length > 200) throw new ValidationError('input.items: between 1 and 200 catalogue items', { field: 'input.items', reason: 'LENGTH' });
    const items = await this.ctx.em.find(CatalogItemEntity, { id: { $in: wanted } });
    for (const id of wanted) {
      const item = items.find((i) => i.id === id);
      if (!item) throw new ValidationError(`input.items: ${id} is not in the catalogue`, { field: 'input.items', reason: 'NOT_IN_CATALOGUE' });
      if (item.sharingType !== 'CONDITIONAL') {
        throw new ValidationError(`input.items: ${id} is ${item.sharingType}; only conditional items are requested`, { field: 'input.items', reason: item.sharingType });
      }
      if (item.providerCode !== null && item.providerCode !== input.provider) {
        throw new ValidationError(`input.items: ${id} is provided by ${item.providerCode}, not ${input.provider}`, { field: 'input.items', reason: 'OTHER_PROVIDER' });
      }
    }
    const request = this.ctx.em.create(SharingRequestEntity, {
      id: randomUUID(), consumerCode: consumer, providerCode: input.provider, items: wanted, purpose: input.purpose,
      legalBasis: text(input.legalBasis, 'input.legalBasis'), scenario: text(input.scenario, 'input.scenario', 2, 100), status: 'PENDING',
      requestedBy: this.ctx.principal.subject, requestedAt: this.ctx.now, dueAt: addWorkingDays(this.ctx.now, REQUEST_WORKING_DAYS),
      decidedBy: null, decidedAt: null, refusalReason: null, grantId: null,
    });
    await this.ctx.em.flush();
    return request;
  }

  private async pendingForDecision(id: string): Promise<SharingRequest> {
    const request = await this.ctx.em.findOne(SharingRequestEntity, { id });
    const mine = request && (this.isAdmin() || request.providerCode === this.ctx.principal.department);
    if (!request || !mine) throw NotFoundError.of('Sharing request', id, 'id');
    if (request.status !== 'PENDING') throw new ConflictError('CONFLICT', `The request is already ${request.status}`, { field: 'id', reason: 'NOT_PENDING' });
    return request;
  }

  async approve(input: { id: string; accessLevel: 'FULL' | 'MASKED'; expiresAt: Date }): Promise<SharingRequest> {
    this.department();
    const request = await this.pendingForDecision(input.id);
    if (input.expiresAt.getTime() <= this.ctx.now.getTime()) throw new ValidationError('input.expiresAt: must be in the future', { field: 'input.expiresAt', reason: 'RANGE' });
    return this.ctx.em.transactional(async (em) => {
      const grant = em.create(GrantEntity, {
        id: randomUUID(), consumerCode: request.consumerCode, providerCode: request.providerCode, items: request.items, purpose: request.purpose,
        legalBasis: request.legalBasis, scenario: request.scenario, accessLevel: input.accessLevel, expiresAt: input.expiresAt, revokedAt: null,
        revokedBy: null, revokeReason: null, grantedBy: this.ctx.principal.subject, grantedAt: this.ctx.now, requestId: request.id,
      });
      request.status = 'APPROVED';
      request.decidedBy = this.ctx.principal.subject;
      request.decidedAt = this.ctx.now;
      request.grantId = grant.id;
      await bumpPolicyRevision({ ...this.ctx, em });
      return request;
    });
  }

  async refuse(id: string, reason: string): Promise<SharingRequest> {
    this.department();
    const request = await this.pendingForDecision(id);
    request.status = 'REFUSED';
    request.refusalReason = text(reason, 'reason', 2, 2000);
    request.decidedBy = this.ctx.principal.subject;
    request.decidedAt = this.ctx.now;
    await this.ctx.em.flush();
    return request;
  }

  async revoke(id: string, reason: string): Promise<Grant> {
    this.department();
    const grant = await this.ctx.em.findOne(GrantEntity, { id });
    if (!grant || !(this.isAdmin() || grant.providerCode === this.ctx.principal.department)) throw NotFoundError.of('Grant', id, 'id');
    if (grant.revokedAt) throw new ConflictError('CONFLICT', 'The grant is already revoked', { field: 'id', reason: 'ALREADY_REVOKED' });
    return this.ctx.em.transactional(async (em) => {
      grant.revokedAt = this.ctx.now;
      grant.revokedBy = this.ctx.principal.subject;
      grant.revokeReason = text(reason, 'reason', 2, 2000);
      await bumpPolicyRevision({ ...this.ctx, em });
      return grant;
    });
  }

  /** Requests the caller may see: made by or addressed to its department (administrators: all). */
  requests(status?: string | null): Promise<SharingRequest[]> {
    const where: Record<string, unknown> = this.isAdmin() ? {} : { $or: [{ consumerCode: this.department() }, { providerCode: this.department() }] };
    if (status) where.status = status;
    return this.ctx.em.find(SharingRequestEntity, where, { orderBy: { requestedAt: 'desc' } });
  }

  /** Grants to or from the caller's department (administrators: all). */
  async grants(activeOnly?: boolean | null): Promise<Grant[]> {
    const where: Record<string, unknown> = this.isAdmin() ? {} : { $or: [{ consumerCode: this.department() }, { providerCode: this.department() }] };
    const rows = await this.ctx.em.find(GrantEntity, where, { orderBy: { grantedAt: 'desc' } });
    return activeOnly ? rows.filter((g) => this.active(g)) : rows;
  }

  active(grant: Grant): boolean {
    return grant.revokedAt === null && grant.expiresAt.getTime() > this.ctx.now.getTime();
  }

  /** The dry run: per item, may the caller read it (for this purpose), and why. Reads no data. */
  async accessCheck(itemIds: readonly string[], purpose: string | null | undefined): Promise<Array<{ item: string; decision: Decision }>> {
    if (itemIds.length > 500) throw new ValidationError('items: at most 500', { field: 'items', reason: 'TOO_MANY' });
    const items = new Map((await this.ctx.em.find(CatalogItemEntity, { id: { $in: [...itemIds] } })).map((i) => [i.id, i]));
    const p = this.ctx.principal;
    const grants = p.department ? await this.ctx.em.find(GrantEntity, { consumerCode: p.department }) : [];
    const caller: Caller = { role: p.role, department: p.department, subject: p.subject, purpose: purpose ?? p.purpose };
    return itemIds.map((id) => ({ item: id, decision: decide(caller, items.get(id) as PolicyItem | undefined, {}, grants, this.ctx.now) }));
  }
}
