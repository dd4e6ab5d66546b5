// The benchmark's data scale factor (issue 19, `pnpm bench --scale=N`): its bounds, and the
// realistic skew of the scaled rows — events, aid and money concentrate in a few missions,
// areas and organisations. Shared by the incidents, humanitarian and finance seeds (and
// scripts/bench), so it is kit's, not a script's.

/** The largest data scale factor the seed accepts (×1000 of the incidents is ~1.3 million rows). */
export const MAX_SEED_SCALE = 1000;

/** `scale` when it is a whole number from 1 to MAX_SEED_SCALE; throws naming the range otherwise. */
export function checkedScale(scale: number): number {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SEED_SCALE) {
    throw new RangeError(`seed scale must be a whole number from 1 to ${MAX_SEED_SCALE}, got ${scale}`);
  }
  return scale;
}

/**
 * A stable number in [0, 1) from a string: the scaled rows draw from hashes of their ids, never
 * from Math.random. FNV-1a then a murmur3 finaliser — a hundred times cheaper than the ×1
 * seeds' sha256, which matters at ×100 (millions of draws), and as evenly spread for this.
 */
export function unitOf(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** Zipf weights 1/rank^exponent for ranks 1…n: the first few items hold most of the mass. */
export function zipfWeights(n: number, exponent = 1): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** exponent);
}

/** Draws items with fixed weights from a uniform number in [0, 1), in O(log n). */
export class WeightedDraw<T> {
  private readonly cumulative: number[] = [];

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (!items.length || items.length !== weights.length) throw new RangeError('WeightedDraw needs one weight per item, and at least one item');
    let total = 0;
    for (const w of weights) this.cumulative.push((total += w));
  }

  /** Items in rank order (busiest first) with Zipf weights. */
  static zipf<T>(ranked: readonly T[], exponent = 1): WeightedDraw<T> {
    return new WeightedDraw(ranked, zipfWeights(ranked.length, exponent));
  }

  draw(unit: number): T {
    const target = unit * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
