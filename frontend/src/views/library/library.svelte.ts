import { bridge, toErrorInfo } from '../../lib/bridge';
import type { contract } from '../../../wailsjs/go/models';
import { buildQuery, emptyFilters, type Filters } from './query';
import { JobKind } from '../../lib/bridge/contract';
import { Selection } from './selection.svelte';
import { status } from '../../lib/stores/status.svelte';

// The Library view's state: filters, the pages of the local cache loaded so far (appended as the
// list scrolls), the server refresh and the selection. It outlives the view, so switching views
// keeps the filters and the rows; the server refresh runs once per app session.
export class LibraryStore {
  filters = $state<Filters>(emptyFilters());
  videos = $state.raw<contract.CachedVideo[]>([]);
  total = $state(0);
  cursor = $state('');
  loaded = $state(false);
  error = $state<contract.ErrorInfo | null>(null);
  refreshing = $state(false);
  /** show names a video another view asked the Library to open in the details drawer. */
  show = $state('');
  refreshError = $state<contract.ErrorInfo | null>(null);
  lastRefresh = $state<contract.RefreshResult | null>(null);
  selection = new Selection();

  /** keys are the loaded rows' video numbers, in list order. */
  keys = $derived(this.videos.map((v) => v.videoNo));
  /** rowCount is what the list scrolls over: every match while more pages exist, else what is loaded. */
  rowCount = $derived(this.cursor ? Math.max(this.total, this.videos.length) : this.videos.length);

  #gen = 0;
  #more: Promise<void> | null = null;
  #refreshed = false;

  /** reload fetches the first page again, and more until `keep` rows are back (to hold the scroll). */
  async reload(keep = 0) {
    const gen = ++this.#gen;
    this.#more = null;
    const f = $state.snapshot(this.filters) as Filters;
    try {
      let page = await bridge.library(buildQuery(f));
      let videos = page.videos ?? [];
      while (videos.length < keep && page.nextCursor && gen === this.#gen) {
        page = await bridge.library(buildQuery(f, page.nextCursor));
        videos = videos.concat(page.videos ?? []);
      }
      if (gen !== this.#gen) return;
      this.#apply(videos, page.nextCursor, page.total);
      this.selection.retain(this.keys);
    } catch (e) {
      if (gen === this.#gen) this.error = toErrorInfo(e);
    }
  }

  /** ensure loads pages until row index is loaded (or nothing is left). */
  async ensure(index: number) {
    const gen = this.#gen;
    while (index >= this.videos.length && this.cursor && gen === this.#gen && !this.error) {
      this.#more ??= this.#next(gen);
      await this.#more;
    }
  }

  async #next(gen: number) {
    try {
      const page = await bridge.library(buildQuery($state.snapshot(this.filters) as Filters, this.cursor));
      if (gen === this.#gen) this.#apply(this.videos.concat(page.videos ?? []), page.nextCursor, page.total);
    } catch (e) {
      if (gen === this.#gen) this.error = toErrorInfo(e);
    } finally {
      if (gen === this.#gen) this.#more = null;
    }
  }

  #apply(videos: contract.CachedVideo[], cursor: string, total: number) {
    this.videos = videos;
    this.cursor = cursor ?? '';
    this.total = total ?? videos.length;
    this.error = null;
    this.loaded = true;
  }

  /** refresh pulls the server's list into the cache, then reloads what is shown. */
  async refresh() {
    if (this.refreshing) return;
    this.#refreshed = true;
    this.refreshing = true;
    this.refreshError = null;
    try {
      this.lastRefresh = await bridge.refreshLibrary();
      await this.reload(this.videos.length);
    } catch (e) {
      this.refreshError = toErrorInfo(e);
    } finally {
      this.refreshing = false;
    }
  }

  /** refreshOnce refreshes on the first visit of the app session only. */
  refreshOnce(): Promise<void> {
    return this.#refreshed ? Promise.resolve() : this.refresh();
  }

  /** remove deletes videos on the server and drops them from the list at once. */
  async remove(nos: string[]): Promise<number> {
    const n = await bridge.deleteVideos(nos);
    const gone = new Set(nos);
    this.videos = this.videos.filter((v) => !gone.has(v.videoNo));
    this.total = Math.max(0, this.total - n);
    this.selection.retain(this.keys);
    return n;
  }

  /** selected describes a select-all for the backend: the filter, the unchecked rows, the count shown. */
  selected(): contract.Selection {
    const query = buildQuery($state.snapshot(this.filters) as Filters);
    return { query, except: this.selection.except(), expect: this.selection.size } as contract.Selection;
  }

  /** selectAll checks every match of the filter, also rows not loaded yet. */
  selectAll() {
    if (this.cursor) this.selection.selectMatching(this.total);
    else this.selection.all(this.keys);
  }

  /** removeSelected deletes a select-all's videos on the server, then reloads what is shown. */
  async removeSelected(): Promise<number> {
    const n = await bridge.deleteSelected(this.selected());
    this.selection.clear();
    await this.reload();
    return n;
  }

  /** switchedProfile shows the new profile's library at once: the old one's list, selection and
   * errors (such as "No usable API key" before the sandbox was turned on) no longer apply. */
  switchedProfile() {
    this.reset();
    this.reload().catch(() => {});
    this.refresh().catch(() => {});
  }

  /** reset forgets everything, as at app start (used by tests). */
  reset() {
    this.#gen++;
    this.#more = null;
    this.#refreshed = false;
    this.filters = emptyFilters();
    this.videos = [];
    this.total = 0;
    this.cursor = '';
    this.loaded = false;
    this.error = this.refreshError = this.lastRefresh = null;
    this.refreshing = false;
    this.selection.clear();
  }
}

const indexingKinds = new Set([JobKind.UploadFile, JobKind.UploadURL, JobKind.Import]);

/**
 * indexingSignature summarises the server status of upload and import jobs; when it changes, a
 * video appeared or finished indexing and the library should reload.
 */
export function indexingSignature(list: contract.JobView[]): string {
  return list
    .filter((j) => indexingKinds.has(j.kind) && j.result?.status)
    .map((j) => `${j.id}:${j.result.status}`)
    .join(',');
}

export const library = new LibraryStore();
status.onProfileSwitch(() => library.switchedProfile());
