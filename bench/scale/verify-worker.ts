/**
 * Worker thread of the "verify off the reading thread" variant (see
 * audit-trail.ts): receives pages of rows as JSON text, decodes them and feeds
 * the streaming verifier; acknowledges each page so the reader keeps a
 * bounded number in flight; answers the verification on `{ done: true }`.
 */
import type { KeyObject } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditCheckpoint } from '../../src/access/audit/audit.types.js';
import { createAuditChainVerifier } from '../../src/access/audit/verify-chain.js';
import { recordFromJson } from './trail-json.js';

const { checkpoints, publicKey } = workerData as { checkpoints: AuditCheckpoint[]; publicKey: KeyObject };
const verifier = createAuditChainVerifier(checkpoints, publicKey);

parentPort!.on('message', (message: { page?: string[]; done?: true }) => {
  if (message.page) {
    for (const text of message.page) verifier.push(recordFromJson(text));
    parentPort!.postMessage({ ack: true });
  } else if (message.done) {
    parentPort!.postMessage({ result: verifier.finish() });
  }
});
