import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { formatLicenseId } from '../../../domain/identifiers/license-id.js';
import { addYearsToDate, todayInChina } from '../../../domain/values.js';
import { stampProvenance } from '../../../domain/provenance/provenance.js';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../../../errors.js';
import {
  buildCopyPayload,
  buildLicensePayload,
  buildQrPayload,
  signLicenseToken,
  type LicenseClaims,
  type StatusRef,
} from '../../../licensing/license-token.js';
import type { Principal } from '../../../auth/principal.js';
import { IssuanceRecordEntity } from '../issuance-record.entity.js';
import { LicenseEventEntity, type LicenseEventKind } from '../license-event.entity.js';
import { LicenseTypeEntity, type LicenseType } from '../license-type.entity.js';
import { LicenseEntity, type License } from '../license.entity.js';
import { findHolder } from './holder-directory.js';
import { validateLicenseData } from './license-data.js';
import type { LicensingRuntime } from './licensing-runtime.js';

/** Input of {@link IssuanceService.issue}, already type-checked by GraphQL. */
export interface IssueInput {
  readonly idempotencyKey: string;
  readonly typeCode: string;
  readonly holderIdNumber?: string | null;
  readonly holderCreditCode?: string | null;
  readonly licenseNumber?: string | null;
  readonly validFrom?: string | null;
  readonly validUntil?: string | null;
  readonly data: unknown;
}

/** Input of {@link IssuanceService.reissue}. */
export interface ReissueInput {
  readonly idempotencyKey: string;
  readonly licenseId: string;
  readonly reason: string;
  readonly validUntil?: string | null;
  readonly data?: unknown;
}

/** Status changes an issuer may make, and what they lead to. */
const TRANSITIONS: Record<'SUSPEND' | 'REINSTATE' | 'REVOKE', { from: readonly string[]; to: License['status']; event: LicenseEventKind }> = {
  SUSPEND: { from: ['VALID'], to: 'SUSPENDED', event: 'SUSPENDED' },
  REINSTATE: { from: ['SUSPENDED'], to: 'VALID', event: 'REINSTATED' },
  REVOKE: { from: ['VALID', 'SUSPENDED'], to: 'REVOKED', event: 'REVOKED' },
};

const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;

/** The fields an issuer supplies on every licence it issues (their provenance). */
const LICENSE_FIELDS_SUPPLIED = ['licenseNumber', 'holderId', 'holderName', 'validFrom', 'validUntil', 'data'];

function requireReason(reason: string, field = 'reason'): string {
  const trimmed = reason.trim();
  if (trimmed.length < 2 || trimmed.length > 500) throw new ValidationError(`${field}: give a reason of 2–500 characters`, { field, reason: 'LENGTH' });
  return trimmed;
}

/**
 * Issues, reissues and changes the status of signed e-licences for one
 * request. Every write happens in one transaction with its history event and
 * its idempotency record, so a retry never issues twice and a failure leaves
 * nothing behind.
 */
