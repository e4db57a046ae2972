/**
 * The access-transparency audit trail: every read of personal data is
 * recorded (fields and purpose, never values) in a hash chain with signed
 * checkpoints, so an edited, deleted, inserted or reordered record is
 * detected and located. Pure: no database, GraphQL or HTTP; the caller stores
 * what {@link chainRecords} returns and feeds stored records back to
 * {@link verifyAuditChain}.
 *
 * @example
 * import { chainRecords, signCheckpoint, verifyAuditChain } from './access/audit/index.js';
 * const records = chainRecords(head, entries);                       // store these
 * const cp = signCheckpoint(records.at(-1)!, new Date(), signer);    // store this
 * const result = await verifyAuditChain(stored, checkpoints, publicKey);
 */
export { AuditError } from './audit.errors.js';
export type {
  AuditCheckpoint,
  AuditEntry,
  AuditFinding,
  AuditProblem,
  AuditRecord,
  AuditVerification,
} from './audit.types.js';
export { canonicalAuditBytes, GENESIS_HASH, hashAuditRecord } from './canonical-bytes.js';
export { chainRecords } from './chain-records.js';
export { CHECKPOINT_TYP, signCheckpoint, verifyCheckpoint, type CheckpointKeys } from './checkpoint.js';
export {
  assertAuditChain,
  createAuditChainVerifier,
  verifyAuditChain,
  type AuditChainVerification,
  type AuditChainVerifier,
  type VerifyAuditOptions,
} from './verify-chain.js';
