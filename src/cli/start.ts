import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, databaseTarget, type App } from '../app.js';
import { ensureDevKeyPair } from '../auth/keys.js';
import { SUBGRAPH_NAMES, type Config, type SubgraphName } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { servePglite, type PgliteServer } from '../db/pglite-server.js';
import { UnavailableError } from '../errors.js';
import { createLogger } from '../logging.js';
import { DEMO_CONSUMER } from '../seed/demo-grants.js';
import { banner } from './banner.js';
import { certsInit } from './certs.js';
import type { CliIo } from './io.js';
import { prepareDatabase, sampleIdNumber } from './prepare-database.js';
import { tokenCommand } from './token.js';

/** Something `main.ts` stops on SIGINT/SIGTERM. */
export interface Running {
  close(): Promise<void>;
}

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/onewindow.js');

async function devToken(config: Config): Promise<string | undefined> {
  if (config.nodeEnv === 'production') return undefined;
  return tokenCommand(config, { role: 'DEPARTMENT_SYSTEM', department: DEMO_CONSUMER.department.code, purpose: DEMO_CONSUMER.purpose });
}

function describeDatabase(config: Config): string {
  return config.databaseUrl ? new URL(config.databaseUrl).host : `embedded PGlite in ${path.relative(process.cwd(), config.dataDir) || '.'}/pglite`;
}

/** Outside production, signing certificates for every registered department are made on start (see certs/README.md). */
async function devCertificates(config: Config, db: Database, logger: ReturnType<typeof createLogger>): Promise<void> {
  if (config.nodeEnv === 'production') return;
  const created = await certsInit(db, config.licensing.certsDir, config.licensing.hubId);
  if (created.length) logger.info({ certsDir: config.licensing.certsDir, created: created.length }, 'development signing certificates created');
}

/** `onewindow start`: the whole hub in one process (embedded mode), with demo data on first run. */
export async function startEmbedded(config: Config, io: CliIo): Promise<Running> {
  if (config.nodeEnv !== 'production') await ensureDevKeyPair(config.auth.publicKeyPath, config.auth.privateKeyPath);
  const logger = createLogger(config);
  const db = await openDatabase(databaseTarget(config));
  let app: App | undefined;
  try {
    await prepareDatabase(db, { migrate: config.migrateOnStart, seedDemo: config.seedDemoData, logger });
    await devCertificates(config, db, logger);
    app = await createApp(config, { kind: 'hub' }, { db, logger });
    // Everything the banner needs is made before listening: once the port answers, the
    // caller (main.ts) must be able to install its SIGTERM drain at once. An await after
    // listen() would leave a window where the hub is ready but a SIGTERM kills it undrained.
    const [token, sampleId] = [await devToken(config), await sampleIdNumber(db)];
    const url = await app.listen();
    io.out(banner({ url, mode: 'embedded', database: describeDatabase(config), token, department: `${DEMO_CONSUMER.department.name}, purpose ${DEMO_CONSUMER.purpose}`, sampleId }));
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
  const running = app;
  return {
    async close() {
      await running.close();
      await db.close();
    },
  };
}

/** `onewindow subgraph <name>`: one subgraph on its own port (distributed mode). */
export async function startSubgraph(config: Config, name: SubgraphName, io: CliIo): Promise<Running> {
  const app = await createApp(config, { kind: 'subgraph', name });
  const url = await app.listen();
  io.out(`${name} subgraph listening at ${url}/graphql`);
  return app;
}

/** `onewindow gateway`: the stateless gateway alone, calling subgraphs at the configured URLs. */
export async function startGateway(config: Config, io: CliIo): Promise<Running> {
  const app = await createApp(config, { kind: 'gateway' });
  const url = await app.listen();
  io.out(`gateway listening at ${url}/graphql`);
  return app;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new UnavailableError(`${url} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new UnavailableError(`${url} was not ready within ${timeoutMs} ms`);
}

/**
 * Spawns one process per subgraph on ports after the gateway's and waits for each to be ready.
 * The children share one database: the PostgreSQL server, or this process's PGlite served over the wire.
 */
export async function spawnSubgraphs(options: { databaseUrl: string; env: NodeJS.ProcessEnv; host: string; basePort: number; timeoutMs?: number }): Promise<{ urls: Record<SubgraphName, string>; stop(): Promise<void> }> {
  const children: ChildProcess[] = [];
  const urls = {} as Record<SubgraphName, string>;
  const stop = async () => {
    await Promise.all(children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    })));
  };
  try {
    await Promise.all(SUBGRAPH_NAMES.map(async (name, i) => {
      const port = options.basePort + i + 1;
      const child = spawn(process.execPath, [BIN, 'subgraph', name], {
        env: { ...options.env, DATABASE_URL: options.databaseUrl, PORT: String(port), HOST: options.host, MIGRATE_ON_START: 'false', SEED_DEMO_DATA: 'false' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      urls[name] = `http://${options.host}:${port}`;
      await waitReady(urls[name], child, options.timeoutMs ?? 30_000);
    }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: Object.fromEntries(Object.entries(urls).map(([k, v]) => [k, `${v}/graphql`])) as Record<SubgraphName, string>, stop };
}

/**
 * `onewindow start --mode distributed`: each subgraph in its own process, and
 * the gateway in this one. Without DATABASE_URL this process serves its
 * embedded PGlite to the subgraph processes over the PostgreSQL protocol.
 */
export async function startDistributed(config: Config, io: CliIo, env: NodeJS.ProcessEnv): Promise<Running> {
  if (config.nodeEnv !== 'production') await ensureDevKeyPair(config.auth.publicKeyPath, config.auth.privateKeyPath);
  const logger = createLogger(config);
  const db: Database = await openDatabase(databaseTarget(config));
  let pgServer: PgliteServer | undefined;
  let subgraphs: Awaited<ReturnType<typeof spawnSubgraphs>> | undefined;
  let gateway: App | undefined;
  const close = async () => {
    await gateway?.close();
    await subgraphs?.stop();
    await pgServer?.stop();
    await db.close();
  };
  try {
    await prepareDatabase(db, { migrate: config.migrateOnStart, seedDemo: config.seedDemoData, logger });
    await devCertificates(config, db, logger);
    const sampleId = await sampleIdNumber(db);
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      pgServer = await servePglite(db.pglite!);
      databaseUrl = pgServer.url;
    }
    subgraphs = await spawnSubgraphs({ databaseUrl, env, host: config.host, basePort: config.port || 4000 });
    gateway = await createApp({ ...config, subgraphUrls: subgraphs.urls }, { kind: 'gateway' }, { logger });
    // Made before listening, as in startEmbedded: nothing is awaited between listen() and the SIGTERM drain.
    const token = await devToken(config);
    const url = await gateway.listen();
    io.out(banner({ url, mode: 'distributed', database: describeDatabase(config), token, department: `${DEMO_CONSUMER.department.name}, purpose ${DEMO_CONSUMER.purpose}`, sampleId }));
    for (const [name, u] of Object.entries(subgraphs.urls)) io.out(`  subgraph ${name.padEnd(13)} ${u}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { close };
}
