import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDepartmentCertificate, createJwsSigner, signTrustList, type JwsSigner } from '../crypto/index.js';
import { uscc } from '../crypto/testing/test-pki.js';
import { OfflineStoreError } from './errors.js';
import { buildLicensePayload, buildQrPayload, signLicenseToken } from './license-token.js';
import { loadOfflineStore, writeOfflineStore, type OfflineStoreContent } from './offline-store.js';
import {
  licenceClaims,
  makeLicensingPki,
  OTHER_TYPE_CODE,
  STATUS_REF,
  STATUS_URI,
  statusListToken,
  TYPE_CODE,
  UNAUTHORISED_DEPT_CODE,
  type LicensingPki,
} from './testing/licensing-fixture.js';
import { verifyLicenseToken, type LicenseVerification } from './verify-license.js';

const DAY = 86_400_000;
let pki: LicensingPki;
let hubSigner: JwsSigner;
let content: OfflineStoreContent;
let licence: string;
let base: string;
let n = 0;

beforeAll(async () => {
  pki = makeLicensingPki();
  const hub = createDepartmentCertificate({
    issuer: pki.root, departmentCode: uscc('11350000MB0000001'), departmentName: '测试省大数据管理局',
    keyPair: pki.keys[0], notBefore: new Date(pki.now.getTime() - DAY),
  });
  hubSigner = createJwsSigner(hub.privateKey, [hub.certificate, pki.root.certificate]);
  content = {
    trustLists: [{ token: trustList(1), pinnedRootPem: pki.root.certificatePem }],
    statusLists: [{ uri: STATUS_URI, token: statusListToken(pki.signer, { overrides: { 7: 1 }, ttlSeconds: 3600 }), fetchedAt: pki.now }],
  };
  licence = signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(pki.now), STATUS_REF, pki.now), pki.signer);
  base = await mkdtemp(path.join(tmpdir(), 'onewindow-offline-'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function trustList(sequence: number, options: { expiresAt?: Date } = {}): string {
  return signTrustList({
    issuer: 'hub:test', sequence, roots: [pki.root.certificate],
    certificates: [{ certificate: pki.dept.certificate, licenseTypes: [TYPE_CODE] }],
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  }, hubSigner);
}

const freshDir = (): string => path.join(base, `store-${++n}`);

async function verifyOffline(dir: string, token: string, at = pki.now): Promise<LicenseVerification> {
  const store = await loadOfflineStore(dir, { now: () => at });
  return verifyLicenseToken(token, { ...store, at });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => {
    throw new Error('expected a rejection');
  }, (e: unknown) => e);
}

describe('writeOfflineStore', () => {
  it('writes a manifest and two content-addressed data files, and no temporary files', async () => {
    const dir = freshDir();
    const { fetchedAt } = await writeOfflineStore(dir, content, { now: () => pki.now });
    expect(fetchedAt).toEqual(pki.now);
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(3);
    expect(files).toContain('manifest.json');
    expect(files.some((f) => /^trust-lists\.[0-9a-f]{16}\.json$/.test(f))).toBe(true);
    expect(files.some((f) => /^status-lists\.[0-9a-f]{16}\.json$/.test(f))).toBe(true);
  });

  it('replaces the previous store and removes the data files it no longer uses', async () => {
    const dir = freshDir();
    await writeOfflineStore(dir, content, { now: () => pki.now });
    await writeOfflineStore(dir, { ...content, statusLists: [] }, { now: () => pki.now });
    expect(await readdir(dir)).toHaveLength(3);
    const store = await loadOfflineStore(dir, { now: () => pki.now });
    expect(store.statuses.snapshot()).toEqual([]);
  });

  it('refuses content that does not verify, and writes nothing', async () => {
    const dir = freshDir();
    const bad = { ...content, trustLists: [{ token: content.trustLists[0]?.token ?? '', pinnedRootPem: pki.foreignRoot.certificatePem }] };
    const e = await rejection(writeOfflineStore(dir, bad));
    expect(e).toBeInstanceOf(OfflineStoreError);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'INVALID_CONTENT', field: 'trustLists[0]' } });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a status list no stored trust list vouches for', async () => {
    const foreign = { ...content, statusLists: [{ uri: STATUS_URI, token: statusListToken(pki.foreignSigner), fetchedAt: pki.now }] };
    expect(await rejection(writeOfflineStore(freshDir(), foreign))).toMatchObject({ details: { field: 'statusLists[0]' } });
  });
});

