/**
 * Fault: SIGTERM while requests are in flight.
 *
 * For each mode (`onewindow start`, then `onewindow start --mode distributed`)
 * the hub runs as a child process over an embedded database. Several slow
 * requests (500 persons each, nested through every subgraph) are sent at
 * once; SIGTERM follows while they run.
 *
 * Asserts:
 * - every request in flight at SIGTERM completes: HTTP 200, complete data, no errors;
 * - new connections are refused once draining has begun;
 * - the process exits 0 within a bound.
 *
 * Usage: `npx tsx faults/sigterm-drain.ts [--mode embedded|distributed]`
 * (both modes by default; about 30 s on 2 cores).
 */
import { connect } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.js';
import { loadDemoDirectory, READER } from './lib/directory.js';
import { send, type Answer } from './lib/load.js';
import { prepareMaterial, type FaultMaterial } from './lib/material.js';
import { startOneWindow } from './lib/processes.js';
import { freePortBlock } from './lib/ports.js';
import { onCleanup, runFaultScript, type Verdict } from './lib/report.js';

/** Requests in flight when SIGTERM arrives. */
const IN_FLIGHT = 6;
/** Persons per request: enough to make each request take a while. */
const PERSONS_PER_REQUEST = 500;
/** New connections must be refused within this long after SIGTERM. */
const REFUSE_BOUND_MS = 5_000;
/** The process must have exited this long after SIGTERM. */
const EXIT_BOUND_MS = 30_000;

const MANY_PERSONS = /* GraphQL */ `
  query Many($ids: [IdNumber!]!) {
    persons(idNumbers: $ids) {
      idNumber name birthDate
      licenses { licenseId status type { name } }
      representedEntities { creditCode name legalRepresentative { idNumber name } licenses { licenseId } }
    }
  }
`;

const { values } = parseArgs({ options: { mode: { type: 'string' } } });
const modes = values.mode ? [values.mode] : ['embedded', 'distributed'];
if (modes.some((m) => m !== 'embedded' && m !== 'distributed')) {
  process.stderr.write('usage: sigterm-drain.ts [--mode embedded|distributed]\n');
  process.exit(2);
}

await runFaultScript('sigterm-drain', async (v) => {
  const material = await prepareMaterial('sigterm-drain');
  onCleanup(() => material.close());

  v.step('loading the demo directory into an embedded database on disk');
  const db = await openDatabase({ kind: 'pglite-dir', dataDir: path.join(material.workDir, 'pglite') });
  let ids: string[];
  try {
    await loadDemoDirectory(db, material.config);
    ids = (await db.orm.em.getConnection().execute<Array<{ id: string }>>('select id_number as id from population.person order by id_number')).map((r: { id: string }) => r.id);
  } finally {
    await db.close();
  }
  const token = await material.token(READER);

  for (const mode of modes) await drainOnce(v, material, mode as 'embedded' | 'distributed', ids, token);
});

