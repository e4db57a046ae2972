/**
 * Collects check outcomes while a licence is verified and turns them into the
 * ordered check list and verdict (internal to `licensing/`).
 */
import {
  LICENSE_CHECKS,
  VERDICT_PRECEDENCE,
  type LicenseCheck,
  type LicenseCheckName,
  type Verdict,
} from './verification.js';

type Outcome = { ok: true; reason?: string } | { ok: false; verdict: Exclude<Verdict, 'VALID'>; reason: string };

/** Reasons are echoed to clients and logs: keep them short. */
const bounded = (reason: string): string => (reason.length > 300 ? `${reason.slice(0, 300)}…` : reason);

export class CheckRecorder {
  readonly #outcomes = new Map<LicenseCheckName, Outcome>();
  readonly #skipReasons = new Map<LicenseCheckName, string>();

  pass(name: LicenseCheckName, reason?: string): void {
    this.#outcomes.set(name, reason === undefined ? { ok: true } : { ok: true, reason: bounded(reason) });
  }

  fail(name: LicenseCheckName, verdict: Exclude<Verdict, 'VALID'>, reason: string): void {
    this.#outcomes.set(name, { ok: false, verdict, reason: bounded(reason) });
  }

  /** Why `name` did not run, when it is left unset (default: an earlier check failed). */
  skip(name: LicenseCheckName, reason: string): void {
    this.#skipReasons.set(name, reason);
  }

  /** Every check in report order; unset ones are reported as skipped. */
  checks(): LicenseCheck[] {
    return LICENSE_CHECKS.map((name): LicenseCheck => {
      const outcome = this.#outcomes.get(name);
      if (outcome === undefined) {
        return { name, ok: false, skipped: true, reason: this.#skipReasons.get(name) ?? 'not run: an earlier check failed' };
      }
      return outcome.reason === undefined ? { name, ok: outcome.ok } : { name, ok: outcome.ok, reason: outcome.reason };
    });
  }

  /**
   * The strongest failure verdict; VALID only when every check in `required`
   * ran and passed (a check that silently did not run is a bug, and fails closed).
   */
  verdict(required: readonly LicenseCheckName[]): Verdict {
    let best: number | undefined;
    for (const outcome of this.#outcomes.values()) {
      if (outcome.ok) continue;
      const rank = VERDICT_PRECEDENCE.indexOf(outcome.verdict);
      if (best === undefined || rank < best) best = rank;
    }
    if (best !== undefined) return VERDICT_PRECEDENCE[best] ?? 'INVALID';
    return required.every((name) => this.#outcomes.get(name)?.ok === true) ? 'VALID' : 'INVALID';
  }
}
