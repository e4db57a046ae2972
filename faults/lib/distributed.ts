/**
 * The distributed layout, started the way an operator would: four
 * `onewindow subgraph <name>` processes and one `onewindow gateway` process,
 * each on its own port, over one database. The database is this script's
 * in-memory PGlite served over the PostgreSQL protocol (what
 * `onewindow start --mode distributed` does without DATABASE_URL).
 */
import { SUBGRAPH_NAMES, type SubgraphName } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { servePglite } from '../../src/db/pglite-server.js';
import { envName } from '../../src/gateway/create-gateway.js';
import { freePort } from '../../src/net/free-port.js';
import type { FaultMaterial } from './material.js';
import { startOneWindow, type OneWindowProcess } from './processes.js';
import { onCleanup } from './report.js';

/** A running distributed deployment. */
export interface Distributed {
  readonly gateway: OneWindowProcess;
  /** The current process of each subgraph (replaced by {@link Distributed.restart}). */
  readonly subgraphs: Map<SubgraphName, OneWindowProcess>;
  /** Starts `name` again on its own port; resolves once it is ready. */
  restart(name: SubgraphName): Promise<OneWindowProcess>;
}

/** Serves `db` and starts the subgraph processes and the gateway; everything is stopped at cleanup. */
export async function startDistributed(db: Database, material: FaultMaterial): Promise<Distributed> {
  const server = await servePglite(db.pglite!);
  onCleanup(() => server.stop());
  const env = { ...material.env, DATABASE_URL: server.url, MIGRATE_ON_START: 'false', SEED_DEMO_DATA: 'false' };
  const ports = new Map<SubgraphName, number>();
  const subgraphs = new Map<SubgraphName, OneWindowProcess>();
  const all: OneWindowProcess[] = [];
  onCleanup(() => Promise.all(all.map((p) => p.stop(5_000))).then(() => undefined));
  const start = async (name: SubgraphName, generation: number) => {
    const p = await startOneWindow({ name: generation ? `${name}-${generation + 1}` : name, args: ['subgraph', name], env, port: ports.get(name)!, logDir: material.workDir });
    all.push(p);
    subgraphs.set(name, p);
    return p;
  };
  for (const name of SUBGRAPH_NAMES) ports.set(name, await freePort());
  await Promise.all(SUBGRAPH_NAMES.map((name) => start(name, 0)));
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [envName(name), `${subgraphs.get(name)!.baseUrl}/graphql`]));
  const gateway = await startOneWindow({ name: 'gateway', args: ['gateway'], env: { ...material.env, ...urls }, port: await freePort(), logDir: material.workDir });
  all.push(gateway);
  let generations = 0;
  return { gateway, subgraphs, restart: (name) => start(name, ++generations) };
}