describe('loadOfflineStore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = freshDir();
    await writeOfflineStore(dir, content, { now: () => pki.now });
  });

  it('verifies a licence offline, with the status from the store as CACHE', async () => {
    const store = await loadOfflineStore(dir, { now: () => pki.now });
    expect(store.rejected).toEqual([]);
    expect(store.fetchedAt).toEqual(pki.now);
    const r = await verifyLicenseToken(licence, { ...store, at: pki.now });
    expect(r.verdict).toBe('VALID');
    expect(r.status).toMatchObject({ value: 'VALID', source: 'CACHE' });
  });

  it('verifies a kid-only QR token: the trust list vouches for the department certificate', async () => {
    const qr = signLicenseToken('QR', buildQrPayload(licenceClaims(pki.now), STATUS_REF, pki.now), pki.signer);
    expect((await verifyOffline(dir, qr)).verdict).toBe('VALID');
  });

  it('does no network I/O, even once every list is past its ttl', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    const later = new Date(pki.now.getTime() + 2 * DAY);
    const r = await verifyOffline(dir, licence, later);
    expect(r.verdict).toBe('VALID');
    expect(r.status).toMatchObject({ source: 'CACHE' });
    expect(r.status?.ageSeconds).toBeGreaterThan(2 * 86_400 - 10);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reads revocations from the stored status list', async () => {
    const revoked = signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(pki.now), { idx: 7, uri: STATUS_URI }, pki.now), pki.signer);
    expect((await verifyOffline(dir, revoked)).verdict).toBe('REVOKED');
  });

  it('is UNTRUSTED for a status list it does not hold', async () => {
    const elsewhere = signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(pki.now), { idx: 1, uri: 'https://other.example/status/1' }, pki.now), pki.signer);
    const r = await verifyOffline(dir, elsewhere);
    expect(r.verdict).toBe('UNTRUSTED');
    expect(r.checks.find((c) => c.name === 'STATUS')?.ok).toBe(false);
  });

  it('takes issuer authority from the trust list\'s licence types', async () => {
    const otherType = signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(pki.now, { typeCode: OTHER_TYPE_CODE }), STATUS_REF, pki.now), pki.signer);
    const r = await verifyOffline(dir, otherType);
    expect(r.verdict).toBe('UNTRUSTED');
    expect(r.checks.find((c) => c.name === 'ISSUER_AUTHORISED')?.ok).toBe(false);
  });

  it('does not trust a department certificate the list leaves out, though its root is listed', async () => {
    const unlisted = signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(pki.now, {}, UNAUTHORISED_DEPT_CODE), STATUS_REF, pki.now), pki.unauthorisedSigner);
    const r = await verifyOffline(dir, unlisted);
    expect(r.verdict).toBe('UNTRUSTED');
    expect(r.checks.find((c) => c.name === 'CHAIN')?.ok).toBe(false);
  });

  it('leaves out a trust list that has expired since the sync', async () => {
    const expiring = freshDir();
    const trustLists = [{ token: trustList(2, { expiresAt: new Date(pki.now.getTime() + DAY) }), pinnedRootPem: pki.root.certificatePem }];
    await writeOfflineStore(expiring, { ...content, trustLists }, { now: () => pki.now });
    const later = new Date(pki.now.getTime() + 2 * DAY);
    const store = await loadOfflineStore(expiring, { now: () => later });
    expect(store.rejected.map((r) => r.kind)).toEqual(['TRUST_LIST', 'STATUS_LIST']);
    expect((await verifyLicenseToken(licence, { ...store, at: later })).verdict).toBe('UNTRUSTED');
  });

  it('rejects trust lists whose stored root is not one of the configured pinned roots', async () => {
    const store = await loadOfflineStore(dir, { now: () => pki.now, pinnedRoots: [pki.foreignRoot.certificatePem] });
    expect(store.rejected[0]).toMatchObject({ kind: 'TRUST_LIST', index: 0 });
    expect((await verifyLicenseToken(licence, { ...store, at: pki.now })).verdict).toBe('UNTRUSTED');
  });

  it('re-verifies every token: a consistently rewritten store with a forged trust list trusts nothing', async () => {
    const forged = freshDir();
    await writeOfflineStore(forged, content, { now: () => pki.now });
    const manifest = JSON.parse(await readFile(path.join(forged, 'manifest.json'), 'utf8')) as { trustLists: { file: string; sha256: string } };
    // The attacker's list names our root as pinned, but is signed under their own root.
    const foreignSigned = signTrustList({ issuer: 'hub:test', sequence: 9, roots: [pki.foreignRoot.certificate], certificates: [] }, pki.foreignSigner);
    const text = `${JSON.stringify({ trustLists: [{ token: foreignSigned, pinnedRootPem: pki.root.certificatePem }] })}\n`;
    await writeFile(path.join(forged, manifest.trustLists.file), text);
    manifest.trustLists.sha256 = createHash('sha256').update(text).digest('hex');
    await writeFile(path.join(forged, 'manifest.json'), JSON.stringify(manifest));
    const store = await loadOfflineStore(forged, { now: () => pki.now });
    expect(store.rejected.map((r) => r.kind)).toEqual(['TRUST_LIST', 'STATUS_LIST']);
    expect((await verifyLicenseToken(licence, { ...store, at: pki.now })).verdict).toBe('UNTRUSTED');
  });

  it('refuses a data file that does not match the manifest (OFFLINE_STORE_CORRUPT)', async () => {
    const tampered = freshDir();
    await writeOfflineStore(tampered, content, { now: () => pki.now });
    const file = (await readdir(tampered)).find((f) => f.startsWith('status-lists.')) as string;
    await writeFile(path.join(tampered, file), '{"statusLists":[]}\n');
    const e = await rejection(loadOfflineStore(tampered));
    expect(e).toBeInstanceOf(OfflineStoreError);
    expect(e).toMatchObject({ details: { reason: 'OFFLINE_STORE_CORRUPT' } });
  });

  it('refuses a manifest that names a file outside the store', async () => {
    const escaped = freshDir();
    await writeOfflineStore(escaped, content, { now: () => pki.now });
    const manifest = JSON.parse(await readFile(path.join(escaped, 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
    (manifest.trustLists as { file: string }).file = '../../etc/passwd';
    await writeFile(path.join(escaped, 'manifest.json'), JSON.stringify(manifest));
    expect(await rejection(loadOfflineStore(escaped))).toMatchObject({ details: { reason: 'OFFLINE_STORE_CORRUPT' } });
  });

  it('reports a missing store as OFFLINE_STORE_MISSING', async () => {
    const e = await rejection(loadOfflineStore(path.join(base, 'never-synced')));
    expect(e).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'OFFLINE_STORE_MISSING' } });
  });
});
