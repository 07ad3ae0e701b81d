import { bridge, toErrorInfo } from '../../lib/bridge';
import type { contract } from '../../../wailsjs/go/models';
import { buildJobQuery, emptyHistoryFilters, type HistoryFilters } from './kinds';

// The History view's state: filters and the pages of past jobs loaded so far, newest first.
export class HistoryStore {
  filters = $state<HistoryFilters>(emptyHistoryFilters());
  rows = $state.raw<contract.JobView[]>([]);
  cursor = $state('');
  loading = $state(false);
  loaded = $state(false);
  error = $state<contract.ErrorInfo | null>(null);
  /** damaged lists the ids of matching jobs whose records could not be read (left out of rows). */
  damaged = $state.raw<number[]>([]);
  #gen = 0;

  /** load fetches the newest page for the current filters, dropping answers to older requests. */
  async load() {
    const gen = ++this.#gen;
    await this.#fetch(gen, '', []);
  }

  /** loadMore appends the next page. */
  async loadMore() {
    if (!this.cursor || this.loading) return;
    await this.#fetch(this.#gen, this.cursor, this.rows);
  }

  async #fetch(gen: number, cursor: string, before: contract.JobView[]) {
    this.loading = true;
    try {
      const page = await bridge.jobs(buildJobQuery($state.snapshot(this.filters) as HistoryFilters, cursor));
      if (gen !== this.#gen) return;
      this.rows = before.concat(page.jobs ?? []);
      const seen = cursor ? this.damaged : [];
      this.damaged = seen.concat((page.damaged ?? []).filter((id) => !seen.includes(id)));
      this.cursor = page.nextCursor ?? '';
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (gen === this.#gen) this.error = toErrorInfo(e);
    } finally {
      if (gen === this.#gen) this.loading = false;
    }
  }

  /** reset forgets everything (used by tests). */
  reset() {
    this.#gen++;
    this.filters = emptyHistoryFilters();
    this.rows = [];
    this.damaged = [];
    this.cursor = '';
    this.loading = this.loaded = false;
    this.error = null;
  }
}

export const history = new HistoryStore();
