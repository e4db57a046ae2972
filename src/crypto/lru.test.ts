import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe(Lru.name, () => {
  it('evicts the least recently used entry at capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the youngest
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('rejects a capacity below one', () => {
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});
