/**
 * An X.509 certificate parsed once into a small immutable model.
 *
 * Parsing is done by Node's `X509Certificate` (which validates the DER and
 * gives the public key and per-link signature check) plus a node-forge ASN.1
 * walk for the fields Node does not expose (keyUsage bits, pathLen, SKI/AKI,
 * name attributes). Parse once and keep the object: hot paths (JWS
 * verification) cache certificates by their base64 DER.
 */
import { X509Certificate, createHash, type KeyObject } from 'node:crypto';
import { CertificateError } from '../errors.js';
import {
  parseAuthorityKeyIdentifier,
  parseBasicConstraints,
  parseExtKeyUsage,
  parseKeyUsage,
  parseSubjectKeyIdentifier,
  readCertificateFields,
  type KeyUsage,
  type NameAttribute,
  type RawName,
} from './x509-fields.js';

export type { KeyUsage, NameAttribute } from './x509-fields.js';

/** Well-known attribute OIDs (X.520). */
export const NAME_OID = Object.freeze({
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  state: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
});

/** Extension OIDs this module understands (RFC 5280). */
export const EXTENSION_OID = Object.freeze({
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
});

const SHORT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  [NAME_OID.commonName]: 'CN',
  [NAME_OID.serialNumber]: 'serialNumber',
  [NAME_OID.country]: 'C',
  [NAME_OID.locality]: 'L',
  [NAME_OID.state]: 'ST',
  [NAME_OID.organization]: 'O',
  [NAME_OID.organizationalUnit]: 'OU',
});

/** A subject or issuer name. Single-valued attributes are lifted to fields (first occurrence wins). */
export interface DistinguishedName {
  readonly commonName?: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly country?: string;
  /** X.520 serialNumber (2.5.4.5); department certificates carry the USCC here. */
  readonly serialNumber?: string;
  readonly locality?: string;
  readonly state?: string;
  /** Every attribute in certificate order. */
  readonly attributes: readonly NameAttribute[];
  /** Human-readable form, e.g. `C=CN, O=Hub, CN=Hub Root CA` (for messages, never for comparison). */
  readonly text: string;
}

/** One extension as present in the certificate (values of known ones are lifted to fields). */
export interface ExtensionInfo {
  readonly oid: string;
  readonly critical: boolean;
}

function toName(raw: RawName): DistinguishedName {
  const pick = (oid: string): string | undefined => raw.attributes.find((a) => a.oid === oid)?.value;
  const text = raw.attributes.map((a) => `${SHORT_NAMES[a.oid] ?? a.oid}=${a.value}`).join(', ');
  const name: { -readonly [K in keyof DistinguishedName]: DistinguishedName[K] } = { attributes: raw.attributes, text };
  for (const [field, oid] of Object.entries(NAME_OID) as [keyof typeof NAME_OID, string][]) {
    const value = pick(oid);
    if (value !== undefined) name[field] = value;
  }
  return Object.freeze(name);
}

/** Upper bound on one certificate's DER: ours are ~1 KiB; this only stops absurd input early. */
const MAX_DER_BYTES = 64 * 1024;

/**
 * A parsed, immutable X.509 certificate.
 *
 * Construct with {@link parseCertificate}, {@link Certificate.fromPem},
 * {@link Certificate.fromDer} or {@link Certificate.fromBase64}.
 */
