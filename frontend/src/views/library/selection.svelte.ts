// Which library rows are checked, by video number, plus the anchor row that Shift-click ranges
// start from. The set is replaced (never mutated) so the 20,000-row list stays cheap to observe.
export class Selection {
  keys = $state.raw(new Set<string>());
  #anchor = -1;

  get size(): number {
    return this.keys.size;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** list returns the selected keys in the order of `order` (the rows as shown). */
  list(order: string[]): string[] {
    return order.filter((k) => this.keys.has(k));
  }

  /** toggle flips one row and makes it the anchor of the next range. */
  toggle(key: string, index: number) {
    const next = new Set(this.keys);
    if (!next.delete(key)) next.add(key);
    this.keys = next;
    this.#anchor = index;
  }

  /** extend selects every row between the anchor and index (the row itself when there is no anchor). */
  extend(order: string[], index: number) {
    const from = this.#anchor < 0 || this.#anchor >= order.length ? index : this.#anchor;
    const [lo, hi] = from <= index ? [from, index] : [index, from];
    this.keys = new Set([...this.keys, ...order.slice(lo, hi + 1)]);
    this.#anchor = index;
  }

  /** pick applies a click: Shift extends from the anchor, anything else toggles. */
  pick(order: string[], index: number, shift: boolean) {
    if (shift) this.extend(order, index);
    else this.toggle(order[index], index);
  }

  all(order: string[]) {
    this.keys = new Set(order);
  }

  clear() {
    if (this.keys.size > 0) this.keys = new Set();
    this.#anchor = -1;
  }

  /** retain drops keys no longer listed (after a reload or a delete). */
  retain(order: string[]) {
    const present = new Set(order);
    const kept = [...this.keys].filter((k) => present.has(k));
    if (kept.length !== this.keys.size) this.keys = new Set(kept);
  }
}
