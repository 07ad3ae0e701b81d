import { bridge, type Duplicate, type Meta, type Scan, type UploadBatch, type Verdict } from '../bridge';
import { fileDefaults, type FileDefaults } from '../media';

/** newMeta returns upload metadata with the app's defaults: keep the original, nothing else set. */
export function newMeta(scope = ''): Meta {
  return { scope, tags: [], takenAt: '', camera: '', prompt: '', callback: '', retainOriginal: true, fileMeta: true };
}

/** copyMeta returns a deep, plain copy of m (tags included), safe to edit without touching m. */
export function copyMeta(m: Meta): Meta {
  return { ...m, tags: [...m.tags] };
}

/** followScope sets m.scope to scope unless the user changed it from the last seeded value. */
export function followScope(m: Meta, seeded: string, scope: string): string {
  if (m.scope === seeded) m.scope = scope;
  return scope;
}

/** mergeByPath appends the verdicts of paths not listed yet (dropping a file twice lists it once). */
function mergeByPath(list: Verdict[], more: Verdict[]): Verdict[] {
  const known = new Set(list.map((v) => v.path));
  const fresh = more.filter((v) => !known.has(v.path) && !!known.add(v.path));
  return fresh.length ? [...list, ...fresh] : list;
}

// The Upload view's selection: files checked by the backend, what was skipped and why, the batch
// metadata and per-file overrides. It lives outside the view so switching views keeps the batch.
// (The Upload view owns this store; the app root only calls addPaths for native drops.)
// Lists are replaced, never mutated ($state.raw), so hundreds of files cost no deep proxies.
class UploadsStore {
  files = $state.raw<Verdict[]>([]);
  skipped = $state.raw<Verdict[]>([]);
  /** Metadata that replaces the batch's for one file, by path. */
  overrides = $state.raw<Record<string, Meta>>({});
  meta = $state<Meta>(newMeta());
  /** Files whose bytes an earlier upload already sent to the batch's scope, by path. */
  duplicates = $state.raw<Record<string, Duplicate>>({});
  /** How many new files are still being compared with earlier uploads. */
  checking = $state(0);
  /** The capture details copied from the one listed file into the batch form (marked "from file"). */
  fromFile = $state.raw<FileDefaults>(fileDefaults(undefined));
  #seeded = '';
  #gen = 0; // bumped by clear(), so a check in flight stops writing

  /** addPaths checks and lists the files (folders are walked); it returns the backend's scan. */
  async addPaths(paths: string[]): Promise<Scan | undefined> {
    if (paths.length === 0) return undefined;
    const scan = await bridge.expandPaths(paths);
    const known = new Set(this.files.map((f) => f.path));
    this.files = mergeByPath(this.files, scan.files ?? []);
    this.skipped = mergeByPath(this.skipped, scan.skipped ?? []);
    this.applyFileDefaults();
    void this.#findDuplicates(this.files.filter((f) => !known.has(f.path)).map((f) => f.path));
    return scan;
  }

  /**
   * #findDuplicates reads the new files one at a time (the disk is the limit, so one at a time is
   * fastest) and marks those an earlier upload already sent, so the user can leave them out before
   * an upload is spent. The list stays usable meanwhile.
   */
  async #findDuplicates(paths: string[]) {
    const gen = this.#gen;
    this.checking += paths.length;
    for (const path of paths) {
      if (gen !== this.#gen) return;
      try {
        const listed = this.files.some((f) => f.path === path);
        const d = listed ? await bridge.findDuplicate(path, this.meta.scope) : null;
        if (d && gen === this.#gen && this.files.some((f) => f.path === path)) {
          this.duplicates = { ...this.duplicates, [path]: d };
        }
      } catch {
        // a file that cannot be read is the upload's to report
      } finally {
        if (gen === this.#gen) this.checking--;
      }
    }
  }

  /** removeDuplicates leaves out every file that was uploaded before. */
  removeDuplicates() {
    for (const path of Object.keys(this.duplicates)) this.remove(path);
  }

  /**
   * applyFileDefaults fills the batch form's capture fields from the file when exactly one is
   * listed (with several, the backend fills each file's own), replacing only values the user has
   * not changed since they were filled; with fileMeta off it takes them back out.
   */
  applyFileDefaults() {
    const one = this.files.length === 1 && this.meta.fileMeta ? this.files[0] : undefined;
    const next = fileDefaults(one);
    const prev = this.fromFile;
    const m = this.meta;
    if (m.takenAt === prev.takenAt) m.takenAt = next.takenAt;
    if (m.camera === prev.camera) m.camera = next.camera;
    if (m.latitude === prev.latitude && m.longitude === prev.longitude) {
      m.latitude = next.latitude;
      m.longitude = next.longitude;
    }
    this.fromFile = next;
  }

  /** seedScope follows the current scope from the settings until the user types another one. */
  seedScope(scope: string) {
    this.#seeded = followScope(this.meta, this.#seeded, scope);
  }

  remove(path: string) {
    this.files = this.files.filter((f) => f.path !== path);
    this.applyFileDefaults();
    this.setOverride(path, undefined);
    if (path in this.duplicates) {
      const { [path]: _, ...rest } = this.duplicates;
      this.duplicates = rest;
    }
  }

  removeSkipped(path: string) {
    this.skipped = this.skipped.filter((f) => f.path !== path);
  }

  /** clear empties the selection; the batch metadata stays for the next batch. */
  clear() {
    this.#gen++;
    this.files = [];
    this.skipped = [];
    this.overrides = {};
    this.duplicates = {};
    this.checking = 0;
    this.applyFileDefaults();
  }

  /** reset forgets everything, the batch metadata too (a fresh start, as after launch). */
  reset() {
    this.clear();
    this.meta = newMeta();
    this.fromFile = fileDefaults(undefined);
    this.#seeded = '';
  }

  setOverride(path: string, m: Meta | undefined) {
    if (!m && !(path in this.overrides)) return;
    const next = { ...this.overrides };
    if (m) next[path] = copyMeta(m);
    else delete next[path];
    this.overrides = next;
  }

  /** batch is what "Upload N videos" sends: every file, its override if any, and the batch metadata. */
  batch(): UploadBatch {
    const files = this.files.map((f) => {
      const override = this.overrides[f.path];
      return override ? { path: f.path, override: copyMeta(override) } : { path: f.path };
    });
    return { files, meta: copyMeta($state.snapshot(this.meta)) } as UploadBatch;
  }
}

export const uploads = new UploadsStore();
