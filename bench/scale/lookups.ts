/**
 * Person lookups against two databases, alternated request by request, so
 * both sides see the same machine conditions (a busy neighbour, GC, a growing
 * audit trail): single-flight, one request at a time, so a latency is the
 * service time of one lookup and not a queue length.
 *
 * - {@link gatewayLookups}: the real path. `person(idNumber:)` through the hub
 *   (gateway → population, license and legal-entity subgraphs, in process),
 *   over HTTP on its Fastify front, with a bearer token: authenticated,
 *   governed (grants, field rules), audited (an audit append and the alert
 *   rules per subgraph fetch that reads personal data).
 * - {@link sqlLookups}: the SELECTs behind it, as the subgraphs' DataLoaders
 *   issue them, straight on the database connection.
 */
import http from 'node:http';
import type { Database } from '../../src/db/database.js';
import { createPrng } from '../../src/seed/prng.js';
import { percentile } from '../lib/report.js';

/** The README's sample query: one person, their licences, the entities they represent and those entities' licences. */
export const LOOKUP_QUERY = 'query Lookup($id: IdNumber!) { person(idNumber: $id) { name gender birthDate licenses { licenseId status type { name } } representedEntities { name legalRepresentative { name } licenses { type { name } } } } }';

/** One side of a comparison: its database (for ids) and, for gateway lookups, its hub's /graphql URL. */
export interface LookupSide {
  readonly name: string;
  readonly db: Database;
  readonly url?: string;
  /** Existing person ids, in random order; lookups cycle through them. */
  readonly ids: readonly string[];
}

/** Latency samples (ms) of one side, in the order taken. */
export interface LatencySummary {
  readonly samples: readonly number[];
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  return {
    samples,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    max: Math.max(...samples),
  };
}

/**
 * `count` distinct existing person ids of `db`, drawn uniformly at random
 * over the whole table (Bernoulli sample, fixed seed), in random order.
 */
export async function sampleIds(db: Database, count: number, persons: number, seed = 2026): Promise<string[]> {
  const percent = Math.min(100, ((count * 2) / Math.max(1, persons)) * 100);
  const rows = await db.orm.em.getConnection().execute<Array<{ id: string }>>(
    `select id_number as id from population.person tablesample bernoulli (${percent.toFixed(6)}) repeatable (${seed})`,
  );
  const ids = rows.map((r: { id: string }) => r.id);
  const random = createPrng(seed, 99);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  if (ids.length === 0) throw new Error('no person to look up');
  return ids.slice(0, count);
}

/** Runs `count` rounds; in each, every side runs once, the order rotating each round. */
async function alternateOnce(sides: readonly LookupSide[], count: number, warmup: number, once: (side: LookupSide, id: string) => Promise<number>): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  for (let i = 0; i < warmup + count; i += 1) {
    for (let k = 0; k < sides.length; k += 1) {
      const side = sides[(i + k) % sides.length]!;
      const ms = await once(side, side.ids[i % side.ids.length]!);
      if (i >= warmup) out.get(side.name)!.push(ms);
    }
  }
  return out;
}

