import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';
import { deepFreeze } from './util/deep-freeze.js';

/** Names of the subgraphs, in composition order. */
export const SUBGRAPH_NAMES = ['population', 'legal-entity', 'license', 'sharing'] as const;
/** One subgraph's name. */
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** How the hub is deployed. */
export type DeploymentMode = 'embedded' | 'distributed';

/** Validated, frozen configuration. Built only by {@link loadConfig} (or by tests). */
export interface Config {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly mode: DeploymentMode;
  readonly host: string;
  /** Gateway port (0 = any free port). */
  readonly port: number;
  /** Unset = embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Where the embedded database and development keys live. */
  readonly dataDir: string;
  readonly migrateOnStart: boolean;
  /** Seed a small demo data set when the directory is empty. */
  readonly seedDemoData: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** Public key (JWK or SPKI PEM) that every hop verifies bearer tokens with. */
    readonly publicKeyPath: string;
    /** Private key used to mint tokens; only the token issuer needs it. */
    readonly privateKeyPath: string;
  };
  /** Subgraph URLs the gateway calls in distributed mode. */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string | undefined>>;
  /** A JSON file of pilot-era credit codes accepted despite a wrong check character. */
  readonly creditCodeAllowListPath: string | undefined;
  /** Requests one department (or one anonymous address) may make per minute. */
  readonly rateLimitPerMinute: number;
  /** A request still running after this long is cut off. */
  readonly requestTimeoutMs: number;
  readonly licensing: {
    /** This hub's id in trust lists, e.g. `hub:beijing`. */
    readonly hubId: string;
    /** Where the root CA, the trust-list signer and department signing keys are (see certs/README.md). */
    readonly certsDir: string;
    /** The base URL other hubs and windows reach this one at; status-list URIs in licences start with it. */
    readonly publicUrl: string;
  };
}

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  ONEWINDOW_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().url().optional(),
  ONEWINDOW_DATA_DIR: z.string().min(1).default('.data'),
  MIGRATE_ON_START: boolish.optional(),
  SEED_DEMO_DATA: boolish.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  AUTH_ISSUER: z.string().min(1).default('urn:onewindow:hub'),
  AUTH_AUDIENCE: z.string().min(1).default('urn:onewindow:api'),
  AUTH_PUBLIC_KEY_PATH: z.string().min(1).optional(),
  AUTH_PRIVATE_KEY_PATH: z.string().min(1).optional(),
  POPULATION_URL: z.string().url().optional(),
  LEGAL_ENTITY_URL: z.string().url().optional(),
  LICENSE_URL: z.string().url().optional(),
  SHARING_URL: z.string().url().optional(),
  CREDIT_CODE_ALLOWLIST_PATH: z.string().min(1).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  HUB_ID: z.string().regex(/^[\w:.-]{1,100}$/).default('hub:local'),
  CERTS_DIR: z.string().min(1).default('certs'),
  PUBLIC_URL: z.string().url().optional(),
});

/**
 * Reads and validates `process.env` (or the given map) once. This is the only
 * place in the code base that reads the environment.
 *
 * @throws AppError BAD_USER_INPUT naming every invalid variable.
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as shells and CI files often write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('BAD_USER_INPUT', `Invalid configuration: ${problems}`, { reason: 'CONFIG' });
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ONEWINDOW_DATA_DIR);
  const config: Config = {
    nodeEnv: e.NODE_ENV,
    mode: e.ONEWINDOW_MODE,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    migrateOnStart: e.MIGRATE_ON_START ?? true,
    seedDemoData: e.SEED_DEMO_DATA ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      publicKeyPath: e.AUTH_PUBLIC_KEY_PATH ?? path.join(dataDir, 'keys', 'auth-public.jwk.json'),
      privateKeyPath: e.AUTH_PRIVATE_KEY_PATH ?? path.join(dataDir, 'keys', 'auth-private.jwk.json'),
    },
    subgraphUrls: {
      population: e.POPULATION_URL,
      'legal-entity': e.LEGAL_ENTITY_URL,
      license: e.LICENSE_URL,
      sharing: e.SHARING_URL,
    },
    creditCodeAllowListPath: e.CREDIT_CODE_ALLOWLIST_PATH,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    licensing: {
      hubId: e.HUB_ID,
      certsDir: path.resolve(e.CERTS_DIR),
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT || 4000}`).replace(/\/$/, ''),
    },
  };
  if (config.nodeEnv === 'production' && !e.AUTH_PUBLIC_KEY_PATH) {
    throw new AppError('BAD_USER_INPUT', 'Invalid configuration: AUTH_PUBLIC_KEY_PATH is required in production', { reason: 'CONFIG' });
  }
  return deepFreeze(config);
}
