/**
 * Fault: the PostgreSQL server is stopped (`pg_ctl stop -m fast`) under load,
 * then started again, while the hub keeps running.
 *
 * Asserts:
 * - during the outage every request fails fast (< 2 s) with
 *   `extensions.code: SERVICE_UNAVAILABLE` — never INTERNAL_SERVER_ERROR,
 *   never a stack trace, never a hang — and `/readyz` says 503;
 * - the same hub process answers in full again, by itself, within a bound
 *   after the server is back;
 * - an issuance retried with its idempotency key across the fault (one sent
 *   as the server stops, one sent during the outage) issues exactly one
 *   licence per key, and a licence issued before the fault is returned
 *   again, not issued twice;
 * - no audit record is lost: every answer that returned personal data has
 *   audit records with its request id, and `onewindow audit verify` passes.
 *
 * Needs PostgreSQL server binaries (/usr/lib/postgresql/<v>/bin); it makes its
 * own private cluster on a free port and never touches another server.
 * Without them it fails, or prints `skipped: …` when FAULTS_ALLOW_SKIP=1.
 *
 * Run: `npx tsx faults/postgres-restart.ts` (about 20 s on 2 cores).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../src/net/free-port.js';
import { DEPARTMENTS, LICENSE_TYPES } from '../src/seed/catalogue.js';
import { checkNestedPerson, NESTED_PERSON, READER } from './lib/directory.js';
import { formatSummary, send, startLoad, summarise, type Answer } from './lib/load.js';
import { prepareMaterial } from './lib/material.js';
import { createPostgresCluster, postgresUnavailableReason } from './lib/postgres-cluster.js';
import { startOneWindow } from './lib/processes.js';
import { CannotRun, onCleanup, runFaultScript, type Verdict } from './lib/report.js';

const CLIENTS = 4;
const BEFORE_MS = 3_000;
const OUTAGE_MS = 4_000;
const AFTER_MS = 5_000;
/** A request during the outage slower than this did not fail fast. */
const FAIL_FAST_MS = 2_000;
/** The hub must answer in full within this long after the server accepts connections again. */
const RECOVERY_BOUND_MS = 10_000;
/** An issuance is retried for at most this long. */
const ISSUE_DEADLINE_MS = 60_000;

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/onewindow.js');

const ISSUE = /* GraphQL */ `
  mutation Issue($input: IssueLicenseInput!) { issueLicense(input: $input) { licenseId version status } }
`;

/** Every attempt of one idempotent issuance, retried until it succeeds. */
interface Issuance {
  readonly key: string;
  readonly holder: string;
  readonly attempts: Answer[];
  licenseId?: string;
}