async function drainOnce(v: Verdict, material: FaultMaterial, mode: 'embedded' | 'distributed', ids: readonly string[], token: string): Promise<void> {
  v.step(`[${mode}] starting \`onewindow start${mode === 'distributed' ? ' --mode distributed' : ''}\``);
  // Distributed mode puts the subgraphs on the four ports after the gateway's.
  const port = await freePortBlock(mode === 'distributed' ? 5 : 1);
  const hub = await startOneWindow({
    name: `hub-${mode}`,
    args: mode === 'distributed' ? ['start', '--mode', 'distributed'] : ['start'],
    env: { ...material.env, SEED_DEMO_DATA: 'false' },
    port,
    logDir: material.workDir,
  });
  onCleanup(() => hub.stop(5_000));
  const url = `${hub.baseUrl}/graphql`;
  const batch = (i: number) => Array.from({ length: PERSONS_PER_REQUEST }, (_, k) => ids[(i * 97 + k) % ids.length]!);
  const manyPersons = (i: number) => ({ label: 'persons', query: MANY_PERSONS, variables: { ids: batch(i) }, token });
  const complete = (a: Answer) => {
    const persons = a.data?.persons as Array<{ name?: string } | null> | undefined;
    return a.status === 200 && a.errors.length === 0 && persons?.length === PERSONS_PER_REQUEST && persons.every((p) => Boolean(p?.name));
  };

  const warm = await send(url, manyPersons(0), { timeoutMs: 60_000 });
  v.check(complete(warm), `[${mode}] one request of ${PERSONS_PER_REQUEST} persons answers in full (${warm.ms} ms)`, JSON.stringify(warm.errors).slice(0, 300));

  const inFlight = Array.from({ length: IN_FLIGHT }, (_, i) => send(url, manyPersons(i + 1), { phase: 'in-flight', timeoutMs: 120_000 }));
  // Long enough for the hub to have accepted every connection, short of the first answer.
  await sleep(Math.min(300, Math.max(100, warm.ms / 2)));
  const sigtermAt = Date.now();
  hub.signal('SIGTERM');
  v.step(`[${mode}] SIGTERM with ${IN_FLIGHT} requests in flight`);

  // Try new connections until one is refused: the listener must close promptly, while the in-flight requests still run.
  let pending = IN_FLIGHT;
  for (const p of inFlight) void p.then(() => (pending -= 1));
  let probe = 'accepted';
  let refusedAt = 0;
  let pendingWhenRefused = 0;
  let aliveWhenRefused = false;
  while (Date.now() - sigtermAt < REFUSE_BOUND_MS) {
    probe = await tryConnect(port);
    if (probe !== 'accepted') {
      refusedAt = Date.now();
      pendingWhenRefused = pending;
      aliveWhenRefused = hub.alive();
      break;
    }
    await sleep(10);
  }
  const probeHttp = await send(`${hub.baseUrl}/graphql`, manyPersons(0), { timeoutMs: 5_000 });
  const answers = await Promise.all(inFlight);
  const exit = await Promise.race([hub.exited, sleep(EXIT_BOUND_MS).then(() => 'still running')]);
  const exitedAfterMs = Date.now() - sigtermAt;

  const endedAfterSigterm = answers.filter((a) => a.sentAt + a.ms > sigtermAt).length;
  v.note(`[${mode}] in flight: ${answers.map((a) => `${a.status}/${a.kind}/${a.ms}ms`).join(' ')}; ${endedAfterSigterm} of ${IN_FLIGHT} ended after SIGTERM`);
  v.check(endedAfterSigterm >= IN_FLIGHT / 2, `[${mode}] the requests were really in flight: ${endedAfterSigterm} of ${IN_FLIGHT} answered after SIGTERM`);
  v.check(answers.every(complete), `[${mode}] every in-flight request completed with HTTP 200 and all ${PERSONS_PER_REQUEST} persons, no errors`, answers.filter((a) => !complete(a)).map((a) => `${a.status} ${a.transportError ?? ''} ${JSON.stringify(a.errors).slice(0, 200)}`).join('; '));
  v.check(probe === 'refused', `[${mode}] new connections are refused ${refusedAt ? refusedAt - sigtermAt : '?'} ms after SIGTERM (bound ${REFUSE_BOUND_MS} ms); a request sent then gets ${probeHttp.transportError ?? `HTTP ${probeHttp.status}`}`, probe);
  v.check(aliveWhenRefused, `[${mode}] the listener closed before the process exited, while draining (${pendingWhenRefused} of ${IN_FLIGHT} requests still in flight then)`);
  v.check(exit === 0, `[${mode}] the process exits 0 (got ${exit}) ${exitedAfterMs} ms after SIGTERM (bound ${EXIT_BOUND_MS} ms)`);
}

/** Opens a raw TCP connection: `refused`, or `accepted` when something still listens. */
function tryConnect(port: number): Promise<'refused' | 'accepted' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? 'refused' : String(e.code ?? e.message)));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