/** POSTs one GraphQL request on a keep-alive agent; resolves to the latency in ms once the whole answer is read, after checking it. */
function post(agent: http.Agent, url: URL, authorization: string, body: string, check: (text: string) => string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const started = process.hrtime.bigint();
    const req = http.request({
      agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const text = Buffer.concat(chunks).toString('utf8');
        const problem = res.statusCode !== 200 ? `HTTP ${res.statusCode}: ${text.slice(0, 300)}` : check(text);
        if (problem) reject(new Error(problem));
        else resolve(ms);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function checkPerson(text: string): string | undefined {
  const json = JSON.parse(text) as { data?: { person?: unknown }; errors?: unknown[] };
  if (json.errors?.length) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  if (!json.data?.person) return `no person in ${text.slice(0, 200)}`;
  return undefined;
}

/**
 * Gateway lookups, alternated between the sides' hubs. Every answer must be
 * HTTP 200 with the person and no errors; any other answer aborts the run.
 */
export async function gatewayLookups(sides: readonly LookupSide[], authorization: string, count: number, warmup: number): Promise<Map<string, LatencySummary>> {
  const agents = new Map(sides.map((s) => [s.name, new http.Agent({ keepAlive: true, maxSockets: 1 })]));
  try {
    const raw = await alternateOnce(sides, count, warmup, (side, id) =>
      post(agents.get(side.name)!, new URL(side.url!), authorization, JSON.stringify({ query: LOOKUP_QUERY, variables: { id } }), checkPerson));
    return new Map([...raw].map(([name, samples]) => [name, summarise(samples)]));
  } finally {
    for (const agent of agents.values()) agent.destroy();
  }
}

/**
 * The SELECTs one lookup's data costs, as the subgraphs' DataLoaders send
 * them (`PersonService`, `LicenseService.byHolder`, `LegalEntityService.byRepresentative`;
 * the entities' own licences are one more `holder_id in (…)`).
 */
export const LOOKUP_SQL = {
  person: 'select * from population.person where id_number in (?)',
  licenses: 'select * from license.license where holder_id in (?) order by issued_on desc, license_id asc',
  entities: 'select * from legal_entity.legal_entity where legal_representative in (?) order by credit_code asc',
} as const;

/** SQL lookups: the three statements of {@link LOOKUP_SQL} for one id, timed together, alternated between the sides. */
export async function sqlLookups(sides: readonly LookupSide[], count: number, warmup: number): Promise<Map<string, LatencySummary>> {
  const raw = await alternateOnce(sides, count, warmup, async (side, id) => {
    const connection = side.db.orm.em.getConnection();
    const started = process.hrtime.bigint();
    const [person] = await connection.execute<Array<Record<string, unknown>>>(LOOKUP_SQL.person, [id]);
    await connection.execute(LOOKUP_SQL.licenses, [id]);
    await connection.execute(LOOKUP_SQL.entities, [id]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!person) throw new Error(`${side.name}: person ${id} not found`);
    return ms;
  });
  return new Map([...raw].map(([name, samples]) => [name, summarise(samples)]));
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function describePlan(node: PlanNode): string {
  const self = `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`;
  const children = (node.Plans ?? []).map(describePlan);
  return children.length ? `${self} ← ${children.join(', ')}` : self;
}

/** The planner's choice for each statement of {@link LOOKUP_SQL} on `db`, for `id` (node types and indexes). */
export async function explainLookup(db: Database, id: string): Promise<Record<keyof typeof LOOKUP_SQL, string>> {
  const connection = db.orm.em.getConnection();
  const out: Partial<Record<keyof typeof LOOKUP_SQL, string>> = {};
  for (const [key, sql] of Object.entries(LOOKUP_SQL) as Array<[keyof typeof LOOKUP_SQL, string]>) {
    const [row] = await connection.execute<Array<{ 'QUERY PLAN': unknown }>>(`explain (format json) ${sql}`, [id]);
    const value = row?.['QUERY PLAN'];
    const plan = (typeof value === 'string' ? JSON.parse(value) : value) as Array<{ Plan: PlanNode }>;
    out[key] = describePlan(plan[0]!.Plan);
  }
  return out as Record<keyof typeof LOOKUP_SQL, string>;
}

/** SQL statements the hub sends for one gateway lookup of `id` (counted on the side's database). */
export async function statementsPerLookup(side: LookupSide, authorization: string, id: string): Promise<{ count: number; statements: string[] }> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const mark = side.db.statementCount();
    await post(agent, new URL(side.url!), authorization, JSON.stringify({ query: LOOKUP_QUERY, variables: { id } }), checkPerson);
    return { count: side.db.statementCount() - mark, statements: side.db.statementsSince(mark) };
  } finally {
    agent.destroy();
  }
}