export class IssuanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly runtime: LicensingRuntime,
    private readonly now: Date,
  ) {}

  private issuerCode(): string {
    const code = this.principal.department;
    if (!code || !['DEPARTMENT_SYSTEM', 'OPERATOR'].includes(this.principal.role)) {
      throw new ForbiddenError('Only a department system or operator of the issuing department may issue or change licences', { reason: 'ROLE' });
    }
    return code;
  }

  private signerFor(issuerCode: string) {
    if (!this.runtime.keyring) throw new UnavailableError('E-licence signing is not set up on this hub: run `onewindow certs init`');
    const key = this.runtime.keyring.departments.get(issuerCode);
    if (!key) throw new ForbiddenError(`Department ${issuerCode} has no issuing certificate on this hub`, { reason: 'NO_SIGNING_CERTIFICATE' });
    return key.signer;
  }

  private async departmentName(em: EntityManager, code: string): Promise<string> {
    const rows = await em.getConnection().execute<Array<{ name: string }>>('select name from sharing.department where code = ?', [code], 'all', em.getTransactionContext());
    return rows[0]?.name ?? code;
  }

  private async loadType(em: EntityManager, code: string, field: string): Promise<LicenseType> {
    const type = await em.findOne(LicenseTypeEntity, { code });
    if (!type) throw NotFoundError.of('Licence type', code, field);
    return type;
  }

  /** The metadata a licence is signed with (GB/T 36903 catalogue fields). */
  async claimsOf(em: EntityManager, license: License, type: LicenseType): Promise<LicenseClaims> {
    return {
      licenseId: license.licenseId,
      typeCode: type.code,
      typeName: type.name,
      licenseNumber: license.licenseNumber,
      version: license.edition,
      holder: { kind: license.holderKind, id: license.holderId, idType: license.holderKind === 'PERSON' ? '111' : '001', name: license.holderName },
      issuer: { code: license.issuerCode, name: await this.departmentName(em, license.issuerCode) },
      definingAuthority: { code: type.definingAuthorityCode, name: type.definingAuthorityName },
      issuedOn: license.issuedOn,
      validFrom: license.validFrom,
      validUntil: license.validUntil ?? null,
      jurisdictionCode: license.jurisdictionCode,
      data: license.data,
    };
  }

  private statusRef(license: License): StatusRef {
    return { idx: license.statusListIndex!, uri: this.runtime.statusLists.uriOf(license.issuerCode) };
  }

  private event(em: EntityManager, licenseId: string, kind: LicenseEventKind, reason: string | null, related: string | null = null): void {
    em.persist(em.create(LicenseEventEntity, {
      id: randomUUID(), licenseId, kind, actorDepartment: this.principal.department!, actorSubject: this.principal.subject, reason, relatedLicenseId: related, at: this.now,
    }));
  }

  private requestHash(input: object): string {
    return createHash('sha256').update(JSON.stringify(input)).digest('hex');
  }

  /** A retry of a request already carried out returns its licence; a different request under the same key is refused. */
  private async replay(issuerCode: string, key: string, hash: string): Promise<License | undefined> {
    const record = await this.em.findOne(IssuanceRecordEntity, { issuerCode, idempotencyKey: key });
    if (!record) return undefined;
    if (record.requestHash !== hash) {
      throw new ConflictError('CONFLICT', `Idempotency key ${key} was already used for a different request`, { field: 'input.idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
    }
    return (await this.em.findOne(LicenseEntity, { licenseId: record.licenseId }))!;
  }

  private checkKey(key: string): void {
    if (!IDEMPOTENCY_KEY.test(key)) throw new ValidationError('input.idempotencyKey: 8–128 characters of letters, digits, ".", ":", "_" or "-"', { field: 'input.idempotencyKey', reason: 'FORMAT' });
  }

  /**
   * Issues a signed licence of a type this department may issue, to a holder the directory knows.
   * @throws ForbiddenError (not an issuer of the type), NotFoundError (type or holder), ValidationError (data), ConflictError (key reused)
   */
  async issue(input: IssueInput): Promise<License> {
    const issuerCode = this.issuerCode();
    this.checkKey(input.idempotencyKey);
    const hash = this.requestHash({ op: 'issue', ...input });
    const replayed = await this.replay(issuerCode, input.idempotencyKey, hash);
    if (replayed) return replayed;

    const type = await this.loadType(this.em, input.typeCode, 'input.typeCode');
    if (!type.issuingDepartments.includes(issuerCode)) {
      throw new ForbiddenError(`Department ${issuerCode} may not issue ${type.name} (${type.code})`, { field: 'input.typeCode', reason: 'NOT_AN_ISSUER' });
    }
    if (!!input.holderIdNumber === !!input.holderCreditCode) {
      throw new ValidationError('Give exactly one of input.holderIdNumber or input.holderCreditCode', { field: 'input.holderIdNumber', reason: 'ONE_OF' });
    }
    const holderKind = input.holderIdNumber ? 'PERSON' : 'ENTITY';
    const holderField = input.holderIdNumber ? 'input.holderIdNumber' : 'input.holderCreditCode';
    if (holderKind !== type.holderKind) {
      throw new ValidationError(`${holderField}: ${type.name} is held by ${type.holderKind === 'PERSON' ? 'a person (holderIdNumber)' : 'a legal entity (holderCreditCode)'}`, { field: holderField, reason: 'HOLDER_KIND' });
    }
    const holderId = (input.holderIdNumber ?? input.holderCreditCode)!;
    const holder = await findHolder(this.em, holderKind, holderId);
    if (!holder) throw NotFoundError.of(holderKind === 'PERSON' ? 'Person' : 'LegalEntity', holderId, holderField);
    if (!holder.active) throw new ValidationError(`${holderField}: the holder is ${holderKind === 'PERSON' ? 'deceased' : 'no longer active'}`, { field: holderField, reason: 'HOLDER_INACTIVE' });

    const data = validateLicenseData(type.dataFields, input.data);
    const today = todayInChina(this.now);
    const validFrom = input.validFrom ?? today;
    const validUntil = input.validUntil ?? (type.validityYears ? addYearsToDate(validFrom, type.validityYears) : null);
    if (validUntil && validUntil < validFrom) throw new ValidationError('input.validUntil: must not be before validFrom', { field: 'input.validUntil', reason: 'RANGE' });
    const signer = this.signerFor(issuerCode);

    try {
      return await this.em.transactional(async (em) => {
        const serialRows = await em.getConnection().execute<Array<{ serial: string }>>("select nextval('license.license_serial')::text as serial", [], 'all', em.getTransactionContext());
        const serial = serialRows[0]!.serial;
        const licenseId = formatLicenseId({ typeCode: type.code, issuerCode, serial, version: 1 });
        const license = em.create(LicenseEntity, {
          licenseId, type, licenseNumber: input.licenseNumber?.trim() || serial, holderKind, holderId, holderName: holder.name,
          issuerCode, serial, edition: 1, issuedOn: today, validFrom, validUntil, jurisdictionCode: await this.jurisdiction(em, issuerCode),
          status: 'VALID', data, supersedes: null, signedToken: null,
          statusListIndex: await this.runtime.statusLists.allocate(em, issuerCode),
          provenance: stampProvenance(null, LICENSE_FIELDS_SUPPLIED, issuerCode, this.now),
        });
        license.signedToken = signLicenseToken('LICENSE', buildLicensePayload(await this.claimsOf(em, license, type), this.statusRef(license), this.now), signer);
        this.event(em, licenseId, 'ISSUED', null);
        em.persist(em.create(IssuanceRecordEntity, { issuerCode, idempotencyKey: input.idempotencyKey, requestHash: hash, licenseId, createdAt: this.now }));
        return license;
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: answer with its licence.
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        const winner = await this.replay(issuerCode, input.idempotencyKey, hash);
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async jurisdiction(em: EntityManager, issuerCode: string): Promise<string> {
    const rows = await em.getConnection().execute<Array<{ division_code: string }>>('select division_code from sharing.department where code = ?', [issuerCode], 'all', em.getTransactionContext());
    return rows[0]?.division_code ?? issuerCode.slice(2, 8);
  }

  private async ownLicense(licenseId: string, field = 'licenseId'): Promise<License> {
    const issuerCode = this.issuerCode();
    const license = await this.em.findOne(LicenseEntity, { licenseId }, { populate: ['type'] });
    // Another department's licence reads the same as an unknown one: no hint of what exists.
    if (!license || license.issuerCode !== issuerCode) throw NotFoundError.of('Licence', licenseId, field);
    return license;
  }

  /**
   * Suspends, reinstates or revokes a licence, with a reason, as its issuer.
   * @throws NotFoundError (not this department's), ConflictError (transition not allowed)
   */
  async changeStatus(action: keyof typeof TRANSITIONS, licenseId: string, reason: string): Promise<License> {
    const why = requireReason(reason);
    const license = await this.ownLicense(licenseId);
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(license.status)) {
      throw new ConflictError('CONFLICT', `A ${license.status} licence cannot be ${rule.event.toLowerCase()}`, { field: 'licenseId', reason: 'INVALID_TRANSITION', status: license.status });
    }
    return this.em.transactional(async (em) => {
      license.status = rule.to;
      this.event(em, license.licenseId, rule.event, why);
      await this.runtime.statusLists.bump(em, license.issuerCode);
      return license;
    });
  }

  /**
   * Issues a new version of a licence (same serial, version + 1) and supersedes the old one.
   * @throws NotFoundError, ConflictError (already superseded or revoked, or key reused)
   */
  async reissue(input: ReissueInput): Promise<License> {
    const issuerCode = this.issuerCode();
    this.checkKey(input.idempotencyKey);
    const why = requireReason(input.reason, 'input.reason');
    const hash = this.requestHash({ op: 'reissue', ...input });
    const replayed = await this.replay(issuerCode, input.idempotencyKey, hash);
    if (replayed) return replayed;
    const old = await this.ownLicense(input.licenseId, 'input.licenseId');
    if (old.status === 'SUPERSEDED' || old.status === 'REVOKED') {
      throw new ConflictError('CONFLICT', `A ${old.status} licence cannot be reissued`, { field: 'input.licenseId', reason: 'INVALID_TRANSITION', status: old.status });
    }
    const type = old.type as LicenseType;
    const data = input.data === undefined || input.data === null ? old.data : validateLicenseData(type.dataFields, input.data);
    const validUntil = input.validUntil === undefined ? old.validUntil : input.validUntil;
    const today = todayInChina(this.now);
    if (validUntil && validUntil < today) throw new ValidationError('input.validUntil: must not be in the past', { field: 'input.validUntil', reason: 'RANGE' });
    const signer = this.signerFor(issuerCode);
    const holder = await findHolder(this.em, old.holderKind, old.holderId);
    return this.em.transactional(async (em) => {
      const edition = old.edition + 1;
      const licenseId = formatLicenseId({ typeCode: type.code, issuerCode, serial: old.serial, version: edition });
      const next = em.create(LicenseEntity, {
        licenseId, type, licenseNumber: old.licenseNumber, holderKind: old.holderKind, holderId: old.holderId, holderName: holder?.name ?? old.holderName,
        issuerCode, serial: old.serial, edition, issuedOn: today, validFrom: today, validUntil, jurisdictionCode: old.jurisdictionCode,
        status: 'VALID', data, supersedes: old.licenseId, signedToken: null, statusListIndex: await this.runtime.statusLists.allocate(em, issuerCode),
        provenance: stampProvenance(null, LICENSE_FIELDS_SUPPLIED, issuerCode, this.now),
      });
      next.signedToken = signLicenseToken('LICENSE', buildLicensePayload(await this.claimsOf(em, next, type), this.statusRef(next), this.now), signer);
      old.status = 'SUPERSEDED';
      this.event(em, next.licenseId, 'REISSUED', why, old.licenseId);
      this.event(em, old.licenseId, 'SUPERSEDED', why, next.licenseId);
      await this.runtime.statusLists.bump(em, issuerCode);
      em.persist(em.create(IssuanceRecordEntity, { issuerCode, idempotencyKey: input.idempotencyKey, requestHash: hash, licenseId, createdAt: this.now }));
      return next;
    });
  }

  /** The compact token a QR code carries (kid only, short claims). */
  async qrToken(license: License): Promise<string> {
    const type = license.type as LicenseType;
    const signer = this.signerFor(license.issuerCode);
    return signLicenseToken('QR', buildQrPayload(await this.claimsOf(this.em, license, type), this.statusRef(license), this.now), signer);
  }

  /**
   * Makes an annotated copy (加注件): a short-lived signed copy bound to one
   * purpose and one receiving department. The holder or the issuer may make one.
   */
  async annotate(license: License, input: { purpose: string; recipient: string; validMinutes: number }): Promise<{ token: string; expiresAt: Date }> {
    const purpose = requireReason(input.purpose, 'input.purpose');
    if (!Number.isInteger(input.validMinutes) || input.validMinutes < 1 || input.validMinutes > 7 * 24 * 60) {
      throw new ValidationError('input.validMinutes: between 1 minute and 7 days', { field: 'input.validMinutes', reason: 'RANGE' });
    }
    const isHolder = this.principal.role === 'CITIZEN' && this.principal.subject === license.holderId;
    const isIssuer = this.principal.department === license.issuerCode && this.principal.role !== 'CITIZEN';
    if (!isHolder && !isIssuer) throw NotFoundError.of('Licence', license.licenseId, 'input.licenseId');
    if (license.status !== 'VALID') throw new ConflictError('CONFLICT', `A ${license.status} licence cannot be copied`, { field: 'input.licenseId', reason: 'NOT_VALID' });
    const expiresAt = new Date(this.now.getTime() + input.validMinutes * 60_000);
    const type = license.type as LicenseType;
    const token = signLicenseToken('COPY', buildCopyPayload(await this.claimsOf(this.em, license, type), this.statusRef(license), {
      // A holder has no department: the copy is then vouched for by the issuing department that signs it.
      purpose, recipient: input.recipient, madeBy: { department: this.principal.department ?? license.issuerCode, subject: this.principal.subject }, expiresAt,
    }, this.now), this.signerFor(license.issuerCode));
    return { token, expiresAt };
  }
}
