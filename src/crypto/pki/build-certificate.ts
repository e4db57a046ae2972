/**
 * Shared certificate-building steps for the CA and department factories
 * (internal to `pki/`). node-forge is used only to assemble and sign the
 * certificate; key pairs come from `node:crypto`.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { CertificateError } from '../errors.js';
import { Certificate } from './certificate.js';
import type { KeyUsage } from './x509-fields.js';

/** The issuing side of a certificate: its certificate and private key, both PEM. */
export interface IssuerMaterial {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** A freshly issued certificate with its key. */
export interface IssuedCertificate extends IssuerMaterial {
  readonly certificate: Certificate;
  readonly privateKey: KeyObject;
}

/** An existing RSA key pair to certify instead of generating one (tests reuse keys to save time). */
export interface KeyPairInput {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

/**
 * Switches for making deliberately broken certificates, for tests of the
 * verifier. Never set these in production code.
 */
export interface UnsafeCertificateOptions {
  /** Leave basicConstraints out entirely. */
  readonly omitBasicConstraints?: boolean;
  /** Write this cA flag instead of the profile's. */
  readonly isCA?: boolean;
  /** Write this pathLenConstraint (CA only); `null` omits it. */
  readonly pathLength?: number | null;
  /** Leave keyUsage out entirely. */
  readonly omitKeyUsage?: boolean;
  /** Write exactly these keyUsage bits instead of the profile's. */
  readonly keyUsage?: Partial<KeyUsage>;
  /** Sign with this key instead of the issuer's (the certificate then claims an issuer whose key did not sign it). */
  readonly signWith?: KeyObject;
  /** Add a critical extension with this unknown OID. */
  readonly unknownCriticalExtension?: string;
  /** Accept a `keyPair` shorter than 2048 bits. */
  readonly allowWeakKey?: boolean;
}

/** One subject attribute to write; `printable` selects PrintableString over UTF8String. */
export type NameAttributeInput = { readonly oid: string; readonly value: string; readonly printable?: boolean };

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** The given RSA key pair, or a newly generated one of `modulusLength` bits. */
export function resolveKeyPair(keyPair: KeyPairInput | undefined, modulusLength: number, unsafe?: UnsafeCertificateOptions): KeyPairInput {
  if (keyPair) {
    if (keyPair.privateKey.asymmetricKeyType !== 'rsa') throw CertificateError.invalidOption('keyPair', 'only RSA keys are supported');
    const bits = keyPair.privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048 && unsafe?.allowWeakKey !== true) throw CertificateError.invalidOption('keyPair', `an RSA key of ${bits} bits is too short (≥ 2048)`);
    return keyPair;
  }
  if (!Number.isInteger(modulusLength) || modulusLength < 2048) throw CertificateError.invalidOption('modulusLength', 'must be an integer ≥ 2048');
  return generateKeyPairSync('rsa', { modulusLength });
}

/** 16 random bytes, first byte forced into 0x01…0x7f so the INTEGER is positive and minimally encoded. */
export function randomSerialHex(): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 1) & 0x7f) || 0x01;
  return serial.toString('hex');
}

