import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, importSPKI, type CryptoKey, type JWK } from 'jose';
import { AppError } from '../errors.js';

/**
 * The one algorithm bearer tokens are signed with. Pinned: verification refuses
 * every other `alg`, including `none` and HMAC with a public key as secret.
 */
export const TOKEN_ALG = 'EdDSA';

async function readKeyFile(file: string, kind: 'public' | 'private'): Promise<CryptoKey> {
  const text = await readFile(file, 'utf8');
  if (text.trimStart().startsWith('{')) {
    const jwk = JSON.parse(text) as JWK;
    return (await importJWK(jwk, TOKEN_ALG)) as CryptoKey;
  }
  if (kind === 'public') return importSPKI(text, TOKEN_ALG);
  throw new AppError('BAD_USER_INPUT', `${file}: private token keys must be JWK files`, { reason: 'CONFIG' });
}

/** Loads the public key every hop verifies tokens with. */
export async function loadPublicKey(file: string): Promise<CryptoKey> {
  try {
    return await readKeyFile(file, 'public');
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('BAD_USER_INPUT', `Cannot read the token public key at ${file}`, { reason: 'CONFIG' }, { cause });
  }
}

/** Loads the private key that mints tokens. */
export async function loadPrivateKey(file: string): Promise<CryptoKey> {
  try {
    return await readKeyFile(file, 'private');
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('BAD_USER_INPUT', `Cannot read the token private key at ${file}`, { reason: 'CONFIG' }, { cause });
  }
}

/**
 * Makes a development key pair at the given paths unless both exist. Used by
 * `npm start` on a fresh clone so a newcomer can mint tokens at once; production
 * deployments provide their own keys (see certs/README.md).
 */
export async function ensureDevKeyPair(publicKeyPath: string, privateKeyPath: string): Promise<boolean> {
  try {
    await Promise.all([readFile(publicKeyPath), readFile(privateKeyPath)]);
    return false;
  } catch {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { crv: 'Ed25519', extractable: true });
    await mkdir(path.dirname(publicKeyPath), { recursive: true });
    await mkdir(path.dirname(privateKeyPath), { recursive: true });
    await writeFile(publicKeyPath, JSON.stringify({ ...(await exportJWK(publicKey)), alg: TOKEN_ALG, use: 'sig' }, null, 2));
    await writeFile(privateKeyPath, JSON.stringify({ ...(await exportJWK(privateKey)), alg: TOKEN_ALG, use: 'sig' }, null, 2), {
      mode: 0o600,
    });
    return true;
  }
}
