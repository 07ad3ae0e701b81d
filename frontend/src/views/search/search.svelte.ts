import { bridge, toErrorInfo } from '../../lib/bridge';
import type { contract } from '../../../wailsjs/go/models';
import type { ModeId } from './search';
import { t } from '../../lib/i18n/i18n.svelte';

// The Search view's state, kept while the person visits other views.

class SearchState {
  mode = $state<ModeId>('seen');
  text = $state('');
  picture = $state('');
  level = $state('');
  tag = $state('');
  camera = $state('');
  taken = $state('');
  place = $state(''); // "lat, lon"
  scope = $state('');
  answer = $state.raw<contract.SearchAnswer | null>(null); // raw: an answer of 1,000 moments is read, never changed
  asked = $state(''); // the words the answer is for, to highlight
  error = $state<contract.ErrorInfo | null>(null);
  busy = $state(false);
  unindexed = $state(0);
  recent = $state<contract.RecentSearch[]>([]);
  open = $state.raw<contract.Moment | null>(null);
  /** here holds videos found on this computer since the answer came (a download from the pane). */
  here = $state.raw(new Set<string>());
  private seq = 0;

  /** placeError says what is wrong with the place filter; '' when it is empty or fine. */
  get placeError(): string {
    return this.place.trim() && !parsePlace(this.place) ? t('search.placeError') : '';
  }

  async run(fresh = false) {
    const seq = ++this.seq;
    const place = parsePlace(this.place);
    this.busy = true;
    this.error = null;
    this.open = null;
    try {
      const answer = await bridge.find({
        mode: this.mode, text: this.text, image: this.picture, scope: this.scope, level: this.level,
        tag: this.tag, camera: this.camera, taken: this.taken, latitude: place?.[0], longitude: place?.[1], page: 0, fresh,
      });
      if (seq !== this.seq) return;
      this.answer = answer;
      this.here = new Set();
      this.asked = this.mode === 'picture' ? '' : this.text;
    } catch (e) {
      if (seq !== this.seq) return;
      this.answer = null;
      this.error = toErrorInfo(e);
    } finally {
      if (seq === this.seq) this.busy = false;
    }
    void this.refreshSide();
  }

  /** isHere tells whether this computer holds the moment's video. */
  isHere(m: contract.Moment): boolean {
    return !!m.local_path || this.here.has(m.video_no);
  }

  /** foundHere records that a video of the answer is now on this computer. */
  foundHere(videoNo: string) {
    if (!this.here.has(videoNo)) this.here = new Set([...this.here, videoNo]);
  }

  /** byPicture searches for moments like the picture at path. */
  async byPicture(path: string) {
    this.mode = 'picture';
    this.picture = path;
    await this.run();
  }

  /** again runs a recent search. */
  async again(r: contract.RecentSearch) {
    if (r.kind === 'image') return this.byPicture(r.text);
    this.mode = r.kind === 'phrase' ? 'exact' : this.mode === 'exact' || this.mode === 'picture' ? 'seen' : this.mode;
    this.text = r.text;
    await this.run();
  }

  /** refreshSide reloads the recent list and the count of videos not searchable yet. */
  async refreshSide() {
    const [recent, unindexed] = await Promise.allSettled([bridge.recentSearches(), bridge.unindexed()]);
    if (recent.status === 'fulfilled') this.recent = recent.value ?? [];
    if (unindexed.status === 'fulfilled') this.unindexed = unindexed.value;
  }
}

/** parsePlace reads "lat, lon"; null when it is not two numbers in range. */
export function parsePlace(text: string): [number, number] | null {
  const m = text.trim().match(/^(-?\d+(?:\.\d+)?)\s*[,; ]\s*(-?\d+(?:\.\d+)?)$/);
  if (!m) return null;
  const [lat, lon] = [Number(m[1]), Number(m[2])];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
}

export const search = new SearchState();
