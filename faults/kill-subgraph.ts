/**
 * Fault: in distributed mode, a subgraph process is killed (SIGKILL) under
 * load, then started again on the same port.
 *
 * Asserts:
 * - during the outage every answer fails fast and carries an error with
 *   `extensions.code: SERVICE_UNAVAILABLE` and `extensions.serviceName` naming
 *   the killed subgraph (never INTERNAL_SERVER_ERROR, never a hang);
 * - a query whose fields from the killed subgraph are nullable is answered
 *   partially: all the data of the other subgraphs, null where the killed one
 *   would have answered;
 * - the same gateway process (no restart) answers in full again within a
 *   bound after the subgraph is back.
 *
 * Run: `npx tsx faults/kill-subgraph.ts` (about 35 s on 2 cores).
 */
import type { SubgraphName } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { startDistributed } from './lib/distributed.js';
import { checkNestedPerson, interestingPersons, loadDemoDirectory, NESTED_PERSON, READER } from './lib/directory.js';
import { formatSummary, startLoad, summarise, type Answer } from './lib/load.js';
import { prepareMaterial } from './lib/material.js';
import { onCleanup, runFaultScript } from './lib/report.js';

const KILLED: SubgraphName = 'license';
const CLIENTS = 4;
const BEFORE_MS = 4_000;
const OUTAGE_MS = 5_000;
const AFTER_MS = 4_000;
/** An answer during the outage slower than this did not fail fast. */
const FAIL_FAST_MS = 2_000;
/** The gateway must answer in full within this long after the subgraph is ready again. */
const RECOVERY_BOUND_MS = 5_000;

/**
 * The person part (population → legal-entity → population) plus one licence
 * (license) as a separate, nullable root field: with the license subgraph
 * down, everything but `license` can still be answered.
 */
const PERSON_AND_LICENCE = /* GraphQL */ `
  query PersonAndLicence($id: IdNumber!, $licenseId: LicenseId!) {
    person(idNumber: $id) { idNumber name representedEntities { creditCode name legalRepresentative { idNumber name } } }
    license(licenseId: $licenseId) { licenseId status holderName }
  }
`;

type PersonPart = { idNumber?: string; name?: string; representedEntities?: Array<{ legalRepresentative?: { idNumber?: string } | null }> } | null | undefined;

/** What is wrong with the person part of an answer, if anything. */
function checkPersonPart(person: PersonPart): string | undefined {
  if (!person?.name) return 'person or person.name missing';
  if (!person.representedEntities?.length) return 'representedEntities empty';
  if (person.representedEntities.some((e) => e.legalRepresentative?.idNumber !== person.idNumber)) return 'legalRepresentative is not the person';
  return undefined;
}

function namesKilled(a: Answer): boolean {
  return a.errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' && e.extensions?.serviceName === KILLED && e.message.includes(KILLED));
}

