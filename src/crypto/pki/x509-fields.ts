/**
 * Reads the fields OneWindow needs from a DER certificate with node-forge's
 * ASN.1 decoder (internal to `pki/`).
 *
 * Why not `forge.pki.certificateFromAsn1`: it refuses any non-RSA key, does
 * not read authorityKeyIdentifier, and re-encodes UTF-8 names. Why not Node's
 * `X509Certificate` alone: it exposes no keyUsage bits, pathLen, SKI/AKI or
 * name attributes. Node has already parsed (and so validated) the DER by the
 * time this runs; this walker still checks every shape it relies on.
 */
import forge from 'node-forge';

type Asn1 = forge.asn1.Asn1;

const asn1 = forge.asn1;
const { Type, Class } = forge.asn1;
// The typings only know the boolean form; the options form lets us switch off
// forge's guess-decoding of BIT STRING contents (keyUsage must stay raw bits).
const fromDer = asn1.fromDer as unknown as (
  bytes: string,
  options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean },
) => Asn1;

/** One attribute of a distinguished name, in order of appearance. */
export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
}

/** A Name as read from the DER. */
export interface RawName {
  /** The exact DER of the Name, as a binary string: names are compared byte for byte. */
  readonly der: string;
  readonly attributes: readonly NameAttribute[];
}

/** One extension as read from the DER. */
export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  /** extnValue contents (binary string). */
  readonly value: string;
}

/** The TBSCertificate fields {@link Certificate} is built from. */
export interface RawCertificateFields {
  readonly version: number;
  readonly serialHex: string;
  readonly signatureOid: string;
  readonly issuer: RawName;
  readonly subject: RawName;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly extensions: readonly RawExtension[];
}

/** The DER does not have the shape of an X.509 certificate. */
export class Asn1ShapeError extends Error {
  override readonly name = 'Asn1ShapeError';
}

function fail(why: string): never {
  throw new Asn1ShapeError(why);
}

function children(node: Asn1 | undefined, what: string): Asn1[] {
  if (!node || !Array.isArray(node.value)) fail(`${what} is not a constructed value`);
  return node.value;
}

function bytes(node: Asn1 | undefined, what: string): string {
  if (!node || typeof node.value !== 'string') fail(`${what} is not a primitive value`);
  return node.value;
}

function expect(node: Asn1 | undefined, type: number, what: string, tagClass: number = Class.UNIVERSAL): Asn1 {
  if (!node || node.type !== type || node.tagClass !== tagClass) fail(`${what} has an unexpected tag`);
  return node;
}

function oidOf(node: Asn1 | undefined, what: string): string {
  return asn1.derToOid(bytes(expect(node, Type.OID, what), what));
}

