/**
 * Deterministic randomness for the generated world. Every repository draws from its own stream
 * (`fork("repo:42")`), so adding a field to one generator does not reshuffle every other repository
 * and the same seed keeps producing byte-identical responses.
 */

/** mulberry32: tiny and fast, with a full 2^32 period — plenty for test data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bit: stable hashes for seeds, shas and per-item jitter. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) derived from a key, for values that must not depend on draw order. */
export function unitHash(key: string): number {
  return mulberry32(hashString(key))();
}

/** A 40-hex-digit id that looks like a git sha and is a pure function of the key. */
export function fakeSha(key: string): string {
  let out = "";
  for (let round = 0; out.length < 40; round++) {
    out += hashString(`${round}:${key}`).toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}

export class Random {
  private readonly next01: () => number;

  constructor(readonly seed: number) {
    this.next01 = mulberry32(seed);
  }

  /** An independent stream named by a label, reproducible regardless of what was drawn before. */
  fork(label: string): Random {
    return new Random(hashString(label, this.seed));
  }

  next(): number {
    return this.next01();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next01() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next01() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Random.pick from an empty list");
    return items[Math.floor(this.next01() * items.length)] as T;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next01() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next01() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /**
   * Pareto-distributed value >= min: a few huge values and many small ones, like stars, forks and
   * dependents on GitHub. Smaller alpha means a heavier tail.
   */
  pareto(min: number, alpha: number): number {
    return min / (1 - this.next01()) ** (1 / alpha);
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.next01() * 0x100000000)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, length);
  }
}
