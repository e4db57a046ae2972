/**
 * Figure: what federation costs. The hub's gateway (embedded: subgraphs
 * in-process; distributed: each subgraph its own process, over HTTP) against a
 * monolith serving the SAME resolvers, permission trees, field-level rules and
 * audit as one plain schema (see lib/monolith.ts), for one nested query:
 *
 *   persons(50 ids) → licenses { type { name } holder { … on Person { name } } }
 *                   → representedEntities { legalRepresentative { name } }
 *
 * All sides are served over HTTP by the hub's own Fastify front and driven by
 * the same closed-loop client (8 connections, 8 distinct tokens), in
 * alternating rounds. Ratios are gateway req/s ÷ monolith req/s.
 *
 * Run: npx tsx bench/gateway-vs-monolith.ts   (BENCH_ROUNDS, BENCH_ROUND_MS, BENCH_SKIP_DISTRIBUTED=1)
 */
import { createApp, type App } from '../src/app.js';
import { spawnSubgraphs } from '../src/cli/start.js';
import type { Database } from '../src/db/database.js';
import { servePglite } from '../src/db/pglite-server.js';
import { InProcessDataSource } from '../src/gateway/in-process-data-source.js';
import { ForwardingDataSource } from '../src/gateway/remote-data-source.js';
import { idSets, note, prepareEnv, type BenchEnv } from './lib/env.js';
import { buildHubParts, buildSubgraphs, serveGraphql } from './lib/hub-parts.js';
import { assertClean, createLoadGenerator, type LoadGenerator, type LoadResult } from './lib/load.js';
import { createMonolith } from './lib/monolith.js';
import { alternate, describeLoad, envNumber, logRound, median, pairedRatio, printFigure, type Figure } from './lib/report.js';

const QUERY = `query Bench($ids: [IdNumber!]!) {
  persons(idNumbers: $ids) {
    idNumber
    name
    licenses { licenseId type { name } holder { ... on Person { name } } }
    representedEntities { creditCode name legalRepresentative { name } }
  }
}`;
const IDS_PER_REQUEST = 50;
const CONNECTIONS = 8;

/** Data-source fetches, counted on the gateway's own data-source classes. */
let fetches = 0;
for (const proto of [InProcessDataSource.prototype, ForwardingDataSource.prototype]) {
  const original = proto.process;
  proto.process = function counted(this: unknown, ...args: Parameters<typeof original>) {
    fetches += 1;
    return original.apply(this, args);
  } as typeof original;
}

