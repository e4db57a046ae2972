/**
 * Load: a scripted mixed workload through the gateway — directory reads,
 * licence issuance, online verification and grant changes — first in a closed
 * loop to measure what the mix sustains, then as an open loop at a fixed rate
 * near that capacity (70 % of it by default) for 60 s.
 *
 * Passes when, over the whole run: no HTTP 5xx, no unexpected error (every
 * answer is checked; none is expected in this mix), and the open loop's
 * achieved rate is within LOAD_RATE_TOLERANCE (3 %) of its target. Prints a
 * table per phase, the timeline, the problems seen, and one `@@bench-result`
 * line; exits 1 on failure.
 *
 * Run: npx tsx bench/load/mixed-load.ts   (see bench/load/README.md for the knobs)
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load/mixed-load.ts
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { pino } from 'pino';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { DEPARTMENTS, LICENSE_TYPES } from '../../src/seed/catalogue.js';
import { BENCH_CONSUMER, BENCH_PURPOSE, note } from '../lib/env.js';
import { startDriver, type Driver } from './driver.js';
import { printPhase, printProblems, printVerdict, type Criterion } from './load-report.js';
import { prepareLoadEnv, type LoadEnv } from './load-env.js';
import { EXPECTED_ERRORS } from './operations.js';
import { MIX_CLASSES, type Client, type LatencySummary, type MixClass, type PhaseResult, type WorkloadPlan } from './protocol.js';

/** A positive number from the environment, else the default. */
function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name}=${raw}: a positive number is expected`);
  return v;
}

/** `read=50,verify=30,issue=15,grant=5` → weights (unnamed classes keep their default). */
function mixWeights(spec: string | undefined): Record<MixClass, number> {
  const weights: Record<MixClass, number> = { read: 50, verify: 30, issue: 15, grant: 5 };
  for (const part of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!(MIX_CLASSES as readonly string[]).includes(name ?? '') || !(Number(value) >= 0)) throw new Error(`LOAD_MIX: "${part}" is not <${MIX_CLASSES.join('|')}>=<weight>`);
    weights[name as MixClass] = Number(value);
  }
  return weights;
}

const KNOBS = {
  seconds: knob('LOAD_SECONDS', 60),
  fixedRate: process.env.LOAD_RATE ? knob('LOAD_RATE', 1) : undefined,
  fraction: knob('LOAD_FRACTION', 0.7),
  calibrateSeconds: knob('LOAD_CALIBRATE_SECONDS', 10),
  warmupSeconds: knob('LOAD_WARMUP_SECONDS', 3),
  connections: Math.round(knob('LOAD_CONNECTIONS', 8)),
  tolerance: knob('LOAD_RATE_TOLERANCE', 0.03),
  persons: Math.round(knob('LOAD_PERSONS', 2_000)),
  weights: mixWeights(process.env.LOAD_MIX),
  logLevel: process.env.LOAD_LOG_LEVEL ?? 'warn',
};

/**
 * Who does what. Each class of work is spread over a few departments, as a hub's traffic is: the
 * gateway limits every department to RATE_LIMIT_PER_MINUTE, so one department carrying half of
 * the mix would measure the limiter, not the hub. Each department sends through several clients,
 * each with its own token.
 */
const ROLES = {
  /** Readers, each with FULL grants for its own purpose (the first is the benchmarks' consumer). */
  readers: [
    { department: BENCH_CONSUMER, purpose: BENCH_PURPOSE },
    { department: DEPARTMENTS.samr.code, purpose: 'MARKET_SUPERVISION' },
    { department: DEPARTMENTS.shPsb.code, purpose: 'RESIDENCE_PERMIT' },
    { department: DEPARTMENTS.mps.code, purpose: 'IDENTITY_CHECK' },
  ],
  /** Issuers of driving licences. */
  issuers: [DEPARTMENTS.bjTraffic.code, DEPARTMENTS.shTraffic.code],
  /** Windows that verify licences presented to them. */
  windows: [DEPARTMENTS.bjAmr.code, DEPARTMENTS.shAmr.code, DEPARTMENTS.szAmr.code, DEPARTMENTS.fzAmr.code],
  /** Consumers without grants in the fixture, asking the Beijing police for one item at a time. */
  consumers: [DEPARTMENTS.bjChaoyangCivil.code, DEPARTMENTS.shHuangpuCivil.code],
  grantProvider: DEPARTMENTS.bjPsb.code,
  grantItems: ['Person.phone', 'Person.residenceAddress', 'Person.householdAddress', 'Person.ethnicity'],
  /** The hub's administrators (their department is only their rate-limit bucket). */
  admins: DEPARTMENTS.mca.code,
} as const;

/** Distinct tokens for every simulated client (no two clients share a token-cache entry). */
async function plan(env: LoadEnv, baseUrl: string): Promise<WorkloadPlan> {
  const client = async (department: string, request: Omit<Parameters<LoadEnv['mint']>[0], 'department'>): Promise<Client> =>
    ({ department, authorization: `Bearer ${await env.mint({ ...request, department })}` });
  const many = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));
  // Reads alternate between persons with licences and entities (the full nested answer) and the rest of the directory.
  const interesting = env.interestingIds;
  const interestingSet = new Set(interesting);
  const others = env.allIds.filter((id) => !interestingSet.has(id));
  const idNumbers: string[] = [];
  for (let i = 0; i < Math.max(interesting.length, others.length); i += 1) {
    if (interesting.length) idNumbers.push(interesting[i % interesting.length]!);
    if (others.length) idNumbers.push(others[i % others.length]!);
  }
  return {
    baseUrl,
    runId: randomBytes(4).toString('hex'),
    weights: KNOBS.weights,
    read: {
      clients: await many(8, (i) => {
        const r = ROLES.readers[i % ROLES.readers.length]!;
        return client(r.department, { subject: `load-reader-${i}`, role: 'DEPARTMENT_SYSTEM', purpose: r.purpose });
      }),
      idNumbers,
      interesting,
    },
    issue: {
      clients: await many(4, (i) => client(ROLES.issuers[i % ROLES.issuers.length]!, { subject: `load-issuer-${i}`, role: 'DEPARTMENT_SYSTEM' })),
      typeCode: LICENSE_TYPES.drivingLicense.code,
      holders: env.adultIds,
    },
    verify: {
      clients: await many(4, (i) => client(ROLES.windows[i % ROLES.windows.length]!, { subject: `load-window-${i}`, role: 'OPERATOR' })),
    },
    grant: {
      consumers: await many(2, (i) => client(ROLES.consumers[i]!, { subject: `load-consumer-${i}`, role: 'DEPARTMENT_SYSTEM' })),
      admins: await many(2, (i) => client(ROLES.admins, { subject: `admin:load-${i}`, role: 'ADMIN' })),
      provider: ROLES.grantProvider,
      items: ROLES.grantItems,
    },
  };
}

/**
 * Each department's share of the requests: a class's share is split evenly over its clients
 * (of a grant change's five steps, the consumer sends three and an administrator two).
 */
function departmentShares(p: WorkloadPlan): Map<string, number> {
  const w = p.weights;
  const total = MIX_CLASSES.reduce((sum, c) => sum + w[c], 0);
  const shares = new Map<string, number>();
  const spread = (clients: readonly Client[], share: number) => {
    for (const c of clients) shares.set(c.department, (shares.get(c.department) ?? 0) + share / clients.length / total);
  };
  spread(p.read.clients, w.read);
  spread(p.issue.clients, w.issue);
  spread(p.verify.clients, w.verify);
  spread(p.grant.consumers, (w.grant * 3) / 5);
  spread(p.grant.admins, (w.grant * 2) / 5);
  return shares;
}

/** A warning when the busiest department would come near the gateway's per-department limit at `rate`. */
function rateLimitWarning(config: Config, p: WorkloadPlan, rate: number): string | undefined {
  const [department, share] = [...departmentShares(p)].sort((a, b) => b[1] - a[1])[0]!;
  const perMinute = share * rate * 60;
  if (perMinute < 0.8 * config.rateLimitPerMinute) return undefined;
  return `warning: ${departmentName(department)} would send ~${Math.round(perMinute)} requests a minute, near the gateway's limit of ${config.rateLimitPerMinute}; answers 429 would fail the run (set RATE_LIMIT_PER_MINUTE higher, or LOAD_RATE lower)`;
}

