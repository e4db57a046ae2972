import { DEPARTMENTS, LICENSE_TYPES, type SeedLicenseType } from '../../seed/catalogue.js';

/** One information item as the default catalogue defines it. */
export interface CatalogItemDefinition {
  readonly id: string;
  readonly resource: 'Person' | 'LegalEntity' | 'License';
  readonly field: string;
  readonly label: string;
  /** Null on License items: the department that issued the licence provides it. */
  readonly providerCode: string | null;
  readonly sharingType: 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';
  readonly sharingCondition: string | null;
  readonly openAttribute: 'OPEN' | 'CONDITIONALLY_OPEN' | 'NOT_OPEN';
  readonly sensitivity: 'PUBLIC' | 'INTERNAL' | 'SENSITIVE' | 'HIGHLY_SENSITIVE';
  readonly updateCycle: 'REAL_TIME' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | 'ON_CHANGE';
  readonly personal: boolean;
  readonly maskKind: 'ID_NUMBER' | 'CREDIT_CODE' | 'PHONE' | 'NAME' | 'ADDRESS' | 'DATE' | 'TEXT' | null;
}

type Rule = Omit<CatalogItemDefinition, 'id' | 'resource' | 'field'>;

const PSB = DEPARTMENTS.bjPsb.code;
const MCA = DEPARTMENTS.mca.code;
const AMR = DEPARTMENTS.bjAmr.code;
const COND = '凭共享申请，经提供部门审核同意后共享，限申请所述用途与场景';

const u = (label: string, providerCode: string | null, more: Partial<Rule> = {}): Rule => ({
  label, providerCode, sharingType: 'UNCONDITIONAL', sharingCondition: null, openAttribute: 'NOT_OPEN', sensitivity: 'INTERNAL', updateCycle: 'ON_CHANGE', personal: false, maskKind: null, ...more,
});
const c = (label: string, providerCode: string | null, more: Partial<Rule> = {}): Rule => ({
  ...u(label, providerCode), sharingType: 'CONDITIONAL', sharingCondition: COND, sensitivity: 'SENSITIVE', personal: true, ...more,
});
const n = (label: string, providerCode: string | null, more: Partial<Rule> = {}): Rule => ({
  ...u(label, providerCode), sharingType: 'NOT_SHARED', sensitivity: 'HIGHLY_SENSITIVE', personal: true, ...more,
});

/**
 * The catalogue the hub ships with: every field of Person, LegalEntity and
 * License, and every data field of each licence type. Basic identity facts
 * that let a window confirm who it serves are shared unconditionally; contact,
 * address and family facts only on request; signed tokens and licence history
 * are not shared (the holder and the issuer see them). Enterprise registration
 * facts are public (国家企业信用信息公示), hence OPEN.
 */
export const BASE_CATALOGUE: Readonly<Record<'Person' | 'LegalEntity' | 'License', Readonly<Record<string, Rule>>>> = {
  Person: {
    idNumber: u('公民身份号码', PSB, { personal: true, maskKind: 'ID_NUMBER' }),
    name: c('姓名', PSB, { maskKind: 'NAME' }),
    gender: u('性别', PSB, { personal: true }),
    birthDate: u('出生日期', PSB, { personal: true, maskKind: 'DATE' }),
    ethnicity: c('民族', PSB, { maskKind: 'TEXT' }),
    nationality: u('国籍', PSB, { personal: true }),
    householdAddress: c('户籍地址', PSB, { maskKind: 'ADDRESS' }),
    residenceAddress: c('居住地址', PSB, { maskKind: 'ADDRESS', updateCycle: 'REAL_TIME' }),
    phone: c('联系电话', PSB, { maskKind: 'PHONE', updateCycle: 'REAL_TIME' }),
    maritalStatus: c('婚姻状况', MCA),
    lifeStatus: u('生存状态', PSB, { personal: true, updateCycle: 'DAILY' }),
    provenance: u('数据来源', PSB),
    licenses: u('持有证照', null, { personal: true }),
    representedEntities: u('担任法定代表人的主体', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
  },
  LegalEntity: {
    creditCode: u('统一社会信用代码', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    name: u('名称', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    registrationAuthority: u('登记管理部门', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    organisationType: u('机构类别', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    divisionCode: u('登记管理机关行政区划', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    legalRepresentative: c('法定代表人', AMR, { sensitivity: 'INTERNAL' }),
    registeredCapital: u('注册资本', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    establishedOn: u('成立日期', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    address: u('住所', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    businessScope: u('经营范围', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC' }),
    status: u('登记状态', AMR, { openAttribute: 'OPEN', sensitivity: 'PUBLIC', updateCycle: 'DAILY' }),
    provenance: u('数据来源', AMR),
    licenses: u('持有证照', null),
  },
  License: {
    licenseId: u('证照标识', null),
    type: u('证照类型', null),
    licenseNumber: u('证照编号', null),
    holderKind: u('持证主体类型', null),
    holder: c('持证主体', null),
    holderIdentifier: c('持证主体代码', null, { maskKind: 'ID_NUMBER' }),
    holderName: c('持证主体名称', null, { maskKind: 'NAME' }),
    issuingDepartment: u('颁证单位', null),
    issuedOn: u('颁证日期', null),
    validFrom: u('有效期起始', null),
    validUntil: u('有效期截止', null),
    jurisdictionCode: u('颁证单位行政区划', null),
    status: u('证照状态', null, { updateCycle: 'REAL_TIME' }),
    version: u('证照版本', null),
    supersedes: u('被替代证照', null),
    updatedAt: u('更新时间', null),
    provenance: u('数据来源', null),
    token: n('电子证照签名文件', null),
    qrToken: n('证照二维码', null),
    history: n('证照变更记录', null, { personal: false, sensitivity: 'INTERNAL' }),
  },
};

/** Items of one licence type's own data fields: `License.data.<type code>.<field>`. */
export function licenseTypeItems(type: Pick<SeedLicenseType, 'code' | 'name' | 'holderKind' | 'dataFields'>): CatalogItemDefinition[] {
  return type.dataFields.map((f) => ({
    id: `License.data.${type.code}.${f.name}`,
    resource: 'License',
    field: `data.${type.code}.${f.name}`,
    label: `${type.name}·${f.label}`,
    providerCode: null,
    sharingType: 'CONDITIONAL',
    sharingCondition: COND,
    openAttribute: 'NOT_OPEN',
    sensitivity: 'SENSITIVE',
    updateCycle: 'ON_CHANGE',
    personal: type.holderKind === 'PERSON',
    maskKind: f.type === 'ID_NUMBER' ? 'ID_NUMBER' : f.type === 'DATE' ? 'DATE' : f.type === 'STRING' ? 'TEXT' : null,
  }));
}

/** The whole default catalogue, for the demo licence types. */
export function defaultCatalogue(types: ReadonlyArray<Pick<SeedLicenseType, 'code' | 'name' | 'holderKind' | 'dataFields'>> = Object.values(LICENSE_TYPES)): CatalogItemDefinition[] {
  const base = Object.entries(BASE_CATALOGUE).flatMap(([resource, fields]) =>
    Object.entries(fields).map(([field, rule]) => ({ id: `${resource}.${field}`, resource: resource as CatalogItemDefinition['resource'], field, ...rule })),
  );
  return [...base, ...types.flatMap(licenseTypeItems)];
}