export class Certificate {
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  /** Serial number as lowercase hex, exactly as encoded (a leading 00 sign byte is kept). */
  readonly serialNumber: string;
  /** X.509 version (3 for everything this project issues). */
  readonly version: number;
  /** Signature algorithm OID of the certificate itself. */
  readonly signatureAlgorithm: string;
  /** `basicConstraints.cA`; false when the extension is absent. */
  readonly isCA: boolean;
  /** True when basicConstraints is present (critical or not). */
  readonly hasBasicConstraints: boolean;
  /** `basicConstraints.pathLenConstraint`; undefined means no limit (or no extension). */
  readonly pathLength: number | undefined;
  /** keyUsage bits; undefined when the extension is absent. */
  readonly keyUsage: KeyUsage | undefined;
  /** extKeyUsage purpose OIDs; undefined when the extension is absent. */
  readonly extendedKeyUsage: readonly string[] | undefined;
  /** subjectKeyIdentifier as lowercase hex. */
  readonly subjectKeyIdentifier: string | undefined;
  /** authorityKeyIdentifier.keyIdentifier as lowercase hex. */
  readonly authorityKeyIdentifier: string | undefined;
  readonly extensions: readonly ExtensionInfo[];
  /** SHA-256 of the DER, lowercase hex. */
  readonly fingerprint: string;
  /** base64url of the first 8 bytes of SHA-256(DER), as the EU DCC `kid` (but base64url). */
  readonly kid: string;
  /** The subject public key. */
  readonly publicKey: KeyObject;
  /** Standard base64 of the DER, the form used in a JWS `x5c` header. */
  readonly base64: string;
  /** Exact DER of the subject and issuer Names (binary strings): path building compares these byte for byte. */
  readonly subjectId: string;
  readonly issuerId: string;
  /** Subject and issuer names are byte-identical (a root, or a self-issued CA certificate). */
  readonly selfIssued: boolean;
  /** Node's parsed form, used for `verify(issuerKey)`. */
  readonly x509: X509Certificate;
  readonly notBeforeTime: number;
  readonly notAfterTime: number;
  readonly #der: Buffer;