/** A demo department's name and code. */
function departmentName(code: string): string {
  const d = Object.values(DEPARTMENTS).find((x) => x.code === code);
  return d ? `${d.name} (${code})` : code;
}

/** `8 readers (4 departments), …`: how many clients, with their own tokens, each role has. */
function describeClients(p: WorkloadPlan): string {
  const d = (clients: readonly Client[]) => new Set(clients.map((c) => c.department)).size;
  return [
    `${p.read.clients.length} readers (${d(p.read.clients)} departments)`,
    `${p.issue.clients.length} issuers (${d(p.issue.clients)})`,
    `${p.verify.clients.length} verifying windows (${d(p.verify.clients)})`,
    `${p.grant.consumers.length} grant consumers (${d(p.grant.consumers)})`,
    `${p.grant.admins.length} administrators`,
  ].join(', ');
}

const round = (x: number) => Math.round(x * 10) / 10;
const compactLatency = (l: LatencySummary) => ({ count: l.count, p50: round(l.p50), p90: round(l.p90), p99: round(l.p99), max: round(l.max) });

/** A phase for the machine-readable line: rounded, without examples and timeline. */
function compactPhase(p: PhaseResult) {
  return {
    name: p.name, planned: p.planned, sent: p.sent, completed: p.completed, throughput: round(p.throughput), statuses: p.statuses,
    errors: p.errors, errorCategories: p.errorCategories, overall: compactLatency(p.overall),
    byKind: Object.fromEntries(p.byKind.map((k) => [k.kind, { ...compactLatency(k.latency), errors: k.errors }])),
  };
}

