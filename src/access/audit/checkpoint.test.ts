import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditError } from './audit.errors.js';
import type { AuditCheckpoint } from './audit.types.js';
import { CHECKPOINT_TYP, signCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { ed25519, type Keys } from './testing/audit-fixtures.js';

const record = { seq: 42, hash: 'ab'.repeat(32) };
const at = new Date('2025-03-04T05:06:07.890Z');

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditError) return e.details.reason;
    throw e;
  }
  return undefined;
}

const segments = (cp: AuditCheckpoint): string[] => cp.signature.split('.');
const decode = (segment: string | undefined): unknown => JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));

describe('signCheckpoint', () => {
  let keys: Keys;
  beforeAll(() => {
    keys = ed25519();
  });

  it('signs a compact EdDSA JWS over exactly {at, hash, seq}', () => {
    const cp = signCheckpoint(record, at, keys);
    expect(cp).toMatchObject({ seq: 42, hash: record.hash, at });
    const [header, payload] = segments(cp);
    expect(decode(header)).toEqual({ alg: 'EdDSA', typ: CHECKPOINT_TYP, kid: 'audit-1' });
    expect(decode(payload)).toEqual({ at: '2025-03-04T05:06:07.890Z', hash: record.hash, seq: 42 });
    expect(verifyCheckpoint(cp, keys.publicKey)).toBe(true);
  });

  it('is deterministic with Ed25519', () => {
    expect(signCheckpoint(record, at, keys).signature).toBe(signCheckpoint(record, at, keys).signature);
  });

  it('signs PS256 with an RSA key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const cp = signCheckpoint(record, at, { privateKey, kid: 'rsa-1' });
    expect(decode(segments(cp)[0])).toMatchObject({ alg: 'PS256' });
    expect(verifyCheckpoint(cp, publicKey)).toBe(true);
    // The key decides the algorithm: an Ed25519 key does not accept an RSA checkpoint.
    expect(verifyCheckpoint(cp, keys.publicKey)).toBe(false);
  });

  it('rejects unusable signers and malformed input', () => {
    const x25519 = generateKeyPairSync('x25519').privateKey;
    const shortRsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(reasonOf(() => signCheckpoint(record, at, { privateKey: x25519, kid: 'k' }))).toBe('INVALID_SIGNER');
    expect(reasonOf(() => signCheckpoint(record, at, { privateKey: shortRsa, kid: 'k' }))).toBe('INVALID_SIGNER');
    expect(reasonOf(() => signCheckpoint(record, at, { privateKey: keys.publicKey, kid: 'k' }))).toBe('INVALID_SIGNER');
    expect(reasonOf(() => signCheckpoint(record, at, { privateKey: keys.privateKey, kid: 'has space' }))).toBe('INVALID_SIGNER');
    expect(reasonOf(() => signCheckpoint({ seq: 0, hash: record.hash }, at, keys))).toBe('INVALID_CHECKPOINT');
    expect(reasonOf(() => signCheckpoint({ seq: 1, hash: 'AB'.repeat(32) }, at, keys))).toBe('INVALID_CHECKPOINT');
    expect(reasonOf(() => signCheckpoint(record, new Date(Number.NaN), keys))).toBe('INVALID_CHECKPOINT');
  });
});

describe('verifyCheckpoint', () => {
  let keys: Keys;
  let cp: AuditCheckpoint;
  beforeAll(() => {
    keys = ed25519();
    cp = signCheckpoint(record, at, keys);
  });

  it('rejects a checkpoint whose fields differ from what was signed', () => {
    expect(verifyCheckpoint({ ...cp, seq: 43 }, keys.publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...cp, hash: 'cd'.repeat(32) }, keys.publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...cp, at: new Date(at.getTime() + 1) }, keys.publicKey)).toBe(false);
  });

  it('rejects another key, a forged signature and a re-spelled header', () => {
    expect(verifyCheckpoint(cp, ed25519().publicKey)).toBe(false);
    const forged = signCheckpoint(record, at, ed25519());
    expect(verifyCheckpoint(forged, keys.publicKey)).toBe(false);
    const [h, p, s] = segments(cp);
    const flipped = `${s!.slice(0, -2)}${s!.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(verifyCheckpoint({ ...cp, signature: `${h}.${p}.${flipped}` }, keys.publicKey)).toBe(false);
    const respelled = Buffer.from(JSON.stringify({ typ: CHECKPOINT_TYP, alg: 'EdDSA', kid: 'audit-1' })).toString('base64url');
    expect(verifyCheckpoint({ ...cp, signature: `${respelled}.${p}.${s}` }, keys.publicKey)).toBe(false);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: CHECKPOINT_TYP, kid: 'audit-1' })).toString('base64url');
    expect(verifyCheckpoint({ ...cp, signature: `${none}.${p}.` }, keys.publicKey)).toBe(false);
  });

  it('never throws on garbage', () => {
    const garbage: unknown[] = [undefined, '', 'a.b', 'a.b.c.d', '...', 'x'.repeat(10_000), 42];
    for (const signature of garbage) {
      expect(verifyCheckpoint({ ...cp, signature } as AuditCheckpoint, keys.publicKey)).toBe(false);
    }
    expect(verifyCheckpoint({ ...cp, at: 'yesterday' } as unknown as AuditCheckpoint, keys.publicKey)).toBe(false);
  });

  it('finds the key by kid through a lookup (key rotation)', () => {
    const next = ed25519('audit-2');
    const byKid = new Map([['audit-1', keys.publicKey], ['audit-2', next.publicKey]]);
    const lookup = (kid: string) => byKid.get(kid);
    expect(verifyCheckpoint(cp, lookup)).toBe(true);
    expect(verifyCheckpoint(signCheckpoint(record, at, next), lookup)).toBe(true);
    expect(verifyCheckpoint(signCheckpoint(record, at, ed25519('audit-3')), lookup)).toBe(false);
  });
});
