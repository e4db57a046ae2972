/**
 * Starts the load driver (driver.worker.ts) in a worker thread and talks to it.
 *
 * tsx hooks only the main thread: a worker given a `.ts` file fails with
 * ERR_UNKNOWN_FILE_EXTENSION. The worker therefore starts from a one-line ES
 * module that registers tsx's loader (its public `tsx/esm/api`) and then
 * imports the TypeScript driver.
 */
import { Worker } from 'node:worker_threads';
import type { DriverRequest, DriverResponse, Phase, PhaseResult, WorkloadPlan } from './protocol.js';

/** The driver worker, ready for phases. */
export interface Driver {
  run(phase: Phase): Promise<PhaseResult>;
  close(): Promise<void>;
}

/** A request without its id (the id is added when it is sent). */
type Unsent = DriverRequest extends infer R ? (R extends DriverRequest ? Omit<R, 'id'> : never) : never;

type Pending = { resolve: (r: PhaseResult | undefined) => void; reject: (e: Error) => void };

/** Starts the worker and hands it the plan. */
export async function startDriver(plan: WorkloadPlan): Promise<Driver> {
  // Resolved here, against this project's dependencies: a data: URL module has no base to resolve from.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const target = new URL('./driver.worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(target)});\n`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
  const pending = new Map<number, Pending>();
  let nextId = 0;
  worker.on('message', (msg: DriverResponse) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(`load driver: ${msg.error}`));
  });
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`load driver exited with code ${code}`)));
  const call = (message: Unsent): Promise<PhaseResult | undefined> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  await call({ type: 'init', plan });
  return {
    async run(phase) {
      const result = await call({ type: 'phase', phase });
      if (!result) throw new Error(`load driver: phase ${phase.name} returned nothing`);
      return result;
    },
    async close() {
      await worker.terminate();
    },
  };
}
