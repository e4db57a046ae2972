/**
 * A throwaway PKI and licence data for the licensing tests (test support
 * only; never imported by production code). Build it once per test file in
 * `beforeAll`: it generates seven RSA-2048 keys.
 */
import { formatLicenseId } from '../../domain/identifiers/license-id.js';
import {
  createDepartmentCertificate,
  createJwsSigner,
  signStatusList,
  TrustStore,
  type IssuedCertificate,
  type JwsSigner,
} from '../../crypto/index.js';
import { DEPT_CODE, makeTestPki, uscc, type TestPki } from '../../crypto/testing/test-pki.js';
import { authorityFromGrants } from '../issuer-authority.js';
import type { LicenseClaims, StatusRef } from '../license-claims.js';
import type { IssuerAuthority, StatusAnswer, StatusResolver } from '../verification.js';

export { DEPT_CODE } from '../../crypto/testing/test-pki.js';

const DAY = 24 * 3600 * 1000;

/** The defining ministry (synthetic credit code) and its licence types. */
export const MINISTRY_CODE = '11100000MB0000000P';
export const TYPE_CODE = `${MINISTRY_CODE}001`;
export const OTHER_TYPE_CODE = `${MINISTRY_CODE}002`;
/** A department with a valid certificate under the hub root that may issue no licence type. */
export const UNAUTHORISED_DEPT_CODE = uscc('11350100MB0000009');
/** A citizen ID number whose check character is X (GB 11643 worked example). */
export const PERSON_ID = '11010519491231002X';
export const ENTITY_ID = '91350100M000100Y43';
export const STATUS_URI = `https://hub.fj.example.gov.cn/status-lists/${DEPT_CODE}`;

/** What {@link makeLicensingPki} builds on top of the crypto fixture. */
export interface LicensingPki extends TestPki {
  /** Same department, certificate expired yesterday. */
  readonly expiredSigner: JwsSigner;
  /** Same department, certificate valid from tomorrow. */
  readonly futureSigner: JwsSigner;
  readonly unauthorised: IssuedCertificate;
  readonly unauthorisedSigner: JwsSigner;
  /** DEPT_CODE may issue TYPE_CODE; UNAUTHORISED_DEPT_CODE nothing. */
  readonly authority: IssuerAuthority;
  /** A fresh store trusting the hub root and vouching for the department certificate (so kid-only QR tokens verify). */
  trustWithVouched(): TrustStore;
}

export function makeLicensingPki(): LicensingPki {
  const pki = makeTestPki(2);
  const [key0, key1] = pki.keys;
  const expired = createDepartmentCertificate({
    issuer: pki.root, departmentCode: DEPT_CODE, departmentName: '测试市市场监督管理局', keyPair: key0,
    notBefore: new Date(pki.now.getTime() - 400 * DAY), notAfter: new Date(pki.now.getTime() - DAY),
  });
  const future = createDepartmentCertificate({
    issuer: pki.root, departmentCode: DEPT_CODE, departmentName: '测试市市场监督管理局', keyPair: key0,
    notBefore: new Date(pki.now.getTime() + DAY),
  });
  const unauthorised = createDepartmentCertificate({
    issuer: pki.root, departmentCode: UNAUTHORISED_DEPT_CODE, departmentName: '测试市民政局', keyPair: key1,
    notBefore: new Date(pki.now.getTime() - DAY),
  });
  return {
    ...pki,
    expiredSigner: createJwsSigner(expired.privateKey, [expired.certificate, pki.root.certificate]),
    futureSigner: createJwsSigner(future.privateKey, [future.certificate, pki.root.certificate]),
    unauthorised,
    unauthorisedSigner: createJwsSigner(unauthorised.privateKey, [unauthorised.certificate, pki.root.certificate]),
    authority: authorityFromGrants({ [DEPT_CODE]: [TYPE_CODE] }),
    trustWithVouched: () =>
      new TrustStore()
        .addRoot(pki.root.certificate)
        .addCertificate(pki.dept.certificate, { departmentCode: DEPT_CODE, licenseTypes: [TYPE_CODE] }),
  };
}

/** `YYYY-MM-DD` in China, `days` from `now`. */
export function chinaDate(now: Date, days = 0): string {
  return new Date(now.getTime() + days * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Realistic claims for a food business licence of a person, valid from a year ago for five years. */
export function licenceClaims(now: Date, overrides: Partial<LicenseClaims> = {}, issuerCode = DEPT_CODE): LicenseClaims {
  const typeCode = overrides.typeCode ?? TYPE_CODE;
  const version = overrides.version ?? 1;
  return {
    licenseId: formatLicenseId({ typeCode, issuerCode, serial: '2025A000123', version }),
    typeCode,
    typeName: '食品经营许可证',
    licenseNumber: 'JY13501020012345',
    version,
    holder: { kind: 'PERSON', id: PERSON_ID, idType: '111', name: '欧阳娜娜' },
    issuer: { code: issuerCode, name: '测试市市场监督管理局' },
    definingAuthority: { code: typeCode.slice(0, 18), name: '国家市场监督管理总局' },
    issuedOn: chinaDate(now, -365),
    validFrom: chinaDate(now, -365),
    validUntil: chinaDate(now, 4 * 365),
    jurisdictionCode: '350102',
    data: { businessScope: '预包装食品销售（含冷藏冷冻食品）', premises: '福州市鼓楼区五四路100号' },
    ...overrides,
  };
}

export const STATUS_REF: StatusRef = { idx: 123_456, uri: STATUS_URI };

/** A resolver that answers `value` for every reference, from a list issued `ageSeconds` before `now`. */
export function fixedStatus(now: Date, value = 0, ageSeconds = 60, source: StatusAnswer['source'] = 'LIVE'): StatusResolver {
  return async () => ({ value, listIssuedAt: new Date(now.getTime() - ageSeconds * 1000), source });
}

/** A signed status list of `size` entries, all valid except `overrides`. */
export function statusListToken(
  signer: JwsSigner,
  options: { uri?: string; size?: number; bits?: 1 | 2; overrides?: Record<number, number>; issuedAt?: Date; ttlSeconds?: number; expiresAt?: Date } = {},
): string {
  const statuses = new Uint8Array(options.size ?? 200_000);
  for (const [idx, value] of Object.entries(options.overrides ?? {})) statuses[Number(idx)] = value;
  return signStatusList({
    uri: options.uri ?? STATUS_URI,
    statuses,
    bits: options.bits ?? 2,
    ...(options.issuedAt ? { issuedAt: options.issuedAt } : {}),
    ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  }, signer);
}