async function post(url: string, authorization: string, body: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

/** The monolith must answer exactly what the gateway answers, or its numbers mean nothing. */
async function assertSameAnswers(env: BenchEnv, a: { name: string; url: string }, b: { name: string; url: string }, bodies: readonly string[]): Promise<void> {
  for (const body of bodies.slice(0, 3)) {
    const [ra, rb] = await Promise.all([post(a.url, env.authorizations[0]!, body), post(b.url, env.authorizations[0]!, body)]);
    if (ra.errors?.length || rb.errors?.length) throw new Error(`errors: ${a.name} ${JSON.stringify(ra.errors)?.slice(0, 300)} ${b.name} ${JSON.stringify(rb.errors)?.slice(0, 300)}`);
    const ja = JSON.stringify(ra.data);
    const jb = JSON.stringify(rb.data);
    if (ja !== jb) {
      let i = 0;
      while (i < ja.length && ja[i] === jb[i]) i += 1;
      throw new Error(`${a.name} and ${b.name} answer differently at char ${i}: …${ja.slice(Math.max(0, i - 80), i + 80)}… vs …${jb.slice(Math.max(0, i - 80), i + 80)}…`);
    }
  }
}

/** Per-request counts over a few sequential requests (outside the timed rounds). */
async function probe(db: Database, env: BenchEnv, url: string, bodies: readonly string[], monolithConversions?: () => number): Promise<{ fetches: number; statements: number; conversions: number }> {
  const n = 10;
  const f0 = fetches;
  const s0 = db.statementCount();
  const c0 = monolithConversions?.() ?? 0;
  for (let i = 0; i < n; i += 1) await post(url, env.authorizations[i % env.authorizations.length]!, bodies[i % bodies.length]!);
  return { fetches: (fetches - f0) / n, statements: (db.statementCount() - s0) / n, conversions: ((monolithConversions?.() ?? 0) - c0) / n };
}

/** The query's nesting depth (persons → licences → holder; persons → entities → representative). */
const QUERY_DEPTH = 3;

/**
 * Directory reads (SQL statements on the directory's schemas) of one operation
 * at 10 and at 100 persons, counted one request at a time; the policy check,
 * the audit append and the alert rules around them are left out.
 */
async function readsPerOperation(db: Database, env: BenchEnv, url: string): Promise<{ small: number; large: number; statements: number; tables: string[] }> {
  const pool = env.interestingIds.length >= 100 ? env.interestingIds : env.allIds;
  const once = async (ids: readonly string[]) => {
    const mark = db.statementCount();
    await post(url, env.authorizations[0]!, JSON.stringify({ query: QUERY, variables: { ids } }));
    const sql = db.statementsSince(mark).filter((q) => !/policy_revision|sharing\.alert|audit_checkpoint|count\(distinct subject\)/i.test(q));
    const reads = sql.filter((q) => /^\s*select/i.test(q) && !/sharing\.|pg_advisory/i.test(q));
    const tables = reads.map((q) => /from\s+"?(\w+)"?\."?(\w+)"?/i.exec(q)?.slice(1, 3).join('.') ?? '?');
    return { reads: reads.length, statements: sql.length, tables };
  };
  await once(pool.slice(0, 10));
  const small = await once(pool.slice(10, 20));
  const large = await once(pool.slice(0, 100));
  return { small: small.reads, large: large.reads, statements: large.statements, tables: large.tables };
}

async function compare(
  load: LoadGenerator,
  env: BenchEnv,
  bodies: readonly string[],
  gateway: { name: string; url: string },
  monolith: { name: string; url: string },
): Promise<{ gateway: LoadResult[]; monolith: LoadResult[] }> {
  const rounds = envNumber('BENCH_ROUNDS', 4);
  const durationMs = envNumber('BENCH_ROUND_MS', 3_000);
  const spec = (url: string) => ({ url, bodies, authorizations: env.authorizations.slice(0, CONNECTIONS), durationMs });
  note(`warming up ${gateway.name} and ${monolith.name}`);
  for (const side of [gateway, monolith, gateway, monolith]) assertClean(side.name, await load.run({ ...spec(side.url), durationMs: 1_000 }));
  const results = await alternate<LoadResult>(
    [
      { name: gateway.name, run: async () => assertClean(gateway.name, await load.run(spec(gateway.url))) },
      { name: monolith.name, run: async () => assertClean(monolith.name, await load.run(spec(monolith.url))) },
    ],
    rounds,
    logRound,
  );
  return { gateway: results.get(gateway.name)!, monolith: results.get(monolith.name)! };
}

function figure(name: string, goal: number, r: { gateway: LoadResult[]; monolith: LoadResult[] }, counts: { gateway: { fetches: number; statements: number }; monolith: { statements: number; conversions: number } }, rows: readonly [number, number]): Figure {
  const labels = { gateway: name.includes('distributed') ? 'gateway (distributed)' : 'gateway (embedded)', monolith: 'monolith' };
  const ratio = pairedRatio(r.gateway.map((x) => x.rps), r.monolith.map((x) => x.rps));
  const p99 = median(r.gateway.map((x) => x.p99Ms)) / median(r.monolith.map((x) => x.p99Ms));
  const p50 = median(r.gateway.map((x) => x.p50Ms)) / median(r.monolith.map((x) => x.p50Ms));
  return {
    name,
    ratio,
    op: '>=',
    goal,
    details: [
      ...describeLoad(labels.gateway, r.gateway),
      ...describeLoad(labels.monolith, r.monolith),
      ['latency gateway ÷ monolith', `p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}×`],
      ['subgraph fetches per request', `${counts.gateway.fetches.toFixed(1)} (monolith: 0; it converts ${counts.monolith.conversions.toFixed(0)} objects between subgraphs in-process)`],
      ...(name.includes('distributed')
        ? []
        : [['SQL statements per request', `gateway ${counts.gateway.statements.toFixed(1)}, monolith ${counts.monolith.statements.toFixed(1)}`] as const]),
      ['audit trail during the rounds', `${rows[0]} → ${rows[1]} records (appended by group commit; alert rules run after the answer, at most once a second)`],
      ['query', `persons(${IDS_PER_REQUEST} ids) → licenses{type{name} holder{…on Person{name}}} + representedEntities{legalRepresentative{name}}; ${CONNECTIONS} connections, ${CONNECTIONS} tokens`],
    ],
  };
}

/** The monolith over `db`, served on a free port. */
async function startMonolith(env: BenchEnv, db: Database): Promise<{ url: string; conversions: () => number; close(): Promise<void> }> {
  const parts = await buildHubParts(env.config, db);
  const monolith = await createMonolith({
    subgraphs: buildSubgraphs(parts), db, verifyToken: parts.verifyToken, scalars: parts.scalars, policy: parts.policy,
    audit: parts.audit, alerts: parts.alerts, licensing: parts.licensing, creditCodeAllowList: parts.deps.creditCodeAllowList, logger: parts.logger,
  });
  const served = await serveGraphql(parts.logger, monolith);
  let closing: Promise<void> | undefined;
  return { url: served.url, conversions: monolith.conversions, close: () => (closing ??= served.close()) };
}

async function auditRows(db: Database): Promise<number> {
  return Number((await db.orm.em.getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from sharing.audit_record'))[0]?.n ?? 0);
}

async function main(): Promise<void> {
  const env = await prepareEnv({ clients: CONNECTIONS });
  const load = createLoadGenerator();
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const bodies = idSets(env, 16, IDS_PER_REQUEST).map((ids) => JSON.stringify({ query: QUERY, variables: { ids } }));

    // The embedded hub, exactly as `onewindow start` builds it, and the monolith, over the same database.
    const hub: App = await createApp(env.config, { kind: 'hub' }, { db: env.db });
    closers.push(() => hub.close());
    const gw = { name: 'gateway (embedded)', url: `${await hub.listen()}/graphql` };
    const mono = await startMonolith(env, env.db);
    closers.push(mono.close);
    const mo = { name: 'monolith', url: mono.url };
    await assertSameAnswers(env, gw, mo, bodies);
    note('gateway and monolith answer identically');
    const embeddedCounts = { gateway: await probe(env.db, env, gw.url, bodies), monolith: await probe(env.db, env, mo.url, bodies, mono.conversions) };
    const reads = await readsPerOperation(env.db, env, gw.url);
    printFigure({
      name: 'sql-reads-per-operation',
      ratio: reads.large,
      op: '<=',
      goal: QUERY_DEPTH + 1,
      details: [
        ['directory reads per operation', `${reads.small} at 10 persons, ${reads.large} at 100 persons (constant in the row count: one batched statement per list)`],
        ['the reads, by table', reads.tables.join(', ')],
        ['subgraph fetches in the plan', `${embeddedCounts.gateway.fetches.toFixed(0)} (federation reads at least once per fetch; the monolith needs ${embeddedCounts.monolith.statements.toFixed(1)} statements in all)`],
        ['all statements at 100 persons', `${reads.statements} (with the audit transactions' begin, lock, head and commit; the insert itself goes straight to the driver and is not counted)`],
        ['query depth', `${QUERY_DEPTH} (goal: depth + 1)`],
      ],
    });
    const rows0 = await auditRows(env.db);
    const embedded = await compare(load, env, bodies, gw, mo);
    printFigure(figure('gateway-embedded÷monolith', 0.5, embedded, embeddedCounts, [rows0, await auditRows(env.db)]));

    if (process.env.BENCH_SKIP_DISTRIBUTED !== '1') {
      // A fresh copy of the database (empty audit trail, as the embedded comparison started with).
      await mono.close();
      await hub.close();
      const db = await env.freshDatabase();
      closers.push(() => db.close());
      // On PGlite, this process serves its database over the wire to four subgraph processes, as `start --mode distributed` does.
      note('starting four subgraph processes');
      let databaseUrl = env.urlOf(db);
      if (!databaseUrl) {
        const pg = await servePglite(db.pglite!);
        closers.push(() => pg.stop());
        databaseUrl = pg.url;
      }
      const basePort = 20_000 + Math.floor(Math.random() * 20_000);
      const children = await spawnSubgraphs({ databaseUrl, env: { ...process.env, ...env.env }, host: '127.0.0.1', basePort, timeoutMs: 90_000 });
      closers.push(() => children.stop());
      const gateway = await createApp({ ...env.config, subgraphUrls: children.urls }, { kind: 'gateway' });
      closers.push(() => gateway.close());
      const dgw = { name: 'gateway (distributed)', url: `${await gateway.listen()}/graphql` };
      const dmono = await startMonolith(env, db);
      closers.push(dmono.close);
      const dmo = { name: 'monolith', url: dmono.url };
      await assertSameAnswers(env, dgw, dmo, bodies);
      const distributedCounts = { gateway: await probe(db, env, dgw.url, bodies), monolith: await probe(db, env, dmo.url, bodies, dmono.conversions) };
      const drows0 = await auditRows(db);
      const distributed = await compare(load, env, bodies, dgw, dmo);
      printFigure(figure('gateway-distributed÷monolith', 0.35, distributed, distributedCounts, [drows0, await auditRows(db)]));
    }
  } finally {
    for (const close of closers.reverse()) await close().catch((e: unknown) => note(`close failed: ${String(e)}`));
    await load.close();
    await env.close();
  }
}

await main();
