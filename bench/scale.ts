/**
 * Figures: the hub at scale. Two databases loaded side by side in one run, a
 * small one (10,000 persons) and a large one (1,000,000 persons, with their
 * ~200,000 legal entities and ~1,000,000 licences), each through the
 * project's own loader (src/seed/load.ts):
 *
 * - load time and rows/s per table;
 * - person lookup p99, large ÷ small (goal ≤ 1.2): the authenticated,
 *   governed, audited `person(idNumber:)` through the hub's gateway, one
 *   request at a time, alternating between the two hubs on random existing
 *   ids; and the same for the bare SELECTs behind it (secondary figure);
 * - audit chain verification rows/s (goal ≥ 100,000/s): a large trail
 *   appended through the hub's AuditWriter, verified by `verifyAuditTrail`
 *   (read from the database, hash, links, checkpoints), with variants of the
 *   read path to show where the time goes.
 *
 * Embedded PGlite (on disk, in a temporary folder) unless DATABASE_URL is
 * set; then two throwaway databases on that server, dropped at the end.
 *
 * Run: npx tsx bench/scale.ts   (SCALE_PERSONS=100000 for a quicker run; see bench/scale/README.md)
 */
import os from 'node:os';
import { createApp, type App } from '../src/app.js';
import { grantEverything } from '../src/seed/demo-grants.js';
import { seedDirectory, type SeedSummary } from '../src/seed/load.js';
import { note } from './lib/env.js';
import { envNumber, median, printFigure } from './lib/report.js';
import { appendTrail, describeTrailPlans, readOnly, VERIFY_VARIANTS, verifyOnly } from './scale/audit-trail.js';
import { createScaleDatabase, type ScaleDatabase } from './scale/databases.js';
import { explainLookup, gatewayLookups, LOOKUP_QUERY, sampleIds, sqlLookups, statementsPerLookup, type LatencySummary, type LookupSide } from './scale/lookups.js';
import { percentileRatioByBlock } from './scale/stats.js';
import { prepareWorkEnv, SCALE_CONSUMER, SCALE_PURPOSE, type WorkEnv } from './scale/work-env.js';

const SEED = 2026;
const NOW = new Date('2026-01-15T02:00:00Z');

const count = (n: number): string => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1_000 && n % 1_000 === 0 ? `${n / 1_000}k` : String(n));
const rate = (rows: number, ms: number): string => `${Math.round(rows / (ms / 1000)).toLocaleString('en')}/s`;
const ms = (x: number): string => `${x.toFixed(2)} ms`;
const loadAverage = (): string => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

