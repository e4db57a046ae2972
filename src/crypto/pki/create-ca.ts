/**
 * Root and subordinate certificate authorities for OneWindow's PKI.
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

export type { IssuedCertificate, IssuerMaterial, KeyPairInput, UnsafeCertificateOptions } from './build-certificate.js';

/** Options of {@link createCertificateAuthority}. */
export interface CreateCaOptions {
  /** Subject CN, e.g. `OneWindow Hub Root CA`. */
  readonly commonName: string;
  /** Subject O, e.g. `福建省大数据管理局`. */
  readonly organization: string;
  /** Subject C; default `CN`. */
  readonly country?: string;
  /** Default: now. */
  readonly notBefore?: Date;
  /** Default: `notBefore` + 10 years. */
  readonly notAfter?: Date;
  /** basicConstraints pathLenConstraint; default 1 (root → department issuing CA → end entity at most). */
  readonly pathLength?: number;
  /** RSA modulus for a generated key; default 3072. Ignored when `keyPair` is given. */
  readonly modulusLength?: number;
  /** Certify this existing RSA key pair instead of generating one. */
  readonly keyPair?: KeyPairInput;
  /** Absent: a self-signed root. Present: a subordinate CA signed by this issuer (with authorityKeyIdentifier). */
  readonly issuer?: IssuerMaterial;
  /** Deliberately broken output, for verifier tests only. */
  readonly unsafe?: UnsafeCertificateOptions;
}

/**
 * Creates a CA certificate: basicConstraints `CA:true, pathLen` (critical),
 * keyUsage `keyCertSign, cRLSign` (critical), subjectKeyIdentifier, a random
 * positive 16-byte serial, subject `CN, O, C`, SHA-256 with RSA.
 *
 * Limitations: RSA keys only (node-forge cannot certify EC keys); the private
 * key is returned as unencrypted PKCS#8 PEM, so store it as a secret file and
 * reference it by path.
 *
 * @throws {CertificateError} `INVALID_OPTION` for bad names, dates, or an issuer key that does not match its certificate.
 * @example
 * const root = createCertificateAuthority({ commonName: 'OneWindow Hub Root CA', organization: 'OneWindow' });
 * writeFileSync('certs/hub-root.pem', root.certificatePem);
 * writeFileSync('certs/hub-root.key', root.privateKeyPem, { mode: 0o600 });
 */
export function createCertificateAuthority(options: CreateCaOptions): IssuedCertificate {
  if (!options.commonName.trim()) throw CertificateError.invalidOption('commonName', 'is required');
  if (!options.organization.trim()) throw CertificateError.invalidOption('organization', 'is required');
  const pathLength = options.pathLength ?? 1;
  if (!Number.isInteger(pathLength) || pathLength < 0 || pathLength > 8) throw CertificateError.invalidOption('pathLength', 'must be an integer 0…8');
  const notBefore = options.notBefore ?? new Date();
  return buildCertificate({
    subject: [
      { oid: NAME_OID.country, value: options.country ?? 'CN', printable: true },
      { oid: NAME_OID.organization, value: options.organization },
      { oid: NAME_OID.commonName, value: options.commonName },
    ],
    subjectKey: resolveKeyPair(options.keyPair, options.modulusLength ?? 3072, options.unsafe),
    ...(options.issuer ? { issuer: options.issuer } : {}),
    notBefore,
    notAfter: options.notAfter ?? addYears(notBefore, 10),
    isCA: true,
    pathLength,
    keyUsage: { keyCertSign: true, cRLSign: true },
    ...(options.unsafe ? { unsafe: options.unsafe } : {}),
  });
}
