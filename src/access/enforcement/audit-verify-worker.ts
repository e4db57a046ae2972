/**
 * The worker thread of {@link verifyAuditTrail}: decodes pages of stored
 * records (JSON text, one string per row) and feeds the streaming chain
 * verifier, acknowledging each page so the reader keeps only a few in flight;
 * answers the verification on `{ done: true }`.
 */
import type { KeyObject } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditCheckpoint } from '../audit/audit.types.js';
import { auditRecordFromJson } from '../audit/record-json.js';
import { createAuditChainVerifier } from '../audit/verify-chain.js';

const { checkpoints, publicKey } = workerData as { checkpoints: AuditCheckpoint[]; publicKey: KeyObject };
const verifier = createAuditChainVerifier(checkpoints, publicKey);

parentPort!.on('message', (message: { page?: string[]; done?: true }) => {
  if (message.page) {
    for (const text of message.page) verifier.push(auditRecordFromJson(text));
    parentPort!.postMessage({ ack: true });
  } else if (message.done) {
    parentPort!.postMessage({ result: verifier.finish() });
  }
});