function timeOf(node: Asn1 | undefined, what: string): number {
  if (node?.type === Type.UTCTIME) return asn1.utcTimeToDate(bytes(node, what)).getTime();
  if (node?.type === Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(bytes(node, what)).getTime();
  return fail(`${what} is not a time`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a DirectoryString-like value to text; unknown string types come back as `#hex`. */
function textOf(node: Asn1): string {
  const raw = bytes(node, 'attribute value');
  const buf = Buffer.from(raw, 'latin1');
  switch (node.type as number) {
    case Type.UTF8:
      return utf8.decode(buf);
    case Type.PRINTABLESTRING:
    case Type.IA5STRING:
    case 18 /* NumericString */:
    case 20 /* TeletexString, read as Latin-1 */:
    case 26 /* VisibleString */:
      return raw;
    case Type.BMPSTRING: {
      if (buf.length % 2 !== 0) fail('BMPString has an odd length');
      return new TextDecoder('utf-16be', { fatal: true }).decode(buf);
    }
    default:
      return `#${buf.toString('hex')}`;
  }
}

function readName(node: Asn1 | undefined, what: string): RawName {
  const seq = expect(node, Type.SEQUENCE, what);
  const attributes: NameAttribute[] = [];
  for (const rdn of children(seq, what)) {
    for (const atv of children(expect(rdn, Type.SET, `${what} RDN`), `${what} RDN`)) {
      const [type, value] = children(expect(atv, Type.SEQUENCE, `${what} attribute`), `${what} attribute`);
      if (!value) fail(`${what} attribute has no value`);
      attributes.push(Object.freeze({ oid: oidOf(type, `${what} attribute type`), value: textOf(value) }));
    }
  }
  return Object.freeze({ der: asn1.toDer(seq).getBytes(), attributes: Object.freeze(attributes) });
}

function readExtensions(node: Asn1 | undefined): RawExtension[] {
  const list = children(expect(node, Type.SEQUENCE, 'extensions'), 'extensions');
  const seen = new Set<string>();
  return list.map((ext) => {
    const parts = children(expect(ext, Type.SEQUENCE, 'extension'), 'extension');
    const oid = oidOf(parts[0], 'extension id');
    // RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension.
    if (seen.has(oid)) fail(`extension ${oid} appears twice`);
    seen.add(oid);
    let critical = false;
    let valueNode = parts[1];
    if (valueNode?.type === Type.BOOLEAN && valueNode.tagClass === Class.UNIVERSAL) {
      critical = bytes(valueNode, 'critical flag') !== '\x00';
      valueNode = parts[2];
    }
    const value = bytes(expect(valueNode, Type.OCTETSTRING, `extension ${oid} value`), `extension ${oid} value`);
    return Object.freeze({ oid, critical, value });
  });
}

/** Reads the TBSCertificate fields. Throws {@link Asn1ShapeError} on any shape it does not expect. */
export function readCertificateFields(der: Uint8Array): RawCertificateFields {
  const root = fromDer(Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1'), {
    strict: true,
    parseAllBytes: true,
    decodeBitStrings: false,
  });
  const [tbsNode, outerAlg] = children(expect(root, Type.SEQUENCE, 'certificate'), 'certificate');
  const tbs = children(expect(tbsNode, Type.SEQUENCE, 'tbsCertificate'), 'tbsCertificate');
  let i = 0;
  let version = 1;
  const first = tbs[0];
  if (first && first.tagClass === Class.CONTEXT_SPECIFIC && first.type === 0) {
    const v = bytes(expect(children(first, 'version')[0], Type.INTEGER, 'version'), 'version');
    version = asn1.derToInteger(v) + 1;
    i++;
  }
  const serial = bytes(expect(tbs[i++], Type.INTEGER, 'serialNumber'), 'serialNumber');
  const innerAlg = expect(tbs[i++], Type.SEQUENCE, 'signature');
  const signatureOid = oidOf(children(innerAlg, 'signature')[0], 'signature algorithm');
  // RFC 5280 §4.1.1.2: the outer algorithm MUST equal the one inside the signed part.
  if (asn1.toDer(expect(outerAlg, Type.SEQUENCE, 'signatureAlgorithm')).getBytes() !== asn1.toDer(innerAlg).getBytes()) {
    fail('signatureAlgorithm differs from tbsCertificate.signature');
  }
  const issuer = readName(tbs[i++], 'issuer');
  const [nb, na] = children(expect(tbs[i++], Type.SEQUENCE, 'validity'), 'validity');
  const notBefore = timeOf(nb, 'notBefore');
  const notAfter = timeOf(na, 'notAfter');
  const subject = readName(tbs[i++], 'subject');
  expect(tbs[i++], Type.SEQUENCE, 'subjectPublicKeyInfo');
  let extensions: RawExtension[] = [];
  for (; i < tbs.length; i++) {
    const node = tbs[i];
    if (node?.tagClass === Class.CONTEXT_SPECIFIC && node.type === 3) {
      extensions = readExtensions(children(node, 'extensions')[0]);
    }
  }
  if (extensions.length > 0 && version !== 3) fail('extensions in a certificate that is not version 3');
  return Object.freeze({
    version,
    serialHex: Buffer.from(serial, 'latin1').toString('hex'),
    signatureOid,
    issuer,
    subject,
    notBefore,
    notAfter,
    extensions: Object.freeze(extensions),
  });
}

/** KeyUsage bits (RFC 5280 §4.2.1.3). */
export interface KeyUsage {
  readonly digitalSignature: boolean;
  readonly nonRepudiation: boolean;
  readonly keyEncipherment: boolean;
  readonly dataEncipherment: boolean;
  readonly keyAgreement: boolean;
  readonly keyCertSign: boolean;
  readonly cRLSign: boolean;
  readonly encipherOnly: boolean;
  readonly decipherOnly: boolean;
}

/** KeyUsage bit names in bit order (bit 0 first). */
export const KEY_USAGE_BITS: readonly (keyof KeyUsage)[] = Object.freeze([
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
]);

/** Reads basicConstraints (extnValue contents). */
export function parseBasicConstraints(value: string): { cA: boolean; pathLength?: number } {
  const parts = children(expect(fromDer(value, { strict: true, parseAllBytes: true, decodeBitStrings: false }), Type.SEQUENCE, 'basicConstraints'), 'basicConstraints');
  let cA = false;
  let j = 0;
  if (parts[0]?.type === Type.BOOLEAN) {
    cA = bytes(parts[0], 'cA') !== '\x00';
    j++;
  }
  const pl = parts[j];
  if (pl === undefined) return { cA };
  const raw = bytes(expect(pl, Type.INTEGER, 'pathLenConstraint'), 'pathLenConstraint');
  if (raw.length > 2 || raw.charCodeAt(0) >= 0x80) fail('pathLenConstraint is negative or absurdly large');
  return { cA, pathLength: asn1.derToInteger(raw) };
}

/** Reads the keyUsage BIT STRING (extnValue contents). */
export function parseKeyUsage(value: string): KeyUsage {
  const raw = bytes(expect(fromDer(value, { strict: true, parseAllBytes: true, decodeBitStrings: false }), Type.BITSTRING, 'keyUsage'), 'keyUsage');
  // First content byte is the unused-bit count; bit 0 (digitalSignature) is the MSB of the next byte.
  const b1 = raw.length > 1 ? raw.charCodeAt(1) : 0;
  const b2 = raw.length > 2 ? raw.charCodeAt(2) : 0;
  const flags: Record<string, boolean> = {};
  KEY_USAGE_BITS.forEach((name, bit) => {
    flags[name] = bit < 8 ? (b1 & (0x80 >> bit)) !== 0 : (b2 & (0x80 >> (bit - 8))) !== 0;
  });
  return Object.freeze(flags as unknown as KeyUsage);
}

/** Reads extKeyUsage purpose OIDs (extnValue contents). */
export function parseExtKeyUsage(value: string): string[] {
  const seq = expect(fromDer(value, { strict: true, parseAllBytes: true, decodeBitStrings: false }), Type.SEQUENCE, 'extKeyUsage');
  return children(seq, 'extKeyUsage').map((n) => oidOf(n, 'extKeyUsage purpose'));
}

/** Reads subjectKeyIdentifier as lowercase hex (extnValue contents). */
export function parseSubjectKeyIdentifier(value: string): string {
  const raw = bytes(expect(fromDer(value, { strict: true, parseAllBytes: true, decodeBitStrings: false }), Type.OCTETSTRING, 'subjectKeyIdentifier'), 'subjectKeyIdentifier');
  return Buffer.from(raw, 'latin1').toString('hex');
}

/** Returns the keyIdentifier ([0]) of an AuthorityKeyIdentifier, if present. */
export function parseAuthorityKeyIdentifier(value: string): string | undefined {
  const seq = expect(fromDer(value, { strict: true, parseAllBytes: true, decodeBitStrings: false }), Type.SEQUENCE, 'authorityKeyIdentifier');
  const kid = children(seq, 'authorityKeyIdentifier').find((n) => n.tagClass === Class.CONTEXT_SPECIFIC && n.type === 0);
  return kid ? Buffer.from(bytes(kid, 'keyIdentifier'), 'latin1').toString('hex') : undefined;
}
