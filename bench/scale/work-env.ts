/**
 * The throwaway material the scale benchmark's hubs run with: token keys and
 * a PKI in a temporary folder, a validated config, and one bearer token of
 * the consumer department whose grants every database gets.
 *
 * Nothing here is measured.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPrivateKey } from '../../src/auth/keys.js';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig, type Config } from '../../src/config.js';
import { loadKeyring } from '../../src/pki/keyring.js';
import { BENCH_CONSUMER, BENCH_PURPOSE, benchEnvVars, makeKeysAndCerts } from '../lib/env.js';

/** The consumer department every lookup acts for, and the purpose its grants are bound to (those of bench/lib/env.ts). */
export const SCALE_CONSUMER = BENCH_CONSUMER;
export const SCALE_PURPOSE = BENCH_PURPOSE;

/** What {@link prepareWorkEnv} builds. */
export interface WorkEnv {
  readonly workDir: string;
  readonly config: Config;
  /** `Bearer …` of a DEPARTMENT_SYSTEM token of {@link SCALE_CONSUMER} for {@link SCALE_PURPOSE}. */
  readonly authorization: string;
  /** The key `createApp`'s AuditWriter signs checkpoints with (the hub's trust-list signer), and its public half. */
  readonly auditSigner: { readonly privateKey: KeyObject; readonly kid: string };
  readonly auditPublicKey: KeyObject;
  /** Removes the folder (and with it any PGlite data directory inside it). */
  close(): Promise<void>;
}

/** Builds keys, certificates, config and a token in a fresh temporary folder (~5 s: 16 RSA keys). */
export async function prepareWorkEnv(): Promise<WorkEnv> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'onewindow-scale-'));
  try {
    const env: Record<string, string> = {
      ...benchEnvVars(workDir),
      // Thousands of lookups a minute from one address: the per-client limit must not shape latency.
      RATE_LIMIT_PER_MINUTE: '100000000',
    };
    await makeKeysAndCerts(env);
    const config = loadConfig(env);
    const keyring = await loadKeyring(config.licensing.certsDir);
    if (!keyring) throw new Error(`no keyring in ${config.licensing.certsDir}`);
    const token = await mintToken(await loadPrivateKey(config.auth.privateKeyPath), config.auth, {
      subject: 'scale-bench', role: 'DEPARTMENT_SYSTEM', department: SCALE_CONSUMER, purpose: SCALE_PURPOSE, ttlSeconds: 6 * 3600,
    });
    const privateKey = keyring.trustListSigner.privateKey;
    return {
      workDir,
      config,
      authorization: `Bearer ${token}`,
      auditSigner: { privateKey, kid: keyring.trustListSigner.chain[0]!.kid },
      auditPublicKey: createPublicKey(privateKey),
      close: () => rm(workDir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
