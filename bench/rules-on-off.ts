/**
 * Figures: what field-level rules and the audit trail cost on a large list.
 *
 * Three builds of the population subgraph, each on its own port through the
 * hub's HTTP front, over the same database, queried with
 *
 *   persons(500 ids) { idNumber name gender birthDate ethnicity nationality
 *     householdAddress residenceAddress phone maritalStatus lifeStatus }
 *
 * by the same client (8 connections, 8 distinct tokens; the consumer holds
 * FULL grants, so every side returns the same values):
 *
 * - full:      as the hub builds it (shield + field-level rules + audit trail + alert rules);
 * - no-audit:  field-level rules on, the AuditWriter's append a no-op and alert rules off;
 * - no-rules:  `createSubgraph` with `governed` undefined (shield's operation
 *              and type rules stay), hence nothing noted and nothing audited.
 *
 * rules on ÷ off = no-audit ÷ no-rules;  audit on ÷ off = full ÷ no-audit.
 *
 * Run: npx tsx bench/rules-on-off.ts   (BENCH_ROUNDS, BENCH_ROUND_MS)
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Subgraph } from '../src/subgraphs/create-subgraph.js';
import { extendPopulationContext, type PopulationContext } from '../src/subgraphs/population/context.js';
import { createPopulationSubgraph } from '../src/subgraphs/population/index.js';
import { populationPermissions } from '../src/subgraphs/population/population.permissions.js';
import { Mutation } from '../src/subgraphs/population/resolvers/Mutation.js';
import { Person } from '../src/subgraphs/population/resolvers/Person.js';
import { Query } from '../src/subgraphs/population/resolvers/Query.js';
import { FieldProvenanceResolvers } from '../src/subgraphs/shared-resolvers.js';
import { idSets, note, prepareEnv } from './lib/env.js';
import { buildHubParts, buildSubgraph, NoopAlertRules, NoopAuditWriter, serveGraphql } from './lib/hub-parts.js';
import { assertClean, createLoadGenerator, type LoadResult } from './lib/load.js';
import { alternate, describeLoad, envNumber, logRound, pairedRatio, printFigure } from './lib/report.js';

const FIELDS = 'idNumber name gender birthDate ethnicity nationality householdAddress residenceAddress phone maritalStatus lifeStatus';
const QUERY = `query Bench($ids: [IdNumber!]!) { persons(idNumbers: $ids) { ${FIELDS} } }`;
const IDS_PER_REQUEST = 500;
const CONNECTIONS = 8;

async function main(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 4);
  const durationMs = envNumber('BENCH_ROUND_MS', 2_000);
  const env = await prepareEnv({ clients: CONNECTIONS });
  const load = createLoadGenerator();
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const bodies = idSets(env, 8, IDS_PER_REQUEST).map((ids) => JSON.stringify({ query: QUERY, variables: { ids } }));

    const fullParts = await buildHubParts(env.config, env.db);
    const quietParts = await buildHubParts(env.config, env.db, { audit: new NoopAuditWriter(), alerts: new NoopAlertRules() });
    const full = createPopulationSubgraph(fullParts.deps);
    const noAudit = createPopulationSubgraph(quietParts.deps);
    // The population definition of src/subgraphs/population/index.ts, without `governed`.
    const noRules = buildSubgraph<PopulationContext>({
      name: 'population',
      resolvers: { Query, Mutation, Person, FieldProvenance: FieldProvenanceResolvers } as GraphQLResolverMap<PopulationContext>,
      permissions: populationPermissions,
      extendContext: extendPopulationContext,
    }, quietParts);

    const sides: Array<{ name: string; url: string }> = [];
    for (const [name, subgraph] of [['full', full], ['no-audit', noAudit], ['no-rules', noRules]] as const) {
      const served = await serveGraphql(fullParts.logger, subgraph as unknown as Subgraph);
      closers.push(() => served.close());
      sides.push({ name, url: served.url });
    }

    // Same answers everywhere, or the comparison is meaningless.
    const answers = await Promise.all(sides.map(async (s) => {
      const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: env.authorizations[0]! }, body: bodies[0] });
      const json = (await res.json()) as { data?: unknown; errors?: unknown };
      if (res.status !== 200 || json.errors) throw new Error(`${s.name}: HTTP ${res.status} ${JSON.stringify(json.errors)?.slice(0, 300)}`);
      return JSON.stringify(json.data);
    }));
    if (new Set(answers).size !== 1) throw new Error('the three builds answer differently');
    note('the three builds answer identically');

    const auditRows = async () => Number((await env.db.orm.em.getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from sharing.audit_record'))[0]?.n ?? 0);
    const rows0 = await auditRows();
    for (let i = 0; i < 4; i += 1) {
      await fetch(sides[0]!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: env.authorizations[i]! }, body: bodies[i] }).then((r) => r.text());
    }
    const rowsPerRequest = ((await auditRows()) - rows0) / 4;
    const spec = (url: string) => ({ url, bodies, authorizations: env.authorizations.slice(0, CONNECTIONS), durationMs });
    note('warming up');
    for (const s of [...sides, ...sides]) assertClean(s.name, await load.run({ ...spec(s.url), durationMs: 800 }));
    const results = await alternate<LoadResult>(sides.map((s) => ({ name: s.name, run: async () => assertClean(s.name, await load.run(spec(s.url))) })), rounds, logRound);

    const rps = (name: string) => results.get(name)!.map((r) => r.rps);
    const common: Array<readonly [string, string]> = [
      ['query', `persons(${IDS_PER_REQUEST} ids) { ${FIELDS} }; ${CONNECTIONS} connections, ${CONNECTIONS} tokens`],
    ];
    printFigure({
      name: 'rules-on÷off',
      ratio: pairedRatio(rps('no-audit'), rps('no-rules')),
      op: '>=',
      goal: 0.85,
      details: [
        ...describeLoad('rules on (audit off)', results.get('no-audit')!),
        ...describeLoad('rules off', results.get('no-rules')!),
        ['governed field resolutions per request', `${IDS_PER_REQUEST * 10} (10 governed fields × ${IDS_PER_REQUEST} persons)`],
        ...common,
      ],
    });
    printFigure({
      name: 'audit-on÷off',
      ratio: pairedRatio(rps('full'), rps('no-audit')),
      op: '>=',
      goal: 0.9,
      details: [
        ...describeLoad('audit on (rules on)', results.get('full')!),
        ...describeLoad('audit off (rules on)', results.get('no-audit')!),
        ['audit records written per request', `${rowsPerRequest.toFixed(0)} (one per person read), in one transaction under the chain's advisory lock`],
        ['audit off means', 'AuditWriter.append is a no-op and alert rules are not evaluated (they read the trail)'],
        ...common,
      ],
    });
  } finally {
    for (const close of closers.reverse()) await close().catch((e: unknown) => note(`close failed: ${String(e)}`));
    await load.close();
    await env.close();
  }
}

await main();
