/**
 * The streaming state machine behind {@link verifyAuditChain} (internal to the
 * audit module).
 *
 * Records arrive in storage order. Each is hashed once under its stored seq;
 * only when that fails are up to three other seqs tried, so a record whose
 * seq column was changed (a renumbered chain) is still recognised by its
 * *true* seq — the one its hash was computed with. The chain is then walked
 * in true-seq order:
 *
 * - a record arriving ahead of its turn waits in a bounded buffer (the
 *   reorder window); when the buffer overflows, or the input ends, the seqs
 *   still missing are declared deleted;
 * - each accepted record is held back by one step, so a rival for the same
 *   seq (an insertion) can be told from the genuine record by which one its
 *   successor links to (or the checkpoint at that seq);
 * - once settled, a record is checked for integrity (EDITED), for its link to
 *   the previous record (a mismatch means the previous one was re-hashed:
 *   EDITED there), against checkpoints at its seq (CHECKPOINT_MISMATCH), and
 *   for its storage position: a record next to neither its chain predecessor
 *   nor its successor in the input is REORDERED.
 *
 * Memory is O(reorder window + findings), independent of the trail's length.
 */
import type { AuditCheckpoint, AuditFinding, AuditProblem, AuditRecord } from './audit.types.js';
import { GENESIS_HASH, hashAuditRecord, isSeq } from './canonical-bytes.js';

/** A record reduced to what the chain walk needs. */
interface Item {
  /** True seq: the one its hash verifies under (or, for an edited record, the best guess). */
  readonly seq: number;
  /** Seq as stored. */
  readonly stored: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly intact: boolean;
  /** 0-based position in the input. */
  readonly pos: number;
  /** Set when this record follows seqs declared deleted. */
  afterGap: Gap | undefined;
}

interface Gap {
  from: number;
  to: number;
  /** Hash of the record before the gap. */
  readonly hashBefore: string;
  /** prevHash of the record after the gap, once known. */
  prevHashAfter: string | undefined;
}

/** Consecutive settled records whose stored seq differs from the true seq by the same amount. */
interface Run {
  readonly shift: number;
  readonly start: number;
  end: number;
  count: number;
  displaced: number;
}

interface Finding {
  problem: AuditProblem;
  seq: number;
  detail: string;
}

const ORDER: Readonly<Record<AuditProblem, number>> = {
  BAD_CHECKPOINT_SIGNATURE: 0, DELETED: 1, INSERTED: 2, REORDERED: 3, EDITED: 4, CHECKPOINT_MISMATCH: 5, TRUNCATED: 6,
};

const short = (hash: unknown): string => (typeof hash === 'string' ? `${hash.slice(0, 12)}…` : String(hash));

function tryHash(seq: number, record: AuditRecord): string | undefined {
  try {
    return hashAuditRecord(seq, record.prevHash, record);
  } catch {
    return undefined; // malformed members: the record cannot be intact
  }
}

export interface ChainVerifierOptions {
  readonly reorderWindow: number;
  readonly maxProblems: number;
}

export class ChainVerifier {
  private readonly findings: Finding[] = [];
  private readonly byKey = new Map<string, Finding>();
  private omitted = 0;
  private count = 0;
  private nextSeq = 1;
  private prev: Item = { seq: 0, stored: 0, prevHash: GENESIS_HASH, hash: GENESIS_HASH, intact: true, pos: -1, afterGap: undefined };
  private cur: Item | undefined;
  private alt: Item | undefined;
  private readonly pending = new Map<number, Item>();
  private readonly gaps: Gap[] = [];
  private gapBeforeNext: Gap | undefined;
  private run: Run = { shift: 0, start: 0, end: 0, count: 0, displaced: 0 };
  private readonly runs: Run[] = [];
  private lastMatchedCheckpoint = 0;

  constructor(
    /** Checkpoints whose signatures verified, by seq. */
    private readonly checkpoints: ReadonlyMap<number, readonly AuditCheckpoint[]>,
    private readonly maxCheckpointSeq: number,
    private readonly options: ChainVerifierOptions,
  ) {}

  /** Records seen so far. */
  get records(): number {
    return this.count;
  }

  /** Records a finding; findings of the same kind at the same seq are merged. */
  report(problem: AuditProblem, seq: number, detail: string): void {
    const key = `${problem}:${seq}`;
    const found = this.byKey.get(key);
    if (found) {
      if (!found.detail.includes(detail)) found.detail += `; ${detail}`;
      return;
    }
    if (this.findings.length >= this.options.maxProblems) {
      this.omitted++;
      return;
    }
    const finding = { problem, seq, detail };
    this.findings.push(finding);
    this.byKey.set(key, finding);
  }

