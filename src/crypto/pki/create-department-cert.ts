/**
 * The issuing (signing) certificate of one department, signed by a CA.
 */
import { CertificateError } from '../errors.js';
import {
  addYears,
  buildCertificate,
  resolveKeyPair,
  type IssuedCertificate,
  type IssuerMaterial,
  type KeyPairInput,
  type UnsafeCertificateOptions,
} from './build-certificate.js';
import { NAME_OID } from './certificate.js';
import { isUnifiedSocialCreditCode } from './department-code.js';

export { departmentCodeOf, isUnifiedSocialCreditCode } from './department-code.js';

/** Options of {@link createDepartmentCertificate}. */
export interface CreateDepartmentCertOptions {
  /** The CA that signs (certificate and key PEM), e.g. the hub root. */
  readonly issuer: IssuerMaterial;
  /** The department's 18-character Unified Social Credit Code. */
  readonly departmentCode: string;
  /** Subject O: the department's registered name, e.g. `福州市市场监督管理局`. */
  readonly departmentName: string;
  /** Subject CN; default `<departmentName> e-licence signing`. */
  readonly commonName?: string;
  /** Subject C; default `CN`. */
  readonly country?: string;
  /** Default: now. */
  readonly notBefore?: Date;
  /** Default: `notBefore` + 2 years. */
  readonly notAfter?: Date;
  /** Add nonRepudiation to keyUsage; default true (the key signs licences, i.e. attestations). */
  readonly nonRepudiation?: boolean;
  /** extKeyUsage purpose OIDs; omitted when empty (the default). */
  readonly extendedKeyUsage?: readonly string[];
  /** Accept a USCC whose check character fails (pilot-era codes on an audited allow-list); default false. */
  readonly allowFailedCheckCharacter?: boolean;
  /** RSA modulus for a generated key; default 2048. Ignored when `keyPair` is given. */
  readonly modulusLength?: number;
  /** Certify this existing RSA key pair instead of generating one. */
  readonly keyPair?: KeyPairInput;
  /** Deliberately broken output, for verifier tests only. */
  readonly unsafe?: UnsafeCertificateOptions;
}

const OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/**
 * Creates a department signing certificate: basicConstraints `CA:false`
 * (critical), keyUsage `digitalSignature` (+ `nonRepudiation`) (critical),
 * optional extKeyUsage, subject/authority key identifiers, a random positive
 * 16-byte serial, and the subject
 * `C=CN, O=<department name>, OU=<USCC>, CN=<common name>, serialNumber=<USCC>`.
 * The USCC is read back with {@link departmentCodeOf}.
 *
 * Limitations: RSA keys only; no OCSP/CRL distribution points are written —
 * revocation of department certificates is by removal from the trust list.
 *
 * @throws {CertificateError} `INVALID_OPTION` for a malformed USCC, names, dates or OIDs.
 * @example
 * const dept = createDepartmentCertificate({
 *   issuer: hubRoot,                       // { certificatePem, privateKeyPem }
 *   departmentCode: '91350100M000100Y43',
 *   departmentName: '福州市市场监督管理局',
 * });
 * departmentCodeOf(dept.certificate); // '91350100M000100Y43'
 */
export function createDepartmentCertificate(options: CreateDepartmentCertOptions): IssuedCertificate {
  const code = options.departmentCode;
  if (!isUnifiedSocialCreditCode(code, { checkCharacter: options.allowFailedCheckCharacter !== true })) {
    throw CertificateError.invalidOption('departmentCode', 'is not a valid 18-character Unified Social Credit Code');
  }
  if (!options.departmentName.trim()) throw CertificateError.invalidOption('departmentName', 'is required');
  for (const oid of options.extendedKeyUsage ?? []) {
    if (!OID.test(oid)) throw CertificateError.invalidOption('extendedKeyUsage', `${oid} is not an OID`);
  }
  const notBefore = options.notBefore ?? new Date();
  return buildCertificate({
    subject: [
      { oid: NAME_OID.country, value: options.country ?? 'CN', printable: true },
      { oid: NAME_OID.organization, value: options.departmentName },
      { oid: NAME_OID.organizationalUnit, value: code, printable: true },
      { oid: NAME_OID.commonName, value: options.commonName ?? `${options.departmentName} e-licence signing` },
      { oid: NAME_OID.serialNumber, value: code, printable: true },
    ],
    subjectKey: resolveKeyPair(options.keyPair, options.modulusLength ?? 2048, options.unsafe),
    issuer: options.issuer,
    notBefore,
    notAfter: options.notAfter ?? addYears(notBefore, 2),
    isCA: false,
    keyUsage: { digitalSignature: true, ...(options.nonRepudiation === false ? {} : { nonRepudiation: true }) },
    ...(options.extendedKeyUsage ? { extendedKeyUsage: options.extendedKeyUsage } : {}),
    ...(options.unsafe ? { unsafe: options.unsafe } : {}),
  });
}
