/**
 * Errors thrown by the audit trail. Verification never throws (it returns an
 * {@link AuditVerification}); these come from writing (a malformed entry or
 * chain head), from signing with an unusable key, and from
 * {@link assertAuditChain}.
 */
import { AppError, type ErrorCode, type ErrorDetails } from '../../errors.js';
import type { AuditFinding } from './audit.types.js';

/** An audit-trail failure; `details.reason` is always set. */
export class AuditError extends AppError {
  override readonly name = 'AuditError';

  constructor(code: ErrorCode, message: string, details: ErrorDetails & { reason: string }, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }

  /**
   * An entry that cannot be hashed or stored faithfully (reason `INVALID_ENTRY`).
   * Entries are built by the server, so this is a server fault, not user input.
   */
  static invalidEntry(field: string, why: string): AuditError {
    return new AuditError('INTERNAL_SERVER_ERROR', `Audit entry ${field}: ${why}`, { field, reason: 'INVALID_ENTRY' });
  }

  /** The chain head to append to is malformed (reason `INVALID_HEAD`). */
  static invalidHead(why: string): AuditError {
    return new AuditError('INTERNAL_SERVER_ERROR', `Audit chain head: ${why}`, { reason: 'INVALID_HEAD' });
  }

  /** The checkpoint key or kid cannot be used (reason `INVALID_SIGNER`). */
  static invalidSigner(why: string, cause?: unknown): AuditError {
    return new AuditError('INTERNAL_SERVER_ERROR', `Audit checkpoint signer: ${why}`, { reason: 'INVALID_SIGNER' }, { cause });
  }

  /** The record or time to checkpoint is malformed (reason `INVALID_CHECKPOINT`). */
  static invalidCheckpoint(why: string): AuditError {
    return new AuditError('INTERNAL_SERVER_ERROR', `Audit checkpoint: ${why}`, { reason: 'INVALID_CHECKPOINT' });
  }

  /** Verification found problems (reason `AUDIT_CHAIN_BROKEN`); `details.problems` holds the first 20. */
  static broken(problems: readonly AuditFinding[]): AuditError {
    const first = problems[0];
    const summary = first ? `${first.problem} at seq ${first.seq}` : 'no detail';
    return new AuditError(
      'INTERNAL_SERVER_ERROR',
      `The audit trail failed verification: ${problems.length} problem(s), first ${summary}`,
      { reason: 'AUDIT_CHAIN_BROKEN', problems: problems.slice(0, 20), count: problems.length },
    );
  }
}
