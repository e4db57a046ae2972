import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { TOKEN_ALG } from './keys.js';
import { createTokenVerifier, mintToken } from './tokens.js';

const settings = { issuer: 'urn:test:hub', audience: 'urn:test:api' };

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ACCEPTED';
  } catch (error) {
    return error instanceof AppError ? `${error.code}/${String(error.details.reason)}` : 'NOT_APP_ERROR';
  }
}

describe('createTokenVerifier', () => {
  let privateKey: CryptoKey;
  let verify: ReturnType<typeof createTokenVerifier>;

  beforeAll(async () => {
    const pair = await generateKeyPair(TOKEN_ALG, { crv: 'Ed25519' });
    privateKey = pair.privateKey;
    verify = createTokenVerifier(pair.publicKey, settings);
  });

  it('turns a valid token into a principal', async () => {
    const token = await mintToken(privateKey, settings, { subject: 'sys', role: 'DEPARTMENT_SYSTEM', department: '111100000000000105', purpose: 'tax' });
    const principal = await verify(`Bearer ${token}`);
    expect(principal).toMatchObject({ subject: 'sys', role: 'DEPARTMENT_SYSTEM', department: '111100000000000105', purpose: 'tax' });
    expect(principal.tokenId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing header and a non-bearer header', async () => {
    expect(await reasonOf(verify(undefined))).toBe('UNAUTHENTICATED/MISSING_TOKEN');
    expect(await reasonOf(verify('Basic abc'))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
  });

  it('refuses expired tokens, another issuer and another audience', async () => {
    const expired = await new SignJWT({ role: 'CITIZEN' }).setProtectedHeader({ alg: TOKEN_ALG, typ: 'at+jwt' })
      .setIssuer(settings.issuer).setAudience(settings.audience).setSubject('x').setJti('j').setIssuedAt(1_000).setExpirationTime(2_000).sign(privateKey);
    expect(await reasonOf(verify(`Bearer ${expired}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
    const otherIssuer = await mintToken(privateKey, { ...settings, issuer: 'urn:evil' }, { subject: 'x', role: 'CITIZEN' });
    expect(await reasonOf(verify(`Bearer ${otherIssuer}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
    const otherAudience = await mintToken(privateKey, { ...settings, audience: 'urn:evil' }, { subject: 'x', role: 'CITIZEN' });
    expect(await reasonOf(verify(`Bearer ${otherAudience}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
  });

  it('refuses a token signed by another key, and an HS256 token', async () => {
    const other = await generateKeyPair(TOKEN_ALG, { crv: 'Ed25519' });
    const forged = await mintToken(other.privateKey, settings, { subject: 'x', role: 'ADMIN', department: '111100000000000105' });
    expect(await reasonOf(verify(`Bearer ${forged}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
    const hs = await new SignJWT({ role: 'ADMIN', dept: 'x' }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(settings.issuer).setAudience(settings.audience).setSubject('x').setJti('j').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode('secret-secret-secret-secret-1234'));
    expect(await reasonOf(verify(`Bearer ${hs}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
  });

  it('refuses an unknown role and a department role without a department', async () => {
    const unknown = await new SignJWT({ role: 'ROOT' }).setProtectedHeader({ alg: TOKEN_ALG, typ: 'at+jwt' })
      .setIssuer(settings.issuer).setAudience(settings.audience).setSubject('x').setJti('j').setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect(await reasonOf(verify(`Bearer ${unknown}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
    const noDept = await mintToken(privateKey, settings, { subject: 'x', role: 'OPERATOR' });
    expect(await reasonOf(verify(`Bearer ${noDept}`))).toBe('UNAUTHENTICATED/INVALID_TOKEN');
  });
});