/** Loads one database and grants the consumer; returns the loader's summary and the whole time. */
async function load(target: ScaleDatabase, persons: number): Promise<{ summary: SeedSummary; totalMs: number }> {
  const started = performance.now();
  let shown = 0;
  const summary = await seedDirectory(target.db, {
    seed: SEED,
    persons,
    now: NOW,
    onProgress: (p) => {
      const pct = Math.floor((p.persons / p.total) * 10) * 10;
      if (pct > shown) {
        shown = pct;
        note(`  ${target.label}: ${pct}% (${p.persons.toLocaleString('en')} persons, ${p.entities.toLocaleString('en')} entities, ${p.licenses.toLocaleString('en')} licences, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    },
  });
  await grantEverything(target.db, SCALE_CONSUMER, { purpose: SCALE_PURPOSE, legalBasis: 'benchmark' });
  return { summary, totalMs: performance.now() - started };
}

function describeLoad(label: string, where: string, loaded: { summary: SeedSummary; totalMs: number }): Array<readonly [string, string]> {
  const s = loaded.summary;
  const rows = s.persons + s.entities + s.licenses;
  const tables = Object.entries(s.tables).map(([table, t]) => `${table} ${t.rows.toLocaleString('en')} rows in ${(t.ms / 1000).toFixed(1)} s (${rate(t.rows, t.ms)})`).join('; ');
  return [
    [`load ${label}`, `${(loaded.totalMs / 1000).toFixed(1)} s for ${rows.toLocaleString('en')} rows (${rate(rows, s.ms)} overall, closing ANALYZE ${(s.analyzeMs / 1000).toFixed(1)} s): ${tables}`],
    [`database ${label}`, where],
  ];
}

function describeLatency(name: string, l: LatencySummary): readonly [string, string] {
  return [name, `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, mean ${ms(l.mean)}, max ${ms(l.max)} (${l.samples.length} lookups)`];
}

async function main(): Promise<void> {
  const largePersons = Math.floor(envNumber('SCALE_PERSONS', 1_000_000));
  const smallPersons = Math.floor(envNumber('SCALE_SMALL_PERSONS', 10_000));
  const lookups = Math.floor(envNumber('SCALE_LOOKUPS', 2_000));
  const sqlLookupCount = Math.floor(envNumber('SCALE_SQL_LOOKUPS', 4_000));
  const auditRecords = Math.floor(envNumber('SCALE_AUDIT_RECORDS', 500_000));
  const verifyRounds = Math.floor(envNumber('SCALE_VERIFY_ROUNDS', 2));
  const serverUrl = process.env.DATABASE_URL || undefined;
  const small = `${count(smallPersons)}`;
  const large = `${count(largePersons)}`;

  note(`scale: ${small} and ${large} persons on ${serverUrl ? 'the PostgreSQL server' : 'embedded PGlite'}`);
  const work: WorkEnv = await prepareWorkEnv();
  const databases: ScaleDatabase[] = [];
  const apps: App[] = [];
  try {
    const smallDb = await createScaleDatabase('small', { workDir: work.workDir, serverUrl });
    databases.push(smallDb);
    const largeDb = await createScaleDatabase('large', { workDir: work.workDir, serverUrl });
    databases.push(largeDb);

    note(`loading ${small} persons`);
    const smallLoad = await load(smallDb, smallPersons);
    note(`loading ${large} persons`);
    const largeLoad = await load(largeDb, largePersons);
    note(`loaded: ${small} in ${(smallLoad.totalMs / 1000).toFixed(1)} s, ${large} in ${(largeLoad.totalMs / 1000).toFixed(1)} s`);

    // ── person lookups ────────────────────────────────────────────────
    const sides: LookupSide[] = [];
    for (const [name, target, persons] of [[`${small} persons`, smallDb, smallPersons], [`${large} persons`, largeDb, largePersons]] as const) {
      const app = await createApp(work.config, { kind: 'hub' }, { db: target.db });
      apps.push(app);
      const url = `${await app.listen()}/graphql`;
      sides.push({ name, db: target.db, url, ids: await sampleIds(target.db, Math.max(lookups, sqlLookupCount), persons) });
    }
    const [smallSide, largeSide] = sides as [LookupSide, LookupSide];
    const plans = [await explainLookup(smallSide.db, smallSide.ids[0]!), await explainLookup(largeSide.db, largeSide.ids[0]!)];
    const statements = await statementsPerLookup(largeSide, work.authorization, largeSide.ids[0]!);
    note(`one gateway lookup sends ${statements.count} SQL statements`);
    for (const s of statements.statements) note(`    ${s.replace(/\s+/g, ' ').slice(0, 160)}`);

    const warmup = Math.min(200, Math.ceil(lookups / 10));
    note(`gateway lookups: ${warmup} + ${lookups} per side, alternating`);
    const loadBefore = loadAverage();
    const gateway = await gatewayLookups(sides, work.authorization, lookups, warmup);
    const loadAfter = loadAverage();
    const gSmall = gateway.get(smallSide.name)!;
    const gLarge = gateway.get(largeSide.name)!;
    note(`sql lookups: ${sqlLookupCount} per side, alternating`);
    const sql = await sqlLookups(sides, sqlLookupCount, Math.min(500, Math.ceil(sqlLookupCount / 10)));
    const sSmall = sql.get(smallSide.name)!;
    const sLarge = sql.get(largeSide.name)!;
    for (const app of apps.splice(0)) await app.close();

    printFigure({
      name: `person-lookup-p99 ${large}÷${small}`,
      ratio: gLarge.p99 / gSmall.p99,
      op: '<=',
      goal: 1.2,
      details: [
        describeLatency(`gateway, ${large} persons`, gLarge),
        describeLatency(`gateway, ${small} persons`, gSmall),
        ['p50 ratio', (gLarge.p50 / gSmall.p50).toFixed(2)],
        ['p99 ratio per fifth of the run', percentileRatioByBlock(gLarge.samples, gSmall.samples, 99, 5).map((r) => r.toFixed(2)).join(', ')],
        ['per lookup', `${statements.count} SQL statements (reads, audit append, alert rules); single-flight, alternating hubs, ${warmup} warm-up lookups each; random existing ids`],
        ['query', LOOKUP_QUERY],
        ['machine load average (1/5/15 min)', `${loadBefore} before, ${loadAfter} after the lookups (${os.cpus().length} cores)`],
        ...describeLoad(large, largeDb.where, largeLoad),
        ...describeLoad(small, smallDb.where, smallLoad),
      ],
    });
    printFigure({
      name: `sql-lookup-p99 ${large}÷${small}`,
      ratio: sLarge.p99 / sSmall.p99,
      op: '<=',
      goal: 1.2,
      details: [
        describeLatency(`SQL, ${large} persons`, sLarge),
        describeLatency(`SQL, ${small} persons`, sSmall),
        ['p50 ratio', (sLarge.p50 / sSmall.p50).toFixed(2)],
        ['p99 ratio per fifth of the run', percentileRatioByBlock(sLarge.samples, sSmall.samples, 99, 5).map((r) => r.toFixed(2)).join(', ')],
        ['statements', 'person by id_number, licences by holder_id, entities by legal_representative (as the DataLoaders send them), one after another'],
        ...(['person', 'licenses', 'entities'] as const).map((k) => [`plan ${k}`, `${large}: ${plans[1]![k]} | ${small}: ${plans[0]![k]}`] as const),
      ],
    });

    // ── audit chain verification ──────────────────────────────────────
    note(`appending ${auditRecords.toLocaleString('en')} audit records through AuditWriter`);
    let shown = 0;
    const appended = await appendTrail(largeDb.db, work.auditSigner, auditRecords, largeSide.ids, (done) => {
      const pct = Math.floor((done / auditRecords) * 4) * 25;
      if (pct > shown) {
        shown = pct;
        note(`  ${pct}% (${done.toLocaleString('en')} records)`);
      }
    });
    const connection = largeDb.db.orm.em.getConnection();
    const [stored] = await connection.execute<Array<{ records: number; checkpoints: number }>>(
      'select (select count(*)::int from sharing.audit_record) as records, (select count(*)::int from sharing.audit_checkpoint) as checkpoints',
    );
    const trailPlans = await describeTrailPlans(largeDb.db);
    const read = await readOnly(largeDb.db);
    const walk = await verifyOnly(largeDb.db, read.records, work.auditPublicKey);
    read.records.length = 0;
    if (!walk.result.ok) throw new Error(`the appended trail does not verify: ${JSON.stringify(walk.result.problems.slice(0, 3))}`);
    const rates = new Map<string, number[]>(VERIFY_VARIANTS.map((v) => [v.name, []]));
    const verifyLoadBefore = loadAverage();
    for (let round = 0; round < verifyRounds; round += 1) {
      for (let k = 0; k < VERIFY_VARIANTS.length; k += 1) {
        const variant = VERIFY_VARIANTS[(round + k) % VERIFY_VARIANTS.length]!;
        const started = performance.now();
        const result = await variant.run(largeDb.db, work.auditPublicKey);
        const seconds = (performance.now() - started) / 1000;
        if (!result.ok || result.records !== stored!.records) throw new Error(`${variant.name}: ok=${result.ok}, ${result.records} of ${stored!.records} records`);
        rates.get(variant.name)!.push(result.records / seconds);
        note(`  round ${round + 1} ${variant.name}: ${Math.round(result.records / seconds).toLocaleString('en')} rows/s`);
      }
    }
    const shipped = median(rates.get(VERIFY_VARIANTS[0]!.name)!);
    printFigure({
      name: 'audit-verify rows/s',
      ratio: shipped / 1000,
      op: '>=',
      goal: 100,
      unit: 'k',
      details: [
        ['trail', `${stored!.records.toLocaleString('en')} records, ${stored!.checkpoints.toLocaleString('en')} signed checkpoints, in the ${large} database (${largeDb.where})`],
        ['append (AuditWriter, 1,000 per transaction)', `${rate(appended.rows, appended.ms)} (${(appended.ms / 1000).toFixed(1)} s)`],
        ...VERIFY_VARIANTS.map((v) => {
          const r = rates.get(v.name)!;
          return [v.name, `${Math.round(median(r)).toLocaleString('en')} rows/s (rounds: ${r.map((x) => Math.round(x).toLocaleString('en')).join(', ')})`] as const;
        }),
        ['read only (readAuditTrail: row JSON, one thread, no hashing)', rate(stored!.records, read.ms)],
        ['machine load average (1/5/15 min)', `${verifyLoadBefore} before, ${loadAverage()} after the verification rounds`],
        ['verify only (records in memory)', rate(stored!.records, walk.ms)],
        ['planner statistics of sharing.audit_record', trailPlans.statistics],
        ...trailPlans.plans.map(([page, plan]) => [`plan of readAuditTrail's query, limit ${page.toLocaleString('en')}`, plan] as const),
      ],
    });
  } finally {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const target of databases) await target.drop().catch((e: unknown) => note(`could not drop ${target.where}: ${String(e)}`));
    await work.close();
  }
}

await main();
