/**
 * Throwaway key material for one fault script: token keys and a PKI (hub
 * root, trust-list signer, one issuing certificate per demo department) in a
 * temporary folder, the environment every hub or subgraph process of the
 * script runs with, and a token minter.
 *
 * Making the PKI costs a few seconds (RSA keys). `run-all.ts` makes it once
 * into `FAULTS_FIXTURE_DIR`, and each script reuses it from there.
 */
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevKeyPair, loadPrivateKey } from '../../src/auth/keys.js';
import type { Role } from '../../src/auth/principal.js';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig, type Config } from '../../src/config.js';
import { initCerts } from '../../src/pki/keyring.js';
import { DEPARTMENTS } from '../../src/seed/catalogue.js';

/** What {@link prepareMaterial} makes. */
export interface FaultMaterial {
  /** A folder of this script's own (databases, logs); removed by `close()` unless FAULTS_KEEP=1. */
  readonly workDir: string;
  /** The environment of every OneWindow process the script starts (add DATABASE_URL, PORT…). */
  readonly env: Readonly<Record<string, string>>;
  readonly config: Config;
  /** A bearer token (without `Bearer `), valid for 3 hours. */
  token(request: { role?: Role; department: string; purpose?: string; subject?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Keys, certificates and environment for one fault script. */
export async function prepareMaterial(name: string): Promise<FaultMaterial> {
  const shared = process.env.FAULTS_FIXTURE_DIR;
  const keyDir = shared ?? (await mkdtemp(path.join(tmpdir(), `onewindow-faults-${name}-keys-`)));
  await ensureKeysAndCerts(keyDir);
  const workDir = await mkdtemp(path.join(tmpdir(), `onewindow-faults-${name}-`));
  process.stdout.write(`  · work folder ${workDir} (process logs; kept when FAULTS_KEEP=1)\n`);
  const env: Record<string, string> = {
    // `test`: development conveniences (seeding, dev keys) without development's unmasked internal errors.
    // FAULTS_NODE_ENV=development shows the message of masked errors (to diagnose a failure).
    NODE_ENV: process.env.FAULTS_NODE_ENV === 'development' ? 'development' : 'test',
    HOST: '127.0.0.1',
    ONEWINDOW_DATA_DIR: workDir,
    AUTH_PUBLIC_KEY_PATH: path.join(keyDir, 'auth-public.jwk.json'),
    AUTH_PRIVATE_KEY_PATH: path.join(keyDir, 'auth-private.jwk.json'),
    CERTS_DIR: path.join(keyDir, 'certs'),
    LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
    // Load from one client address: the per-department limit must not be what a fault script measures.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const config = loadConfig(env);
  const key = await loadPrivateKey(config.auth.privateKeyPath);
  return {
    workDir,
    env,
    config,
    token: ({ role = 'DEPARTMENT_SYSTEM', department, purpose, subject }) =>
      mintToken(key, config.auth, { subject: subject ?? `faults:${department}`, role, department, ...(purpose ? { purpose } : {}), ttlSeconds: 3 * 3600 }),
    async close() {
      if (process.env.FAULTS_KEEP !== '1') await rm(workDir, { recursive: true, force: true });
      if (!shared) await rm(keyDir, { recursive: true, force: true });
    },
  };
}

/** Makes token keys and the PKI in `dir` unless a previous call finished making them there. */
export async function ensureKeysAndCerts(dir: string): Promise<void> {
  const ready = path.join(dir, 'ready');
  if (await access(ready).then(() => true, () => false)) return;
  await ensureDevKeyPair(path.join(dir, 'auth-public.jwk.json'), path.join(dir, 'auth-private.jwk.json'));
  await initCerts(path.join(dir, 'certs'), { hubName: 'OneWindow Faults Hub', departments: Object.values(DEPARTMENTS), rootModulusLength: 2048 });
  await writeFile(ready, new Date().toISOString());
}