  /** Feeds the next record in storage order. */
  push(record: AuditRecord): void {
    const pos = this.count++;
    const stored = record.seq;
    let seq = stored;
    let intact = tryHash(stored, record) === record.hash;
    if (!intact) {
      const found = this.trueSeqOf(record);
      if (found !== undefined) {
        seq = found;
        intact = true;
      } else {
        // Edited: assume it kept its place (adjusted for a renumbering in progress).
        seq = isSeq(stored) && isSeq(stored - this.run.shift) ? stored - this.run.shift : this.nextSeq;
      }
    }
    const item: Item = { seq, stored, prevHash: record.prevHash, hash: record.hash, intact, pos, afterGap: undefined };
    if (seq === this.nextSeq) {
      this.accept(item);
      this.drain();
    } else if (seq > this.nextSeq) {
      if (this.pending.has(seq)) {
        this.report('INSERTED', seq, `a second record claims seq ${seq} (input position ${pos + 1})`);
      } else {
        this.pending.set(seq, item);
        if (this.pending.size > this.options.reorderWindow) this.skipGap();
      }
    } else {
      this.late(item);
    }
  }

  /** Ends the input and returns the findings, ordered by seq. */
  finish(): { problems: AuditFinding[]; omitted: number } {
    while (this.pending.size > 0) this.skipGap();
    if (this.cur) this.settle(undefined);
    this.closeRun();
    for (const gap of this.gaps) {
      this.report('DELETED', gap.from, gap.from === gap.to
        ? `seq ${gap.from} is missing`
        : `seqs ${gap.from}…${gap.to} are missing (${gap.to - gap.from + 1} records)`);
    }
    for (const run of this.runs) this.explainRun(run);
    const last = this.prev.seq;
    if (this.maxCheckpointSeq > last) {
      this.report('TRUNCATED', last + 1, `the trail ends at seq ${last}, but a signed checkpoint vouches for seq ${this.maxCheckpointSeq}: seqs ${last + 1}…${this.maxCheckpointSeq} are missing`);
    }
    const problems = this.findings.slice().sort((a, b) => a.seq - b.seq || ORDER[a.problem] - ORDER[b.problem]);
    return { problems, omitted: this.omitted };
  }

  /** The seq a record's hash verifies under, when not its stored one: a renumbered record. */
  private trueSeqOf(record: AuditRecord): number | undefined {
    const stored = record.seq;
    if (!isSeq(stored)) return undefined;
    const tried = [stored];
    for (const candidate of [stored - this.run.shift, this.nextSeq, stored - 1, stored + 1]) {
      if (!isSeq(candidate) || tried.includes(candidate)) continue;
      tried.push(candidate);
      if (tryHash(candidate, record) === record.hash) return candidate;
    }
    return undefined;
  }

  private accept(item: Item): void {
    if (this.cur) this.settle(item);
    item.afterGap = this.gapBeforeNext;
    this.gapBeforeNext = undefined;
    this.cur = item;
    this.nextSeq = item.seq + 1;
  }

  private drain(): void {
    for (let item = this.pending.get(this.nextSeq); item; item = this.pending.get(this.nextSeq)) {
      this.pending.delete(item.seq);
      this.accept(item);
    }
  }

  /** Declares the seqs up to the lowest waiting one deleted and moves on. */
  private skipGap(): void {
    let lowest = Infinity;
    for (const seq of this.pending.keys()) if (seq < lowest) lowest = seq;
    const gap: Gap = { from: this.nextSeq, to: lowest - 1, hashBefore: (this.cur ?? this.prev).hash, prevHashAfter: undefined };
    this.gaps.push(gap);
    this.gapBeforeNext = gap;
    this.nextSeq = lowest;
    this.drain();
  }

  /** A record whose seq is behind the walk: far-displaced, or a duplicate. */
  private late(item: Item): void {
    const gap = this.gaps.find((g) => g.from <= item.seq && item.seq <= g.to);
    if (gap) {
      this.report('REORDERED', item.seq, `stored at input position ${item.pos + 1}, more than ${this.options.reorderWindow} records from its place`);
      if (!item.intact) this.report('EDITED', item.seq, 'its content does not match its hash');
      else if (gap.from === gap.to) {
        if (item.prevHash !== gap.hashBefore && item.seq > 1) this.report('EDITED', item.seq - 1, `seq ${item.seq} links to ${short(item.prevHash)}, not to seq ${item.seq - 1}'s hash ${short(gap.hashBefore)}`);
        if (gap.prevHashAfter !== undefined && gap.prevHashAfter !== item.hash) this.report('EDITED', item.seq, `seq ${item.seq + 1} links to ${short(gap.prevHashAfter)}, not to this record's hash ${short(item.hash)}`);
      }
      this.checkCheckpoints(item);
      // Split the gap around the record that turned up.
      if (gap.from === gap.to) this.gaps.splice(this.gaps.indexOf(gap), 1);
      else if (item.seq === gap.from) gap.from++;
      else if (item.seq === gap.to) gap.to--;
      else {
        this.gaps.splice(this.gaps.indexOf(gap) + 1, 0, { from: item.seq + 1, to: gap.to, hashBefore: item.hash, prevHashAfter: gap.prevHashAfter });
        gap.to = item.seq - 1;
        gap.prevHashAfter = item.prevHash;
      }
      return;
    }
    if (this.cur && item.seq === this.cur.seq && !this.alt) {
      this.alt = item; // decided when the successor (or the end) shows which one the chain continues from
      return;
    }
    this.report('INSERTED', item.seq, `seq ${item.seq} appears again at input position ${item.pos + 1}`);
  }

