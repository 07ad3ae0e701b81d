// Which library rows are checked, by video number, plus the anchor row that Shift-click ranges
// start from. The set is replaced (never mutated) so the 20,000-row list stays cheap to observe.
// Select-all is "every match of the filter" (`everything`), counted from the filter's total, with
// `keys` then holding the rows unchecked since: rows never loaded are selected too.
export class Selection {
  keys = $state.raw(new Set<string>());
  everything = $state(false);
  matching = $state(0);
  #anchor = -1;

  get size(): number {
    return this.everything ? Math.max(0, this.matching - this.keys.size) : this.keys.size;
  }

  has(key: string): boolean {
    return this.keys.has(key) !== this.everything;
  }

  /** selectMatching selects every video matching the current filter: `total` of them. */
  selectMatching(total: number) {
    this.everything = true;
    this.matching = total;
    this.keys = new Set();
    this.#anchor = -1;
  }

  /** except lists the unchecked rows of a select-all (what the backend leaves out). */
  except(): string[] {
    return this.everything ? [...this.keys] : [];
  }

  /** list returns the selected keys in the order of `order` (the rows as shown). */
  list(order: string[]): string[] {
    return order.filter((k) => this.has(k));
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
    const range = order.slice(lo, hi + 1);
    if (this.everything) this.keys = new Set([...this.keys].filter((k) => !range.includes(k)));
    else this.keys = new Set([...this.keys, ...range]);
    this.#anchor = index;
  }

  /** pick applies a click: Shift extends from the anchor, anything else toggles. */
  pick(order: string[], index: number, shift: boolean) {
    if (shift) this.extend(order, index);
    else this.toggle(order[index], index);
  }

  all(order: string[]) {
    this.everything = false;
    this.keys = new Set(order);
  }

  clear() {
    if (this.keys.size > 0) this.keys = new Set();
    this.everything = false;
    this.#anchor = -1;
  }

  /** retain drops keys no longer listed (after a reload or a delete). */
  retain(order: string[]) {
    if (this.everything) return; // the backend checks the count when it acts
    const present = new Set(order);
    const kept = [...this.keys].filter((k) => present.has(k));
    if (kept.length !== this.keys.size) this.keys = new Set(kept);
  }
}
