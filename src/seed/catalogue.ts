import { creditCodeCheckCharacter } from '../domain/identifiers/credit-code.js';
import type { DataFieldDefinition, HolderKind } from '../subgraphs/license/license-type.entity.js';

/**
 * The demo departments and licence types. Names are those of real Chinese
 * authorities; their credit codes are synthetic (valid check characters, made
 * up organisation identifiers), so nothing here claims to be a real code.
 */

/** A department of the demo registry. */
export interface SeedDepartment {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly divisionCode: string;
}

/** An organ's credit code: authority 1 (机构编制), type 1 (机关), a division and an organisation id. */
export function organCode(divisionCode: string, organisationId: string): string {
  const first17 = `11${divisionCode}${organisationId}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function department(key: string, name: string, divisionCode: string, organisationId: string): SeedDepartment {
  return { key, code: organCode(divisionCode, organisationId), name, divisionCode };
}

/** The demo departments, by key. */
export const DEPARTMENTS = {
  samr: department('samr', '国家市场监督管理总局', '100000', '00000000M'),
  mps: department('mps', '中华人民共和国公安部', '100000', '00000001P'),
  mca: department('mca', '中华人民共和国民政部', '100000', '00000002L'),
  bjAmr: department('bjAmr', '北京市市场监督管理局', '110000', '00000010A'),
  bjPsb: department('bjPsb', '北京市公安局', '110000', '00000011P'),
  bjTraffic: department('bjTraffic', '北京市公安局公安交通管理局', '110000', '00000012T'),
  bjChaoyangCivil: department('bjChaoyangCivil', '北京市朝阳区民政局', '110105', '00000013M'),
  bjTax: department('bjTax', '国家税务总局北京市税务局', '110000', '00000014X'),
  shAmr: department('shAmr', '上海市市场监督管理局', '310000', '00000020A'),
  shPsb: department('shPsb', '上海市公安局', '310000', '00000021P'),
  shTraffic: department('shTraffic', '上海市公安局交通警察总队', '310000', '00000022T'),
  shHuangpuCivil: department('shHuangpuCivil', '上海市黄浦区民政局', '310101', '00000023M'),
  szAmr: department('szAmr', '深圳市市场监督管理局', '440300', '00000030A'),
  fzAmr: department('fzAmr', '福州市市场监督管理局', '350100', '00000040A'),
} as const satisfies Record<string, SeedDepartment>;

/** A licence type of the demo catalogue. */
export interface SeedLicenseType {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly holderKind: HolderKind;
  readonly definingAuthority: SeedDepartment;
  readonly issuers: readonly SeedDepartment[];
  readonly dataFields: readonly DataFieldDefinition[];
  readonly validityYears: number | null;
}

const D = DEPARTMENTS;

/** The demo licence types, by key. */
export const LICENSE_TYPES = {
  businessLicense: {
    key: 'businessLicense',
    code: `${D.samr.code}001`,
    name: '营业执照',
    holderKind: 'ENTITY',
    definingAuthority: D.samr,
    issuers: [D.bjAmr, D.shAmr, D.szAmr, D.fzAmr],
    dataFields: [
      { name: 'enterpriseType', label: '类型', type: 'STRING', required: true, maxLength: 100 },
      { name: 'registeredCapital', label: '注册资本', type: 'DECIMAL', required: false },
      { name: 'businessScope', label: '经营范围', type: 'STRING', required: false, maxLength: 4000 },
    ],
    validityYears: null,
  },
  foodBusinessPermit: {
    key: 'foodBusinessPermit',
    code: `${D.samr.code}002`,
    name: '食品经营许可证',
    holderKind: 'ENTITY',
    definingAuthority: D.samr,
    issuers: [D.bjAmr, D.shAmr, D.szAmr, D.fzAmr],
    dataFields: [
      { name: 'businessItems', label: '经营项目', type: 'STRING', required: true, maxLength: 500 },
      { name: 'premises', label: '经营场所', type: 'STRING', required: true, maxLength: 300 },
      { name: 'mainBusiness', label: '主体业态', type: 'ENUM', required: true, values: ['食品销售经营者', '餐饮服务经营者', '单位食堂'] },
    ],
    validityYears: 5,
  },
  drivingLicense: {
    key: 'drivingLicense',
    code: `${D.mps.code}001`,
    name: '机动车驾驶证',
    holderKind: 'PERSON',
    definingAuthority: D.mps,
    issuers: [D.bjTraffic, D.shTraffic],
    dataFields: [
      { name: 'drivingClass', label: '准驾车型', type: 'ENUM', required: true, values: ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'C3', 'C4', 'C5', 'D', 'E', 'F', 'M', 'N', 'P'] },
      { name: 'firstIssueDate', label: '初次领证日期', type: 'DATE', required: true },
    ],
    validityYears: 6,
  },
  marriageCertificate: {
    key: 'marriageCertificate',
    code: `${D.mca.code}001`,
    name: '结婚证',
    holderKind: 'PERSON',
    definingAuthority: D.mca,
    issuers: [D.bjChaoyangCivil, D.shHuangpuCivil],
    dataFields: [
      { name: 'spouseIdNumber', label: '配偶身份证件号', type: 'ID_NUMBER', required: true },
      { name: 'spouseName', label: '配偶姓名', type: 'STRING', required: true, maxLength: 100 },
      { name: 'registrationDate', label: '登记日期', type: 'DATE', required: true },
    ],
    validityYears: null,
  },
} as const satisfies Record<string, SeedLicenseType>;