  /** Picks between the held-back record and a rival, then checks the winner. */
  private settle(next: Item | undefined): void {
    const cur = this.cur;
    if (!cur) return;
    let winner = cur;
    const alt = this.alt;
    if (alt) {
      this.alt = undefined;
      winner = this.pick(cur, alt, next);
      const loser = winner === cur ? alt : cur;
      this.report('INSERTED', cur.seq, `two records claim seq ${cur.seq} (input positions ${cur.pos + 1} and ${alt.pos + 1}); the one at position ${loser.pos + 1} is not part of the chain`);
    }
    this.cur = undefined;
    this.finalize(winner, next);
  }

  private pick(cur: Item, alt: Item, next: Item | undefined): Item {
    if (next && !next.afterGap) {
      if (next.prevHash === cur.hash) return cur;
      if (next.prevHash === alt.hash) return alt;
    }
    for (const cp of this.checkpoints.get(cur.seq) ?? []) {
      if (cp.hash === cur.hash) return cur;
      if (cp.hash === alt.hash) return alt;
    }
    const links = (item: Item): boolean => item.intact && item.prevHash === this.prev.hash;
    return !links(cur) && links(alt) ? alt : cur;
  }

  private finalize(item: Item, next: Item | undefined): void {
    const prev = this.prev;
    if (!item.intact) this.report('EDITED', item.seq, 'its content does not match its hash');
    if (item.prevHash !== prev.hash) {
      if (item.afterGap) item.afterGap.prevHashAfter = item.prevHash;
      else if (item.intact) {
        if (prev.seq === 0) this.report('EDITED', item.seq, `seq ${item.seq} opens the trail but does not link to the genesis hash`);
        else this.report('EDITED', prev.seq, `seq ${item.seq} links to ${short(item.prevHash)}, not to this record's hash ${short(prev.hash)}: it was altered and re-hashed`);
      }
      // A non-intact record is already EDITED: its prevHash may be the altered member.
    }
    this.checkCheckpoints(item);

    const predecessorAdjacent = item.pos === prev.pos + 1;
    const successorAdjacent = next ? next.pos === item.pos + 1 : item.pos === this.count - 1;
    const displaced = !predecessorAdjacent && !successorAdjacent;
    if (displaced) {
      this.report('REORDERED', item.seq, `stored at input position ${item.pos + 1}, next to neither seq ${prev.seq} (position ${prev.pos + 1}) nor seq ${item.seq + 1}`);
    }

    const shift = item.intact ? item.stored - item.seq : this.run.shift;
    if (shift !== this.run.shift) {
      this.closeRun();
      this.run = { shift, start: item.seq, end: item.seq, count: 1, displaced: displaced ? 1 : 0 };
    } else if (shift !== 0) {
      this.run.end = item.seq;
      this.run.count++;
      if (displaced) this.run.displaced++;
    }
    this.prev = item;
  }

  private checkCheckpoints(item: Item): void {
    const list = this.checkpoints.get(item.seq);
    if (!list) return;
    for (const cp of list) {
      if (cp.hash === item.hash) {
        if (item.seq > this.lastMatchedCheckpoint) this.lastMatchedCheckpoint = item.seq;
        continue;
      }
      const since = this.lastMatchedCheckpoint > 0 ? ` (the chain still matched the checkpoint at seq ${this.lastMatchedCheckpoint})` : '';
      this.report('CHECKPOINT_MISMATCH', item.seq, `the checkpoint signed at ${cp.at.toISOString()} says ${short(cp.hash)}, the record has ${short(item.hash)}: the chain was rewritten at or before seq ${item.seq}${since}`);
    }
  }

  private closeRun(): void {
    if (this.run.shift !== 0 && this.run.count > 0) this.runs.push(this.run);
    this.run = { shift: 0, start: 0, end: 0, count: 0, displaced: 0 };
  }

  /** Names what a renumbered run means: part of an insertion, of a deletion, or an edited seq column. */
  private explainRun(run: Run): void {
    if (run.displaced === run.count) return; // already REORDERED, record by record
    const what = run.count === 1
      ? `seq ${run.start} is stored as ${run.start + run.shift}`
      : `seqs ${run.start}…${run.end} are stored as ${run.start + run.shift}…${run.end + run.shift}`;
    if (run.shift > 0 && this.byKey.has(`INSERTED:${run.start}`)) {
      this.report('INSERTED', run.start, `the chain was renumbered to make room: ${what}`);
      return;
    }
    const gap = run.shift < 0 ? this.gaps.find((g) => g.to === run.start - 1) : undefined;
    if (gap) {
      this.report('DELETED', gap.from, `the chain was renumbered to close the gap: ${what}`);
      return;
    }
    this.report('EDITED', run.start, `the seq column was changed: ${what}`);
  }
}
