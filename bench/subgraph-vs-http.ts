/**
 * Figure: the floor under every request. The population subgraph on its own
 * port, exactly as `onewindow subgraph population` runs it (Fastify, Apollo,
 * token check, policy snapshot, shield, field-level rules, one audit record
 * and alert rules per request), answering a small query
 *
 *   query One($id: IdNumber!) { person(idNumber: $id) { name gender } }
 *
 * ÷ a bare `node:http` server that reads the body and answers a fixed JSON
 * reply of the same shape. Same client: 8 connections, 8 distinct tokens
 * (the bare server ignores them), alternating rounds.
 *
 * The bare side is bounded by the client as much as by the server: both run
 * on the same 2 cores, so treat its req/s as "at least".
 *
 * Run: npx tsx bench/subgraph-vs-http.ts   (BENCH_ROUNDS, BENCH_ROUND_MS)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { note, prepareEnv } from './lib/env.js';
import { assertClean, createLoadGenerator, type LoadResult } from './lib/load.js';
import { profiled } from './lib/profile.js';
import { alternate, describeLoad, envNumber, logRound, pairedRatio, printFigure } from './lib/report.js';

const QUERY = 'query One($id: IdNumber!) { person(idNumber: $id) { name gender } }';
const CONNECTIONS = 8;

async function main(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 4);
  const durationMs = envNumber('BENCH_ROUND_MS', 2_000);
  const env = await prepareEnv({ clients: CONNECTIONS });
  const load = createLoadGenerator();
  const app = await createApp(env.config, { kind: 'subgraph', name: 'population' }, { db: env.db });
  const reply = Buffer.from(JSON.stringify({ data: { person: { name: '张三', gender: 'MALE' } } }));
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': reply.length });
      res.end(reply);
    });
  });
  bare.keepAliveTimeout = 60_000;
  try {
    const subgraphUrl = `${await app.listen()}/graphql`;
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;
    const bodies = env.interestingIds.slice(0, 64).map((id) => JSON.stringify({ query: QUERY, variables: { id } }));
    const sides = [{ name: 'population subgraph', url: subgraphUrl }, { name: 'bare node:http', url: bareUrl }];
    const spec = (url: string) => ({ url, bodies, authorizations: env.authorizations.slice(0, CONNECTIONS), durationMs });

    const auditRows = async () => Number((await env.db.orm.em.getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from sharing.audit_record'))[0]?.n ?? 0);
    const before = await auditRows();
    note('warming up');
    for (const s of [...sides, ...sides]) assertClean(s.name, await load.run({ ...spec(s.url), durationMs: 700 }));
    if ((await auditRows()) === before) throw new Error('the subgraph wrote no audit record: the query is not the governed, audited one this figure is about');
    const results = await alternate<LoadResult>(sides.map((s) => ({ name: s.name, run: () => profiled(s.name, async () => assertClean(s.name, await load.run(spec(s.url)))) })), rounds, logRound);
    const sub = results.get('population subgraph')!;
    const raw = results.get('bare node:http')!;
    printFigure({
      name: 'subgraph÷bare-http',
      ratio: pairedRatio(sub.map((r) => r.rps), raw.map((r) => r.rps)),
      op: '>=',
      goal: 0.25,
      details: [
        ...describeLoad('population subgraph (authenticated, governed, audited)', sub),
        ...describeLoad('bare node:http (fixed JSON reply)', raw),
        ['per request', `subgraph ${(1000 / (sub.reduce((a, r) => a + r.rps, 0) / sub.length)).toFixed(2)} ms of server time at saturation`],
        ['query', `${QUERY}; ${CONNECTIONS} connections, ${CONNECTIONS} tokens, 64 different persons`],
      ],
    });
  } finally {
    await app.close();
    await new Promise((resolve) => bare.close(resolve));
    await load.close();
    await env.close();
  }
}

await main();
