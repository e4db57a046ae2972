/**
 * What the load script's main thread and its driver worker say to each other.
 * Everything here is plain data (structured-clonable): the worker holds the
 * workload's state, the main thread only asks for phases and reads summaries.
 */

/** The four classes of work the issue names, in the proportions of the mix. */
export const MIX_CLASSES = ['read', 'issue', 'verify', 'grant'] as const;
/** One class of work. */
export type MixClass = (typeof MIX_CLASSES)[number];

/**
 * One kind of HTTP request, reported on its own row. A class may have several
 * (verification over GraphQL and over `POST /verify`; the steps of a grant change).
 */
export const OP_KINDS = [
  'read',
  'issue',
  'verify.graphql',
  'verify.http',
  'grant.request',
  'grant.approve',
  'grant.check',
  'grant.revoke',
  'grant.check-revoked',
] as const;
/** One kind of request. */
export type OpKind = (typeof OP_KINDS)[number];

/** One simulated client: its `Bearer …` header value and the department its token names. */
export interface Client {
  readonly authorization: string;
  readonly department: string;
}

/** Everything the worker needs to build and check requests (ids, tokens, codes). */
export interface WorkloadPlan {
  /** Base URL of the hub, e.g. `http://127.0.0.1:40123`. */
  readonly baseUrl: string;
  /** Distinguishes this run's idempotency keys and purpose codes from any earlier run's. */
  readonly runId: string;
  /** Share of each class in the mix (any positive numbers; normalised by the schedule). */
  readonly weights: Readonly<Record<MixClass, number>>;
  readonly read: {
    /** Reading departments' systems, one per simulated client (each client its own token). */
    readonly clients: readonly Client[];
    /** Persons to read, in rotation: each request asks for the next one. */
    readonly idNumbers: readonly string[];
    /** Of those, the ones known to represent at least one entity and hold a licence (checked for it). */
    readonly interesting: readonly string[];
  };
  readonly issue: {
    /** One entry per simulated issuing client (each issuing department has several). */
    readonly clients: readonly Client[];
    readonly typeCode: string;
    /** Adults alive in the directory, in rotation. */
    readonly holders: readonly string[];
  };
  readonly verify: {
    /** Windows verifying online; their tokens go on GraphQL calls and (as their rate-limit bucket) on `POST /verify`. */
    readonly clients: readonly Client[];
  };
  readonly grant: {
    /** Consumer departments' systems, which request items and check them. */
    readonly consumers: readonly Client[];
    /** Administrators, who approve and revoke. */
    readonly admins: readonly Client[];
    /** The provider every request is addressed to, and conditional items it provides. */
    readonly provider: string;
    readonly items: readonly string[];
  };
}

/** A closed loop: `connections` clients, each sending its next request when the last one is answered. */
export interface ClosedPhase {
  readonly kind: 'closed';
  readonly name: string;
  readonly connections: number;
  readonly durationMs: number;
}

/** An open loop: arrivals at a fixed rate, on a schedule that does not wait for answers. */
export interface OpenPhase {
  readonly kind: 'open';
  readonly name: string;
  /** Arrivals per second. */
  readonly rate: number;
  readonly durationMs: number;
  /** How long to wait for answers still outstanding after the last arrival. */
  readonly drainMs: number;
  /** More outstanding requests than this means the hub has stopped keeping up: the phase stops sending. */
  readonly maxOutstanding: number;
}

/** Issues `count` licences one at a time (setup: warms the path and fills the verification pool). */
export interface PrimePhase {
  readonly kind: 'prime';
  readonly name: string;
  readonly count: number;
}

/** A phase the worker runs. */
export type Phase = ClosedPhase | OpenPhase | PrimePhase;

/** Latency summary of a set of samples, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** One problem: an answer that was not what the mix expects. */
export interface Problem {
  readonly kind: OpKind;
  /** `http-5xx`, `http-4xx`, `graphql-error`, `check`, `network`, `timeout`… */
  readonly category: string;
  readonly status: number | undefined;
  readonly detail: string;
  /** The hub's `x-request-id` of the answer, to find it in the logs. */
  readonly requestId: string | undefined;
  /** The request, abbreviated (tokens are never included). */
  readonly request: string;
  /** Milliseconds since the phase started. */
  readonly atMs: number;
}

/** Per-kind numbers of a phase. */
export interface KindSummary {
  readonly kind: OpKind;
  readonly latency: LatencySummary;
  readonly errors: number;
}

/** One time slice of a phase (how throughput and latency moved during it). */
export interface WindowSummary {
  readonly fromS: number;
  readonly toS: number;
  readonly sent: number;
  readonly completed: number;
  readonly p50: number;
  readonly p99: number;
}

/** What a phase measured. */
export interface PhaseResult {
  readonly name: string;
  readonly kind: Phase['kind'];
  /** Arrivals the schedule planned (open loop) or requests sent (closed loop). */
  readonly planned: number;
  readonly sent: number;
  readonly completed: number;
  /** Seconds from the phase's start to its last scheduled arrival (open) or its end (closed). */
  readonly sendSeconds: number;
  /** Seconds from the phase's start to its last answer. */
  readonly elapsedSeconds: number;
  /** Answers per second over `elapsedSeconds`. */
  readonly throughput: number;
  readonly overall: LatencySummary;
  readonly byKind: readonly KindSummary[];
  /** Answers by HTTP status (0: no answer). */
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  /** Problems counted by category. */
  readonly errorCategories: Readonly<Record<string, number>>;
  /** The first problems of each kind (a few), for the report. */
  readonly examples: readonly Problem[];
  /** How late the client sent arrivals against their schedule (open loop only; a late client inflates latency). */
  readonly sendLag?: LatencySummary;
  /** True when the open loop stopped sending because too many requests were outstanding. */
  readonly aborted: boolean;
  readonly windows: readonly WindowSummary[];
  /** Licences in the verification pool and grant changes completed, for the report. */
  readonly state: { readonly verifyPool: number; readonly issued: number; readonly grantCycles: number };
}

/** Main thread → worker. */
export type DriverRequest = { readonly id: number; readonly type: 'init'; readonly plan: WorkloadPlan } | { readonly id: number; readonly type: 'phase'; readonly phase: Phase };

/** Worker → main thread. */
export type DriverResponse = { readonly id: number; readonly ok: true; readonly result?: PhaseResult } | { readonly id: number; readonly ok: false; readonly error: string };
