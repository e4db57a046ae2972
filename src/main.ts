/**
 * The `onewindow` command line, and the only module with side effects: it
 * reads the environment and arguments, starts what was asked, and stops it on
 * SIGINT/SIGTERM after draining in-flight requests.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseTarget } from './app.js';
import { certsInit } from './cli/certs.js';
import { composeCommand } from './cli/compose.js';
import { trustSync } from './cli/trust.js';
import { verifyCommand } from './cli/verify.js';
import { processIo } from './cli/io.js';
import { seedCommand } from './cli/seed.js';
import { startDistributed, startEmbedded, startGateway, startSubgraph, type Running } from './cli/start.js';
import { tokenCommand } from './cli/token.js';
import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from './config.js';
import { createMigration } from './db/create-migration.js';
import { openDatabase } from './db/database.js';
import { AppError, isAppError } from './errors.js';
import { AuditWriter } from './access/enforcement/audit-writer.js';
import { verifyAuditTrail } from './access/enforcement/audit-trail.js';
import { loadKeyring } from './pki/keyring.js';

const USAGE = `Usage: onewindow <command> [options]

  start [--mode embedded|distributed]   run the hub (demo data on first run)
  subgraph <name>                       run one subgraph (${SUBGRAPH_NAMES.join(', ')})
  gateway                               run the gateway alone (distributed mode)
  migrate                               apply database migrations
  seed [--persons N] [--seed S]         load deterministic synthetic data
  token [--role R] [--department CODE] [--subject S] [--purpose P] [--ttl SECONDS]
                                        mint a development token (not in production)
  compose [--check]                     write (or check) schema/supergraph.graphql
  certs init                            make the root CA and department signing certificates
  trust sync --hub URL [--root PEM] [--dir D]
                                        cache a hub's trust list and status lists for offline use
  verify <file|-> [--offline] [--hub URL] [--holder ID] [--dir D]
                                        verify an e-licence, QR or copy token (exit 0 only if VALID)
  audit verify | audit checkpoint       check the audit trail's hash chain and checkpoints / sign one now
  db migration:create                   generate a migration from entity changes

Configuration comes from the environment: DATABASE_URL (unset = embedded PGlite),
PORT, HOST, ONEWINDOW_MODE, ONEWINDOW_DATA_DIR, LOG_LEVEL, AUTH_* and <SUBGRAPH>_URL.`;

function stopOnSignals(running: Running): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    processIo.err(`${signal}: draining in-flight requests…`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        processIo.err(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: signal-exit (used by dependencies) re-raises a signal once no other listener remains.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      mode: { type: 'string' }, check: { type: 'boolean' }, persons: { type: 'string' }, seed: { type: 'string' },
      role: { type: 'string' }, department: { type: 'string' }, subject: { type: 'string' }, purpose: { type: 'string' }, ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      offline: { type: 'boolean' }, hub: { type: 'string' }, root: { type: 'string' }, dir: { type: 'string' }, holder: { type: 'string' },
    },
  });
  if (!command || values.help || command === 'help') {
    processIo.out(USAGE);
    return command ? 0 : 1;
  }
  const env = { ...process.env, ...(values.mode ? { ONEWINDOW_MODE: values.mode } : {}) };
  const config = loadConfig(env);
  switch (command) {
    case 'start':
      stopOnSignals(config.mode === 'distributed' ? await startDistributed(config, processIo, env) : await startEmbedded(config, processIo));
      return -1;
    case 'subgraph': {
      const name = positionals[0] as SubgraphName;
      if (!SUBGRAPH_NAMES.includes(name)) {
        processIo.err(`subgraph: name must be one of ${SUBGRAPH_NAMES.join(', ')}`);
        return 2;
      }
      stopOnSignals(await startSubgraph(config, name, processIo));
      return -1;
    }
    case 'gateway':
      stopOnSignals(await startGateway(config, processIo));
      return -1;
    case 'migrate': {
      const db = await openDatabase(databaseTarget(config));
      try {
        const applied = await db.migrate();
        processIo.out(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'seed':
      await seedCommand(config, values, processIo);
      return 0;
    case 'token':
      processIo.out(await tokenCommand(config, values));
      return 0;
    case 'compose':
      processIo.out(await composeCommand({ check: values.check ?? false }));
      return 0;
    case 'certs': {
      if (positionals[0] !== 'init') {
        processIo.err(USAGE);
        return 2;
      }
      const db = await openDatabase(databaseTarget(config));
      try {
        await db.migrate();
        const created = await certsInit(db, config.licensing.certsDir, config.licensing.hubId);
        processIo.out(created.length ? `created ${created.length} certificates in ${config.licensing.certsDir}` : `${config.licensing.certsDir} already holds every certificate`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'trust':
      if (positionals[0] !== 'sync') {
        processIo.err(USAGE);
        return 2;
      }
      await trustSync({ hub: values.hub, root: values.root, dir: values.dir ?? path.join(config.dataDir, 'trust-cache') }, processIo);
      return 0;
    case 'verify': {
      const result = await verifyCommand({ source: positionals[0], offline: values.offline ?? false, dir: values.dir ?? path.join(config.dataDir, 'trust-cache'), hub: values.hub ?? config.licensing.publicUrl, holder: values.holder });
      processIo.out(JSON.stringify(result, null, 2));
      return result.verdict === 'VALID' ? 0 : 1;
    }
    case 'audit': {
      const keyring = await loadKeyring(config.licensing.certsDir);
      if (!keyring) throw new AppError('BAD_USER_INPUT', `No hub keys in ${config.licensing.certsDir}: audit checkpoints cannot be signed or checked`, { reason: 'CONFIG' });
      const db = await openDatabase(databaseTarget(config));
      try {
        if (positionals[0] === 'checkpoint') {
          const seq = await new AuditWriter({ privateKey: keyring.trustListSigner.privateKey, kid: keyring.trustListSigner.chain[0]!.kid }).checkpoint(db.fork());
          processIo.out(seq ? `checkpoint at seq ${seq}` : 'the audit trail is empty');
          return 0;
        }
        const result = await verifyAuditTrail(db, keyring.trustListSigner.chain[0]!.publicKey);
        processIo.out(JSON.stringify(result, null, 2));
        return result.ok ? 0 : 1;
      } finally {
        await db.close();
      }
    }
    case 'db':
      if (positionals[0] === 'migration:create') {
        const file = await createMigration('src/db/migrations');
        processIo.out(file ? `created src/db/migrations/${file}` : 'no changes: no migration created');
        return 0;
      }
      processIo.err(USAGE);
      return 2;
    default:
      processIo.err(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    // Expected errors say what is wrong in one line; anything else is a bug and shows its stack.
    if (isAppError(error)) processIo.err(`onewindow: ${error.message}`);
    else processIo.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = isAppError(error) && error.code === 'BAD_USER_INPUT' ? 2 : 1;
  },
);