  private constructor(der: Buffer, base64?: string) {
    if (der.length === 0 || der.length > MAX_DER_BYTES) throw CertificateError.malformed(`DER is ${der.length} bytes`);
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(der);
    } catch (cause) {
      throw CertificateError.malformed('not DER X.509', cause);
    }
    try {
      const raw = readCertificateFields(der);
      this.version = raw.version;
      this.serialNumber = raw.serialHex;
      this.signatureAlgorithm = raw.signatureOid;
      this.subject = toName(raw.subject);
      this.issuer = toName(raw.issuer);
      this.subjectId = raw.subject.der;
      this.issuerId = raw.issuer.der;
      this.selfIssued = raw.subject.der === raw.issuer.der;
      this.notBeforeTime = raw.notBefore;
      this.notAfterTime = raw.notAfter;
      const ext = (oid: string) => raw.extensions.find((e) => e.oid === oid);
      const bc = ext(EXTENSION_OID.basicConstraints);
      const constraints = bc ? parseBasicConstraints(bc.value) : undefined;
      this.hasBasicConstraints = bc !== undefined;
      this.isCA = constraints?.cA ?? false;
      this.pathLength = constraints?.pathLength;
      const ku = ext(EXTENSION_OID.keyUsage);
      this.keyUsage = ku ? parseKeyUsage(ku.value) : undefined;
      const eku = ext(EXTENSION_OID.extKeyUsage);
      this.extendedKeyUsage = eku ? Object.freeze(parseExtKeyUsage(eku.value)) : undefined;
      const ski = ext(EXTENSION_OID.subjectKeyIdentifier);
      this.subjectKeyIdentifier = ski ? parseSubjectKeyIdentifier(ski.value) : undefined;
      const aki = ext(EXTENSION_OID.authorityKeyIdentifier);
      this.authorityKeyIdentifier = aki ? parseAuthorityKeyIdentifier(aki.value) : undefined;
      this.extensions = Object.freeze(raw.extensions.map((e) => Object.freeze({ oid: e.oid, critical: e.critical })));
    } catch (cause) {
      throw CertificateError.malformed(cause instanceof Error ? cause.message : 'unreadable fields', cause);
    }
    try {
      // Node parses the key lazily: an unsupported key algorithm throws only here.
      this.publicKey = x509.publicKey;
    } catch (cause) {
      throw CertificateError.malformed('the public key cannot be read', cause);
    }
    const digest = createHash('sha256').update(der).digest();
    this.fingerprint = digest.toString('hex');
    this.kid = digest.subarray(0, 8).toString('base64url');
    this.x509 = x509;
    this.base64 = base64 ?? der.toString('base64');
    this.#der = der;
    Object.freeze(this);
  }

  /** Parses one DER certificate. Throws {@link CertificateError} (`CERTIFICATE_MALFORMED`). */
  static fromDer(der: Uint8Array): Certificate {
    // Copy: the model must not change if the caller reuses their buffer.
    return new Certificate(Buffer.from(der));
  }

  /** Parses standard base64 DER (an `x5c` entry). Rejects non-canonical base64. */
  static fromBase64(base64: string): Certificate {
    const der = Buffer.from(base64, 'base64');
    if (der.toString('base64') !== base64) throw CertificateError.malformed('x5c entry is not canonical base64');
    return new Certificate(der, base64);
  }

  /** Parses exactly one PEM `CERTIFICATE` block. */
  static fromPem(pem: string): Certificate {
    const blocks = pemBlocks(pem);
    if (blocks.length !== 1 || blocks[0] === undefined) throw CertificateError.malformed(`expected one PEM certificate, found ${blocks.length}`);
    return new Certificate(blocks[0]);
  }

  /** A copy of the DER encoding. */
  get der(): Buffer {
    return Buffer.from(this.#der);
  }

  /** PEM encoding. */
  get pem(): string {
    return `-----BEGIN CERTIFICATE-----\n${this.base64.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  }

  get notBefore(): Date {
    return new Date(this.notBeforeTime);
  }

  get notAfter(): Date {
    return new Date(this.notAfterTime);
  }

  /** Subject CN, or the whole subject text when there is no CN (for check results and messages). */
  get displayName(): string {
    return this.subject.commonName ?? this.subject.text;
  }

  /** True when `at` lies within notBefore…notAfter (both inclusive, RFC 5280). */
  isValidAt(at: Date | number): boolean {
    const t = typeof at === 'number' ? at : at.getTime();
    return t >= this.notBeforeTime && t <= this.notAfterTime;
  }

  /** True when this certificate's signature verifies with `issuer`'s public key (no other checks). */
  isSignedBy(issuer: Certificate): boolean {
    try {
      return this.x509.verify(issuer.publicKey);
    } catch {
      return false;
    }
  }

  toString(): string {
    return `Certificate(${this.subject.text}; kid ${this.kid})`;
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]*?)-----END CERTIFICATE-----/g;

function pemBlocks(pem: string): Buffer[] {
  const out: Buffer[] = [];
  for (const m of pem.matchAll(PEM_BLOCK)) {
    out.push(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
  }
  return out;
}

/**
 * Parses a certificate from PEM text, standard-base64 DER, or DER bytes.
 *
 * @throws {CertificateError} `CERTIFICATE_MALFORMED` when the input is not exactly one certificate.
 * @example
 * const cert = parseCertificate(readFileSync('certs/hub-root.pem', 'utf8'));
 * console.log(cert.subject.commonName, cert.kid, cert.notAfter.toISOString());
 */
export function parseCertificate(input: string | Uint8Array): Certificate {
  if (typeof input !== 'string') return Certificate.fromDer(input);
  return input.includes('-----BEGIN') ? Certificate.fromPem(input) : Certificate.fromBase64(input.trim());
}

/**
 * Parses every `CERTIFICATE` block of a PEM bundle, in order (put the leaf first).
 *
 * @example
 * const chain = parseCertificateChain(departmentPem + hubRootPem); // [department, root]
 */
export function parseCertificateChain(pem: string): Certificate[] {
  const blocks = pemBlocks(pem);
  if (blocks.length === 0) throw CertificateError.malformed('no PEM certificate found');
  return blocks.map((der) => Certificate.fromDer(der));
}
