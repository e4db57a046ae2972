import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuditError } from './audit.errors.js';
import type { AuditEntry } from './audit.types.js';
import { canonicalAuditBytes, GENESIS_HASH, hashAuditRecord } from './canonical-bytes.js';
import { entry } from './testing/audit-fixtures.js';

/** RFC 8785-style reference: parse, sort keys recursively, re-serialise. */
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${jcs(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function codeOf(fn: () => unknown): { code: string; reason: unknown; field: unknown } | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditError) return { code: e.code, reason: e.details.reason, field: e.details.field };
    throw e;
  }
  return undefined;
}

describe('canonicalAuditBytes', () => {
  const e = entry(1);

  it('is the sorted-key JSON of the thirteen members, with an ISO timestamp', () => {
    const text = canonicalAuditBytes(7, GENESIS_HASH, e).toString('utf8');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(jcs(parsed));
    expect(Object.keys(parsed)).toEqual([
      'at', 'department', 'fields', 'grantIds', 'operator', 'outcome', 'prevHash', 'purpose', 'requestId', 'role', 'seq', 'subject', 'subjectKind',
    ]);
    expect(parsed.at).toBe('2025-01-02T03:04:06.678Z');
    expect(parsed.seq).toBe(7);
    expect(parsed.prevHash).toBe(GENESIS_HASH);
  });

  it('is deterministic and ignores members outside AuditEntry', () => {
    const withExtras = { ...e, id: 42, createdAt: new Date() } as AuditEntry;
    expect(canonicalAuditBytes(3, GENESIS_HASH, withExtras).equals(canonicalAuditBytes(3, GENESIS_HASH, { ...e }))).toBe(true);
  });

  it('encodes null purpose as null, and escapes strings unambiguously', () => {
    const a = canonicalAuditBytes(1, GENESIS_HASH, { ...e, fields: ['a","b'] }).toString();
    const b = canonicalAuditBytes(1, GENESIS_HASH, { ...e, fields: ['a', 'b'] }).toString();
    expect(a).not.toBe(b);
    expect(JSON.parse(a).fields).toEqual(['a","b']);
    expect(JSON.parse(canonicalAuditBytes(1, GENESIS_HASH, { ...e, purpose: null }).toString()).purpose).toBeNull();
    expect(canonicalAuditBytes(1, GENESIS_HASH, { ...e, purpose: '' }).equals(canonicalAuditBytes(1, GENESIS_HASH, { ...e, purpose: null }))).toBe(false);
  });

  it('changes with every member, seq and prevHash', () => {
    const base = canonicalAuditBytes(1, GENESIS_HASH, e);
    const variants: Array<[number, string, AuditEntry]> = [
      [2, GENESIS_HASH, e],
      [1, '1'.repeat(64), e],
      [1, GENESIS_HASH, { ...e, at: new Date(e.at.getTime() + 1) }],
      [1, GENESIS_HASH, { ...e, department: `${e.department} ` }],
      [1, GENESIS_HASH, { ...e, fields: [...e.fields].reverse() }],
      [1, GENESIS_HASH, { ...e, subjectKind: 'ENTITY' }],
      [1, GENESIS_HASH, { ...e, outcome: 'DENIED' }],
    ];
    for (const [seq, prev, v] of variants) expect(canonicalAuditBytes(seq, prev, v).equals(base)).toBe(false);
  });

  it('is the input of hashAuditRecord', () => {
    const expected = createHash('sha256').update(canonicalAuditBytes(5, GENESIS_HASH, e)).digest('hex');
    expect(hashAuditRecord(5, GENESIS_HASH, e)).toBe(expected);
  });

  it('rejects malformed input with INVALID_ENTRY', () => {
    expect(codeOf(() => canonicalAuditBytes(0, GENESIS_HASH, e))).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: 'INVALID_ENTRY', field: 'seq' });
    expect(codeOf(() => canonicalAuditBytes(1.5, GENESIS_HASH, e))).toMatchObject({ field: 'seq' });
    expect(codeOf(() => canonicalAuditBytes(1, 'ABC', e))).toMatchObject({ field: 'prevHash' });
    expect(codeOf(() => canonicalAuditBytes(1, GENESIS_HASH.toUpperCase().replace(/0/g, 'A'), e))).toMatchObject({ field: 'prevHash' });
    expect(codeOf(() => canonicalAuditBytes(1, GENESIS_HASH, { ...e, at: new Date(Number.NaN) }))).toMatchObject({ field: 'at' });
    expect(codeOf(() => canonicalAuditBytes(1, GENESIS_HASH, { ...e, subjectKind: 'CAT' } as unknown as AuditEntry))).toMatchObject({ field: 'subjectKind' });
    expect(codeOf(() => canonicalAuditBytes(1, GENESIS_HASH, { ...e, fields: [1] } as unknown as AuditEntry))).toMatchObject({ field: 'fields[0]' });
    expect(codeOf(() => canonicalAuditBytes(1, GENESIS_HASH, { ...e, subject: undefined } as unknown as AuditEntry))).toMatchObject({ field: 'subject' });
  });
});
