import { MIX_CLASSES, type MixClass } from './protocol.js';

/**
 * Smooth weighted round-robin (as nginx balances upstreams): over any stretch
 * of picks each class gets its share, interleaved rather than in runs, and the
 * sequence is the same on every run.
 */
export class WeightedSchedule {
  private readonly current = new Map<MixClass, number>();
  private readonly total: number;

  constructor(private readonly weights: Readonly<Record<MixClass, number>>) {
    this.total = MIX_CLASSES.reduce((sum, c) => sum + Math.max(0, weights[c]), 0);
    if (!(this.total > 0)) throw new Error('the mix has no positive weight');
    for (const c of MIX_CLASSES) this.current.set(c, 0);
  }

  /** The class of the next request. */
  next(): MixClass {
    let best: MixClass = MIX_CLASSES[0];
    let bestValue = -Infinity;
    for (const c of MIX_CLASSES) {
      const value = this.current.get(c)! + Math.max(0, this.weights[c]);
      this.current.set(c, value);
      if (value > bestValue) {
        best = c;
        bestValue = value;
      }
    }
    this.current.set(best, bestValue - this.total);
    return best;
  }
}

