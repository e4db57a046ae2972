/**
 * A small seeded pseudo-random number generator for synthetic data.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through
 * splitmix32 so that nearby seeds give unrelated streams. Not for anything
 * secret: it is predictable by design, so the same seed always gives the same
 * data.
 */

/** A seeded stream of pseudo-random values. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * Creates a generator from a seed. Any finite number is accepted; the integer
 * part of seeds beyond 32 bits is used too. `stream` picks one of several
 * independent streams for the same seed (e.g. persons and entities).
 *
 * @example
 * const random = createPrng(42);
 * random.int(1, 6); // the same roll every run
 */
export function createPrng(seed: number, stream = 0): Prng {
  let mix = (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x1_0000_0000) >>> 0, 0x9e3779b9) ^ Math.imul(stream >>> 0, 0x85ebca6b);
  const splitmix = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1; // the counter; sfc32 starts it at 1

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 still resemble the seed.
  for (let i = 0; i < 12; i += 1) uint32();

  const next = (): number => uint32() / 0x1_0000_0000;
  return {
    next,
    uint32,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance(p) {
      return next() < p;
    },
  };
}

/** A value and its relative weight. */
export type Weighted<T> = readonly [value: T, weight: number];

/**
 * Precomputes a weighted choice, so that each draw is one binary search.
 *
 * @example
 * const pickSurname = weightedPicker([['王', 7.1], ['李', 7.0], ['张', 6.7]]);
 * pickSurname(random); // '王' about a third of the time
 */
export function weightedPicker<T>(entries: readonly Weighted<T>[]): (random: Prng) => T {
  if (entries.length === 0) throw new RangeError('weightedPicker() needs at least one entry');
  const values = entries.map(([value]) => value);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    if (!(weight >= 0)) throw new RangeError(`Weight ${i} is not a non-negative number`);
    total += weight;
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError('weightedPicker() needs a positive total weight');
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return values[low] as T;
  };
}