/** `from` plus whole calendar years (UTC). */
export function addYears(from: Date, years: number): Date {
  const d = new Date(from.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** Throws `INVALID_OPTION` unless both dates are valid and notAfter is later. */
export function checkValidity(notBefore: Date, notAfter: Date): void {
  if (Number.isNaN(notBefore.getTime())) throw CertificateError.invalidOption('notBefore', 'is not a valid date');
  if (Number.isNaN(notAfter.getTime())) throw CertificateError.invalidOption('notAfter', 'is not a valid date');
  if (notAfter.getTime() <= notBefore.getTime()) throw CertificateError.invalidOption('notAfter', 'must be after notBefore');
}

function toForgeAttributes(attrs: readonly NameAttributeInput[]): forge.pki.CertificateField[] {
  return attrs.map((a) => {
    const printable = a.printable === true;
    if (printable && !PRINTABLE.test(a.value)) throw CertificateError.invalidOption(a.oid, 'must be a PrintableString');
    // UTF8String for names (Chinese department names); PrintableString where X.520 asks for it (C, serialNumber).
    return { type: a.oid, value: a.value, valueTagClass: (printable ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8) as unknown as forge.asn1.Class };
  });
}

/** forge hands parsed UTF8String values back as raw bytes and would re-encode them; decode first so the issuer DN stays byte-identical. */
function issuerAttributesOf(issuer: forge.pki.Certificate): forge.pki.CertificateField[] {
  return issuer.subject.attributes.map((a) => {
    const utf8 = (a.valueTagClass as unknown as number) === forge.asn1.Type.UTF8;
    return { type: a.type, value: utf8 && typeof a.value === 'string' ? forge.util.decodeUtf8(a.value) : a.value, valueTagClass: a.valueTagClass };
  });
}

function keyUsageExtension(flags: Partial<KeyUsage>): Record<string, unknown> {
  return { name: 'keyUsage', critical: true, ...flags };
}

/** Everything {@link buildCertificate} writes. */
export interface BuildInput {
  readonly subject: readonly NameAttributeInput[];
  readonly subjectKey: KeyPairInput;
  /** Absent: self-signed with `subjectKey`. */
  readonly issuer?: IssuerMaterial;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCA: boolean;
  readonly pathLength?: number;
  readonly keyUsage: Partial<KeyUsage>;
  readonly extendedKeyUsage?: readonly string[];
  readonly unsafe?: UnsafeCertificateOptions;
}

/** Assembles, signs (SHA-256 with RSA) and re-parses a certificate. */
export function buildCertificate(input: BuildInput): IssuedCertificate {
  checkValidity(input.notBefore, input.notAfter);
  const unsafe = input.unsafe ?? {};
  const subjectKeyPem = input.subjectKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const subjectPrivatePem = input.subjectKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  const cert = forge.pki.createCertificate();
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = input.notBefore;
  cert.validity.notAfter = input.notAfter;
  cert.publicKey = forge.pki.publicKeyFromPem(subjectKeyPem);
  cert.setSubject(toForgeAttributes(input.subject));

  let issuerCert: forge.pki.Certificate | undefined;
  let issuerKey: KeyObject;
  if (input.issuer) {
    try {
      issuerCert = forge.pki.certificateFromPem(input.issuer.certificatePem);
      issuerKey = createPrivateKey(input.issuer.privateKeyPem);
    } catch (cause) {
      throw new CertificateError('BAD_USER_INPUT', 'issuer: certificate or key PEM is unreadable', { field: 'issuer', reason: 'INVALID_OPTION' }, { cause });
    }
    const issuerPublic = createPublicKey(input.issuer.certificatePem).export({ type: 'spki', format: 'der' });
    if (!createPublicKey(issuerKey).export({ type: 'spki', format: 'der' }).equals(issuerPublic)) {
      throw CertificateError.invalidOption('issuer', 'private key does not match the issuer certificate');
    }
    cert.setIssuer(issuerAttributesOf(issuerCert));
  } else {
    issuerKey = input.subjectKey.privateKey;
    cert.setIssuer(toForgeAttributes(input.subject));
  }

  const extensions: Record<string, unknown>[] = [];
  if (!unsafe.omitBasicConstraints) {
    const isCA = unsafe.isCA ?? input.isCA;
    const pathLength = unsafe.pathLength === undefined ? input.pathLength : unsafe.pathLength ?? undefined;
    extensions.push({ name: 'basicConstraints', critical: true, cA: isCA, ...(isCA && pathLength !== undefined ? { pathLenConstraint: pathLength } : {}) });
  }
  if (!unsafe.omitKeyUsage) extensions.push(keyUsageExtension(unsafe.keyUsage ?? input.keyUsage));
  if (input.extendedKeyUsage && input.extendedKeyUsage.length > 0) {
    // forge keys known purposes by name (an OID key it also knows would be mapped to the name and fail).
    const purposeKey = (oid: string): string => {
      const known = (forge.pki.oids as Record<string, string | undefined>)[oid];
      return known !== undefined && !known.includes('.') ? known : oid;
    };
    extensions.push({ name: 'extKeyUsage', ...Object.fromEntries(input.extendedKeyUsage.map((oid) => [purposeKey(oid), true])) });
  }
  extensions.push({ name: 'subjectKeyIdentifier' });
  if (issuerCert) {
    const issuerSki = issuerCert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | undefined;
    const keyIdentifier = issuerSki?.subjectKeyIdentifier
      ? forge.util.hexToBytes(issuerSki.subjectKeyIdentifier)
      : issuerCert.generateSubjectKeyIdentifier().getBytes();
    extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier });
  }
  if (unsafe.unknownCriticalExtension) {
    extensions.push({ id: unsafe.unknownCriticalExtension, critical: true, value: forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, '') });
  }
  cert.setExtensions(extensions);

  const signingKey = unsafe.signWith ?? issuerKey;
  // forge's RSA is slow but this is one signature per certificate; JWS signing never goes through forge.
  cert.sign(forge.pki.privateKeyFromPem(signingKey.export({ type: 'pkcs8', format: 'pem' }).toString()), forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  return Object.freeze({
    certificatePem,
    privateKeyPem: subjectPrivatePem,
    certificate: Certificate.fromPem(certificatePem),
    privateKey: input.subjectKey.privateKey,
  });
}