async function count(env: LoadEnv, sql: string): Promise<number> {
  return Number((await env.db.orm.em.getConnection().execute<Array<{ n: number }>>(sql))[0]?.n ?? 0);
}

async function main(): Promise<number> {
  // The hub's own limits apply as configured; these two may be set for the run like any hub setting.
  const hubEnv = Object.fromEntries(['RATE_LIMIT_PER_MINUTE', 'REQUEST_TIMEOUT_MS'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const env = await prepareLoadEnv({ databaseUrl: process.env.DATABASE_URL, persons: KNOBS.persons, readers: ROLES.readers, env: hubEnv });
  let app: App | undefined;
  let driver: Driver | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    await driver?.close().catch(() => undefined);
    await app?.close().catch((e: unknown) => note(`closing the hub failed: ${String(e)}`));
    await env.close();
  })());
  // Ctrl-C still drops the run's server database.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // The hub's own warnings and errors go to stderr (stdout carries only results).
    const logger = pino({ name: 'onewindow', level: KNOBS.logLevel, redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token'], censor: '[redacted]' } }, pino.destination(2));
    const config: Config = env.config;
    app = await createApp(config, { kind: 'hub' }, { db: env.db, logger });
    const baseUrl = await app.listen();
    const workload = await plan(env, baseUrl);
    driver = await startDriver(workload);
    note(`hub listening at ${baseUrl} (embedded, ${env.databaseLabel}); mix ${MIX_CLASSES.map((c) => `${c}=${KNOBS.weights[c]}`).join(' ')}`);

    const audit0 = await count(env, 'select count(*)::int as n from sharing.audit_record');
    const phases: PhaseResult[] = [];
    note('priming: issuing 20 licences for the verifiers');
    phases.push(await driver.run({ kind: 'prime', name: 'prime', count: 20 }));
    note(`warming up: ${KNOBS.warmupSeconds} s closed loop`);
    phases.push(await driver.run({ kind: 'closed', name: 'warm-up', connections: KNOBS.connections, durationMs: KNOBS.warmupSeconds * 1000 }));
    note(`calibrating: ${KNOBS.calibrateSeconds} s closed loop, ${KNOBS.connections} connections`);
    const calibration = await driver.run({ kind: 'closed', name: 'calibration', connections: KNOBS.connections, durationMs: KNOBS.calibrateSeconds * 1000 });
    phases.push(calibration);
    const capacity = calibration.throughput;
    const target = KNOBS.fixedRate ?? Math.max(1, Math.round(capacity * KNOBS.fraction * 10) / 10);
    note(`capacity ${capacity.toFixed(1)} req/s; open loop at ${target} req/s for ${KNOBS.seconds} s`);
    const limitWarning = rateLimitWarning(config, workload, Math.max(capacity, target));
    if (limitWarning) note(limitWarning);
    const open = await driver.run({
      kind: 'open', name: 'open loop', rate: target, durationMs: KNOBS.seconds * 1000, drainMs: 30_000, maxOutstanding: Math.max(200, Math.ceil(target * 10)),
    });
    phases.push(open);
    const audit1 = await count(env, 'select count(*)::int as n from sharing.audit_record');
    const alerts = await count(env, 'select count(*)::int as n from sharing.alert');

    const cpus = os.cpus();
    process.stdout.write(`mixed load through the gateway — ${env.databaseLabel}; ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}\n`);
    const expected = EXPECTED_ERRORS.length ? EXPECTED_ERRORS.map((e) => `${e.kind} ${e.code}${e.reason ? `/${e.reason}` : ''}`).join(', ') : 'none';
    const [busiest, busiestShare] = [...departmentShares(workload)].sort((a, b) => b[1] - a[1])[0]!;
    process.stdout.write(`mix (weights): ${MIX_CLASSES.map((c) => `${c} ${KNOBS.weights[c]}`).join(', ')}; expected errors: ${expected}\n`);
    process.stdout.write(`clients: ${describeClients(workload)}; busiest department ${departmentName(busiest)}: ${(busiestShare * 100).toFixed(1)} % of requests = ${Math.round(busiestShare * target * 60)}/min at the target (gateway limit ${config.rateLimitPerMinute}/min per department)\n\n`);
    const unreliable = calibration.errors > 0 ? ` (UNRELIABLE: ${calibration.errors} answers failed)` : '';
    printPhase(`calibration: closed loop, ${KNOBS.connections} connections, ${KNOBS.calibrateSeconds} s → capacity ${capacity.toFixed(1)} req/s${unreliable}`, calibration);
    process.stdout.write('\n');
    printPhase(`open loop: ${target} req/s (${KNOBS.fixedRate ? 'LOAD_RATE' : `${Math.round(KNOBS.fraction * 100)} % of capacity`}) for ${KNOBS.seconds} s; latency from each arrival's scheduled time`, open);
    process.stdout.write(`  state: ${open.state.issued} licences issued in all, ${open.state.grantCycles} grant changes walked request→approve→check→revoke→check; audit trail ${audit0} → ${audit1} records, ${alerts} alerts\n\n`);
    printProblems(phases);

    const all = phases;
    const fivexx = all.reduce((n, p) => n + Object.entries(p.statuses).filter(([s]) => Number(s) >= 500).reduce((a, [, c]) => a + c, 0), 0);
    const unexpected = all.reduce((n, p) => n + p.errors, 0);
    const achieved = open.throughput;
    const ratio = achieved / target;
    const criteria: Criterion[] = [
      { name: 'no HTTP 5xx', pass: fivexx === 0, detail: `${fivexx} answers with status ≥ 500 in ${all.reduce((n, p) => n + p.completed, 0)} requests (all phases)` },
      { name: 'no unexpected errors', pass: unexpected === 0, detail: `${unexpected} answers failed their check (HTTP status, GraphQL errors, data), all phases` },
      { name: 'achieved rate', pass: !open.aborted && open.sent === open.planned && ratio >= 1 - KNOBS.tolerance, detail: `${achieved.toFixed(1)} req/s answered of ${target} req/s target (${(ratio * 100).toFixed(1)} %, tolerance ${(KNOBS.tolerance * 100).toFixed(0)} %); ${open.sent}/${open.planned} arrivals sent` },
    ];
    const pass = printVerdict(criteria, {
      ratio,
      goal: 1 - KNOBS.tolerance,
      details: [
        ['database', env.databaseLabel],
        ['capacity (closed loop)', `${capacity.toFixed(1)} req/s, p50 ${calibration.overall.p50.toFixed(1)} ms, p99 ${calibration.overall.p99.toFixed(1)} ms`],
        ['open loop', `${target} req/s for ${KNOBS.seconds} s: p50 ${open.overall.p50.toFixed(1)} ms, p90 ${open.overall.p90.toFixed(1)} ms, p99 ${open.overall.p99.toFixed(1)} ms, max ${open.overall.max.toFixed(0)} ms`],
        ...open.byKind.map((k) => [k.kind, `${k.latency.count} req, p50 ${k.latency.p50.toFixed(1)} ms, p99 ${k.latency.p99.toFixed(1)} ms, ${k.errors} errors`] as const),
        ['errors', `${fivexx} 5xx, ${unexpected} unexpected`],
      ],
      load: { target, capacity: round(capacity), seconds: KNOBS.seconds, weights: KNOBS.weights, phases: phases.map(compactPhase) },
    });
    return pass ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stop();
  }
}

process.exitCode = await main();
