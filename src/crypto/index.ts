/**
 * OneWindow's e-licence cryptography: X.509 PKI for departments, trust
 * stores and trust lists, PS256 JWS signing and hardened verification, and
 * IETF token status lists. Knows nothing of GraphQL or the database.
 *
 * @example
 * import { createJwsSigner, signLicenseJws, verifyLicenseJws, TrustStore, parseCertificate } from './crypto/index.js';
 * const trust = new TrustStore().addRoot(parseCertificate(rootPem));
 * const token = signLicenseJws(licence, createJwsSigner(keyPem, chainPem));
 * const result = verifyLicenseJws(token, { trust, expectedTyp: 'license+jwt' });
 */
export { CertificateError, ChainError, CryptoError, JwsError, StatusListError, TrustListError } from './errors.js';
export {
  Certificate,
  EXTENSION_OID,
  NAME_OID,
  parseCertificate,
  parseCertificateChain,
  type DistinguishedName,
  type ExtensionInfo,
  type KeyUsage,
  type NameAttribute,
} from './pki/certificate.js';
export {
  createCertificateAuthority,
  type CreateCaOptions,
  type IssuedCertificate,
  type IssuerMaterial,
  type KeyPairInput,
  type UnsafeCertificateOptions,
} from './pki/create-ca.js';
export { createDepartmentCertificate, type CreateDepartmentCertOptions } from './pki/create-department-cert.js';
export { departmentCodeOf, isUnifiedSocialCreditCode } from './pki/department-code.js';
export {
  TrustStore,
  type AddCertificateOptions,
  type AddRootOptions,
  type TrustEntry,
  type TrustedCertificate,
  type TrustedRoot,
} from './pki/trust-store.js';
export {
  assertChain,
  MAX_PATH_LENGTH,
  verifyChain,
  type ChainCheck,
  type ChainCheckName,
  type ChainFailure,
  type ChainResult,
  type ChainSuccess,
} from './pki/verify-chain.js';
export {
  importTrustList,
  signTrustList,
  TRUST_LIST_TYP,
  verifyTrustList,
  type TrustList,
  type TrustListCertificate,
  type TrustListCheck,
  type TrustListCheckName,
  type TrustListContent,
  type TrustListVerification,
  type VerifyTrustListOptions,
} from './pki/trust-list.js';
export { createJwsSigner, JWS_ALG, LICENSE_TYP, signJsonText, signLicenseJws, type JwsSigner, type SignJwsOptions } from './jws/sign-license.js';
export {
  assertLicenseJws,
  DEFAULT_MAX_BYTES,
  verifyLicenseJws,
  type JwsCheck,
  type JwsCheckName,
  type JwsFailure,
  type JwsHeader,
  type JwsSuccess,
  type JwsVerification,
  type VerifyJwsOptions,
} from './jws/verify-jws.js';
export {
  decodeStatusList,
  DEFAULT_MAX_STATUS_LIST_BYTES,
  encodeStatusList,
  packStatusList,
  readTokenStatus,
  signStatusList,
  STATUS_LIST_TYP,
  statusAt,
  TokenStatus,
  verifyStatusList,
  type StatusBits,
  type StatusList,
  type StatusListCheck,
  type StatusListCheckName,
  type StatusListInput,
  type StatusListVerification,
  type StatusReference,
  type TokenStatusResult,
  type VerifyStatusListOptions,
} from './jws/status-list.js';
