/**
 * Label values a client chooses (operation names) would let anyone grow the metrics without bound: the first
 * `max` distinct values are kept, later ones are counted together as `_other`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  value(raw: string | undefined | null, fallback = 'anonymous'): string {
    const value = raw || fallback;
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return '_other';
    this.seen.add(value);
    return value;
  }
}