await runFaultScript('kill-subgraph', async (v) => {
  const material = await prepareMaterial('kill-subgraph');
  onCleanup(() => material.close());

  v.step('loading the demo directory (2,000 persons) into PGlite, served over the PostgreSQL protocol');
  const db = await openDatabase({ kind: 'pglite-memory' });
  onCleanup(() => db.close());
  await loadDemoDirectory(db, material.config);
  const ids = await interestingPersons(db, 40);
  const licences = await db.orm.em.getConnection().execute<Array<{ holder: string; id: string }>>(
    'select distinct on (holder_id) holder_id as holder, license_id as id from license.license where holder_id = any(string_to_array(?, \',\')) order by holder_id, license_id', [ids.join(',')],
  );
  const pairs = licences.map((l: { holder: string; id: string }) => ({ id: l.holder, licenseId: l.id }));
  if (pairs.length < 10) throw new Error(`only ${pairs.length} persons with licences and entities in the demo directory`);

  v.step('starting 4 subgraph processes and the gateway process');
  const hub = await startDistributed(db, material);
  const gatewayPid = hub.gateway.pid;
  v.note(`gateway pid ${gatewayPid} at ${hub.gateway.baseUrl}; ${KILLED} subgraph pid ${hub.subgraphs.get(KILLED)!.pid} at ${hub.subgraphs.get(KILLED)!.baseUrl}`);

  const token = await material.token(READER);
  const load = startLoad({
    url: `${hub.gateway.baseUrl}/graphql`,
    clients: CLIENTS,
    timeoutMs: 15_000,
    next: (client, n) => {
      const pair = pairs[(client * 7 + n) % pairs.length]!;
      return (client + n) % 2 === 0
        ? { label: 'nested', query: NESTED_PERSON, variables: { id: pair.id }, token }
        : { label: 'person+licence', query: PERSON_AND_LICENCE, variables: pair, token };
    },
    check: (label, data) => (label === 'nested' ? checkNestedPerson(data) : checkPersonPart(data.person as PersonPart) ?? (data.license ? undefined : 'license is null')),
  });
  onCleanup(() => load.stop());

  v.step(`steady load: ${CLIENTS} clients, nested person query and person + licence query`);
  await sleep(BEFORE_MS);

  v.step(`SIGKILL the ${KILLED} subgraph (pid ${hub.subgraphs.get(KILLED)!.pid})`);
  load.phase = 'killing';
  const victim = hub.subgraphs.get(KILLED)!;
  const killedAt = Date.now();
  victim.signal('SIGKILL');
  await victim.exited;
  load.phase = 'outage';
  await sleep(OUTAGE_MS);

  v.step(`starting the ${KILLED} subgraph again on the same port`);
  load.phase = 'restarting';
  const restartedAt = Date.now();
  const revived = await hub.restart(KILLED);
  const readyAt = Date.now();
  v.note(`${KILLED} subgraph ready again after ${readyAt - restartedAt} ms (new pid ${revived.pid})`);
  load.phase = 'after';
  await sleep(AFTER_MS);
  await load.stop();

  const answers = load.answers;
  for (const phase of ['before', 'killing', 'outage', 'restarting', 'after']) {
    for (const label of ['nested', 'person+licence']) {
      const summary = summarise(phase, answers, label);
      if (summary.total) v.note(formatSummary(summary));
    }
  }

  // Answers sent before the kill but still in flight when it came may be cut short: they must then name the service too.
  const before = answers.filter((a) => a.phase === 'before' && a.sentAt + a.ms < killedAt);
  v.check(before.length > 0 && before.every((a) => a.kind === 'ok'), `before the fault every answer is complete (${before.length} answers)`, firstProblem(before.filter((a) => a.kind !== 'ok')));
  const overlapping = answers.filter((a) => (a.phase === 'before' && a.sentAt + a.ms >= killedAt) || a.phase === 'killing' || (a.phase === 'restarting' && a.kind !== 'ok'));
  v.check(overlapping.every((a) => a.kind === 'ok' || namesKilled(a)), `answers in flight at the kill or during the restart are complete or name "${KILLED}" (${overlapping.length} answers)`, firstProblem(overlapping.filter((a) => a.kind !== 'ok' && !namesKilled(a))));

  const outage = answers.filter((a) => a.phase === 'outage');
  v.check(outage.length >= CLIENTS, `the outage was sampled (${outage.length} answers)`);
  v.check(outage.every(namesKilled), `every answer during the outage has a SERVICE_UNAVAILABLE error naming "${KILLED}" (message and extensions.serviceName)`, firstProblem(outage.filter((a) => !namesKilled(a))));
  const slowest = Math.max(0, ...answers.filter((a) => a.kind !== 'ok').map((a) => a.ms));
  v.check(slowest < FAIL_FAST_MS, `degraded answers come fast (slowest ${slowest} ms < ${FAIL_FAST_MS} ms)`);

  const partial = outage.filter((a) => a.label === 'person+licence');
  const partialOk = (a: Answer) => a.kind === 'partial' && a.data?.license === null && checkPersonPart(a.data?.person as PersonPart) === undefined;
  v.check(partial.length > 0 && partial.every(partialOk), 'the person + licence query is answered partially: the whole person (population, legal-entity) and license: null', firstProblem(partial.filter((a) => !partialOk(a))));

  const nested = outage.filter((a) => a.label === 'nested');
  // Fields served by another subgraph are nullable (schema/license.graphql): the licence lists come back
  // null and everything population and legal-entity serve comes back whole.
  const nestedOk = (a: Answer) => {
    const person = a.data?.person as { name?: string; idNumber?: string; licenses?: unknown; representedEntities?: Array<{ licenses?: unknown; legalRepresentative?: { idNumber?: string } | null }> } | null | undefined;
    return !!person?.name && person.licenses === null && !!person.representedEntities?.length
      && person.representedEntities.every((e) => e.licenses === null && e.legalRepresentative?.idNumber === person.idNumber);
  };
  v.check(nested.length > 0 && nested.every(nestedOk), `the nested query keeps what it has: the person and their entities with representatives, licence lists null (${nested.length} answers)`, firstProblem(nested.filter((a) => !nestedOk(a))));

  const everything = answers;
  const internal = everything.filter((a) => a.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR'));
  v.check(internal.length === 0, 'no answer at any time is INTERNAL_SERVER_ERROR or a bare DOWNSTREAM_SERVICE_ERROR', firstProblem(internal));
  const transport = everything.filter((a) => a.status === 0);
  v.check(transport.length === 0, 'the gateway answered every request (no refused connection, reset or time-out)', firstProblem(transport));
  const leaks = everything.filter((a) => a.errors.some((e) => JSON.stringify(e).includes('stacktrace') || / at .*\.[jt]s:\d+/.test(e.message)));
  v.check(leaks.length === 0, 'no error carries a stack trace', firstProblem(leaks));

  const after = answers.filter((a) => a.phase === 'after');
  const firstFull = ['nested', 'person+licence'].map((label) => after.find((a) => a.label === label && a.kind === 'ok'));
  const recovery = firstFull.every(Boolean) ? Math.max(...firstFull.map((a) => a!.sentAt + a!.ms - readyAt)) : Number.POSITIVE_INFINITY;
  v.note(`recovery: first complete answer of each query ${Number.isFinite(recovery) ? `${recovery} ms` : 'never'} after the subgraph was ready (${recovery + readyAt - restartedAt} ms after it was started again)`);
  v.check(recovery <= RECOVERY_BOUND_MS, `the gateway answers in full again within ${RECOVERY_BOUND_MS} ms of the subgraph being back`);
  const settled = after.filter((a) => a.sentAt >= readyAt + Math.max(0, recovery));
  v.check(settled.length > 0 && settled.every((a) => a.kind === 'ok'), `after recovery every answer is complete (${settled.length} answers)`, firstProblem(settled.filter((a) => a.kind !== 'ok')));
  v.check(hub.gateway.alive() && hub.gateway.pid === gatewayPid, `the same gateway process (pid ${gatewayPid}) served throughout: it was not restarted`);
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** One answer, briefly, for a failure message. */
function firstProblem(answers: readonly Answer[]): string | undefined {
  const a = answers[0];
  if (!a) return undefined;
  return `${answers.length} answer(s); first [${a.phase}/${a.label}] HTTP ${a.status} ${a.ms} ms ${a.transportError ?? ''}${a.checkFailure ?? ''} ${JSON.stringify(a.errors).slice(0, 300)} data=${JSON.stringify(a.data).slice(0, 200)}`;
}