await runFaultScript('postgres-restart', async (v) => {
  const why = await postgresUnavailableReason();
  if (why) throw new CannotRun(why);
  const material = await prepareMaterial('postgres-restart');
  onCleanup(() => material.close());

  v.step('making a private PostgreSQL cluster');
  const cluster = await createPostgresCluster({ database: 'onewindow' });
  onCleanup(() => cluster.destroy());
  v.note(`cluster at ${cluster.url} (log ${cluster.logFile})`);
  const sql = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  v.step('starting the hub (`onewindow start`: migrates and loads the demo directory on first start)');
  const hub = await startOneWindow({ name: 'hub', args: ['start'], env: { ...material.env, DATABASE_URL: cluster.url }, port: await freePort(), logDir: material.workDir });
  onCleanup(() => hub.stop(10_000));
  const hubPid = hub.pid;
  const url = `${hub.baseUrl}/graphql`;
  v.note(`hub pid ${hubPid} at ${hub.baseUrl}`);

  const ids = (await sql<{ id: string }>(
    `select distinct e.legal_representative as id from legal_entity.legal_entity e
      where exists (select 1 from license.license l where l.holder_id = e.legal_representative)
      order by 1 limit 40`,
  )).map((r) => r.id);
  const drivingType = LICENSE_TYPES.drivingLicense.code;
  const holders = (await sql<{ id: string }>(
    `select id_number as id from population.person p where life_status = 'ALIVE' and birth_date < '2000-01-01'
      and not exists (select 1 from license.license l where l.holder_id = p.id_number and l.type_code = $1)
      order by id_number limit 3`, [drivingType],
  )).map((r) => r.id);
  if (ids.length < 10 || holders.length < 3) throw new Error('the demo directory has too few persons to query');

  const reader = await material.token(READER);
  const traffic = await material.token({ department: DEPARTMENTS.bjTraffic.code });
  const runId = Date.now().toString(36);
  const issuance = (key: string, holder: string): Issuance => ({ key: `faults-${runId}-${key}`, holder, attempts: [] });
  const issueOnce = (i: Issuance, phase: string) =>
    send(url, {
      label: 'issue',
      query: ISSUE,
      variables: { input: { idempotencyKey: i.key, typeCode: drivingType, holderIdNumber: i.holder, data: { drivingClass: 'C1', firstIssueDate: '2015-06-01' } } },
      token: traffic,
    }, { phase, timeoutMs: 15_000 });
  const issueUntilDone = async (i: Issuance, phase: () => string) => {
    const deadline = Date.now() + ISSUE_DEADLINE_MS;
    while (Date.now() < deadline) {
      const answer = await issueOnce(i, phase());
      i.attempts.push(answer);
      const issued = (answer.data?.issueLicense as { licenseId?: string } | undefined)?.licenseId;
      if (answer.kind === 'ok' && issued) {
        i.licenseId = issued;
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const load = startLoad({
    url,
    clients: CLIENTS,
    timeoutMs: 15_000,
    next: (client, n) => ({ label: 'nested', query: NESTED_PERSON, variables: { id: ids[(client * 11 + n) % ids.length] }, token: reader }),
    check: (_label, data) => checkNestedPerson(data),
  });
  onCleanup(() => load.stop());

  v.step(`steady load: ${CLIENTS} clients, nested person query; one licence issued (key A)`);
  const early = issuance('A', holders[0]!);
  await issueUntilDone(early, () => load.phase);
  await sleep(BEFORE_MS);

  v.step('pg_ctl stop -m fast, with an issuance (key B) sent at the same moment and retried until it succeeds');
  const retried = issuance('B', holders[1]!);
  const retrying = issueUntilDone(retried, () => load.phase);
  load.phase = 'stopping';
  const stopAt = Date.now();
  await cluster.stop('fast');
  load.phase = 'outage';
  const outageFrom = Date.now();
  const readyz = await fetch(`${hub.baseUrl}/readyz`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => 0);
  v.step('issuance (key C) sent during the outage and retried until it succeeds');
  const during = issuance('C', holders[2]!);
  const retryingDuring = issueUntilDone(during, () => load.phase);
  await sleep(OUTAGE_MS);

  v.step('pg_ctl start');
  load.phase = 'restarting';
  await cluster.start();
  const upAt = Date.now();
  load.phase = 'after';
  await sleep(AFTER_MS);
  await Promise.all([retrying, retryingDuring]);
  await load.stop();
  const readyzAfter = await fetch(`${hub.baseUrl}/readyz`).then((r) => r.status, () => 0);

  const answers = load.answers;
  for (const phase of ['before', 'stopping', 'outage', 'restarting', 'after']) {
    const summary = summarise(phase, answers);
    if (summary.total) v.note(formatSummary(summary));
  }

  const before = answers.filter((a) => a.phase === 'before' && a.sentAt + a.ms < stopAt);
  v.check(before.length > 0 && before.every((a) => a.kind === 'ok'), `before the fault every answer is complete (${before.length})`, firstProblem(before.filter((a) => a.kind !== 'ok')));

  const outage = answers.filter((a) => a.phase === 'outage');
  v.check(outage.length >= CLIENTS, `the outage was sampled (${outage.length} answers from ${outageFrom - stopAt} ms after the stop began)`);
  const unavailable = (a: Answer) => a.status !== 0 && a.errors.length > 0 && a.errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  v.check(outage.every(unavailable), 'every answer during the outage is an HTTP answer whose errors are all SERVICE_UNAVAILABLE', firstProblem(outage.filter((a) => !unavailable(a))));
  const slowest = Math.max(0, ...outage.map((a) => a.ms));
  v.check(slowest < FAIL_FAST_MS, `requests during the outage fail fast (slowest ${slowest} ms < ${FAIL_FAST_MS} ms)`);
  v.check(readyz === 503, `/readyz answers 503 during the outage (got ${readyz}) and ${readyzAfter} after`, undefined);
  v.check(readyzAfter === 200, '/readyz answers 200 again after the restart');

  const transition = answers.filter((a) => a.phase === 'stopping' || a.phase === 'restarting' || (a.phase === 'before' && a.sentAt + a.ms >= stopAt));
  v.check(transition.every((a) => a.kind === 'ok' || unavailable(a)), `answers in flight at the stop or during the restart are complete or SERVICE_UNAVAILABLE (${transition.length})`, firstProblem(transition.filter((a) => a.kind !== 'ok' && !unavailable(a))));

  const all = [...answers, ...early.attempts, ...retried.attempts, ...during.attempts];
  const internal = all.filter((a) => a.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'));
  v.check(internal.length === 0, 'no answer at any time is INTERNAL_SERVER_ERROR', firstProblem(internal));
  const leaks = all.filter((a) => a.errors.some((e) => JSON.stringify(e).includes('stacktrace') || / at .*\.[jt]s:\d+/.test(e.message) || /ECONNREFUSED|57P01|terminating connection/.test(e.message)));
  v.check(leaks.length === 0, 'no error carries a stack trace or a driver message', firstProblem(leaks));
  const hung = all.filter((a) => a.status === 0);
  v.check(hung.length === 0, 'every request got an HTTP answer (no hang, reset or refused connection)', firstProblem(hung));

  const after = answers.filter((a) => a.phase === 'after');
  const firstOk = after.find((a) => a.kind === 'ok');
  const recovery = firstOk ? firstOk.sentAt + firstOk.ms - upAt : Number.POSITIVE_INFINITY;
  v.note(`recovery: first complete answer ${Number.isFinite(recovery) ? `${recovery} ms` : 'never'} after the server accepted connections again`);
  v.check(recovery <= RECOVERY_BOUND_MS, `the hub answers in full again within ${RECOVERY_BOUND_MS} ms, by itself`);
  const settled = firstOk ? after.filter((a) => a.sentAt >= firstOk.sentAt + firstOk.ms) : [];
  v.check(settled.length > 0 && settled.every((a) => a.kind === 'ok'), `after recovery every answer is complete (${settled.length})`, firstProblem(settled.filter((a) => a.kind !== 'ok')));
  v.check(hub.alive() && hub.pid === hubPid, `the same hub process (pid ${hubPid}) served throughout: it was not restarted`);

  await checkIssuance(v, { early, retried, during, issueOnce, sql, drivingType });
  await checkAudit(v, { answers: [...answers], sql, material: material.env, databaseUrl: cluster.url });

  v.step('SIGTERM the hub');
  hub.signal('SIGTERM');
  const code = await Promise.race([hub.exited, sleep(20_000).then(() => 'still running')]);
  v.check(code === 0, `the hub exits 0 on SIGTERM (got ${code})`);
});

async function checkIssuance(
  v: Verdict,
  ctx: {
    early: Issuance;
    retried: Issuance;
    during: Issuance;
    issueOnce: (i: Issuance, phase: string) => Promise<Answer>;
    sql: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<R[]>;
    drivingType: string;
  },
): Promise<void> {
  const { early, retried, during } = ctx;
  const outcome = (i: Issuance) => i.attempts.map((a) => (a.kind === 'ok' ? 'ok' : String(a.errors[0]?.extensions?.code ?? a.transportError ?? a.status))).reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
  const refusedAsUnavailable = (i: Issuance) => i.attempts.filter((a) => a.kind !== 'ok').every((a) => a.errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'));
  v.note(`issuance A (before the fault): ${early.attempts.length} attempt(s) ${JSON.stringify(outcome(early))} → ${early.licenseId ?? 'none'}`);
  v.note(`issuance B (sent as the server stopped): ${retried.attempts.length} attempt(s) ${JSON.stringify(outcome(retried))} → ${retried.licenseId ?? 'none'}`);
  v.note(`issuance C (sent during the outage): ${during.attempts.length} attempt(s) ${JSON.stringify(outcome(during))} → ${during.licenseId ?? 'none'}`);
  v.check(Boolean(early.licenseId) && early.attempts.length === 1, 'issuance A succeeded at the first attempt before the fault');
  v.check(Boolean(retried.licenseId) && refusedAsUnavailable(retried), 'issuance B, sent as the server stopped and retried with its key, succeeded; every failed attempt was SERVICE_UNAVAILABLE');
  v.check(Boolean(during.licenseId) && during.attempts.length > 1 && refusedAsUnavailable(during), 'issuance C was refused with SERVICE_UNAVAILABLE during the outage, and its retry with the same key succeeded after the restart');
  const replays = await Promise.all([early, retried, during].map((i) => ctx.issueOnce(i, 'replay')));
  const replayed = replays.map((a) => (a.data?.issueLicense as { licenseId?: string } | undefined)?.licenseId);
  v.check(replayed[0] === early.licenseId && replayed[1] === retried.licenseId && replayed[2] === during.licenseId, 'replaying every key after the fault returns the same licence', JSON.stringify(replayed));
  for (const i of [early, retried, during]) {
    const records = await ctx.sql<{ n: number }>('select count(*)::int as n from license.issuance_record where idempotency_key = $1', [i.key]);
    const licences = await ctx.sql<{ id: string }>('select license_id as id from license.license where holder_id = $1 and type_code = $2', [i.holder, ctx.drivingType]);
    v.check(records[0]?.n === 1 && licences.length === 1 && licences[0]!.id === i.licenseId, `key ${i.key}: exactly one idempotency record and exactly one licence for its holder (${licences.length})`, JSON.stringify(licences));
  }
}

async function checkAudit(
  v: Verdict,
  ctx: { answers: Answer[]; sql: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<R[]>; material: Readonly<Record<string, string>>; databaseUrl: string },
): Promise<void> {
  // Every answer that carried personal data must have been audited (the hub fails closed: no record, no data).
  const withData = ctx.answers.filter((a) => a.kind === 'ok' || a.kind === 'partial');
  const rows = await ctx.sql<{ request_id: string; n: number }>(
    'select request_id, count(*)::int as n from sharing.audit_record where request_id = any($1::text[]) group by request_id', [withData.map((a) => a.requestId)],
  );
  const audited = new Map(rows.map((r) => [r.request_id, r.n]));
  const missing = withData.filter((a) => !audited.has(a.requestId));
  const records = rows.reduce((sum, r) => sum + r.n, 0);
  v.note(`audit: ${withData.length} answers returned personal data; ${records} audit records carry their request ids`);
  v.check(missing.length === 0, 'no audit record is lost: every answer that returned data has audit records with its request id', firstProblem(missing));

  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [BIN, 'audit', 'verify'], { env: { ...process.env, ...ctx.material, DATABASE_URL: ctx.databaseUrl }, timeout: 60_000 }, (error, out) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out });
    });
  });
  let summary = stdout.trim().slice(0, 300);
  try {
    const result = JSON.parse(stdout) as { ok?: boolean; records?: number; checked?: number };
    summary = JSON.stringify(Object.fromEntries(Object.entries(result).filter(([, value]) => typeof value !== 'object')));
  } catch {
    // not JSON: show it as it is
  }
  v.check(code === 0, `\`onewindow audit verify\` passes: the hash chain is intact (${summary})`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function firstProblem(answers: readonly Answer[]): string | undefined {
  const a = answers[0];
  if (!a) return undefined;
  return `${answers.length} answer(s); first [${a.phase}/${a.label}] HTTP ${a.status} ${a.ms} ms ${a.transportError ?? ''}${a.checkFailure ?? ''} ${JSON.stringify(a.errors).slice(0, 300)}`;
}
