import { bridge } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { fileDefaults, type FileDefaults } from '../media';

/** newMeta returns upload metadata with the app's defaults: keep the original, nothing else set. */
export function newMeta(scope = ''): contract.Meta {
  return { scope, tags: [], takenAt: '', camera: '', prompt: '', callback: '', retainOriginal: true, fileMeta: true };
}

/** copyMeta returns a deep, plain copy of m (tags included), safe to edit without touching m. */
export function copyMeta(m: contract.Meta): contract.Meta {
  return { ...m, tags: [...m.tags] };
}

/** followScope sets m.scope to scope unless the user changed it from the last seeded value. */
export function followScope(m: contract.Meta, seeded: string, scope: string): string {
  if (m.scope === seeded) m.scope = scope;
  return scope;
}

/**
 * A file flagged before it is sent: what the backend knows its bytes as ("uploaded", "queued"),
 * or "batch" when another file of this list has the same bytes (of: that file's path).
 */
export type DuplicateFlag = contract.Duplicate & { of?: string };

/** mergeByPath appends the verdicts of paths not listed yet (dropping a file twice lists it once). */
function mergeByPath(list: contract.Verdict[], more: contract.Verdict[]): contract.Verdict[] {
  const known = new Set(list.map((v) => v.path));
  const fresh = more.filter((v) => !known.has(v.path) && !!known.add(v.path));
  return fresh.length ? [...list, ...fresh] : list;
}

// The Upload view's selection: files checked by the backend, what was skipped and why, the batch
// metadata and per-file overrides. It lives outside the view so switching views keeps the batch.
// (The Upload view owns this store; the app root only calls addPaths for native drops.)
// Lists are replaced, never mutated ($state.raw), so hundreds of files cost no deep proxies.
class UploadsStore {
  files = $state.raw<contract.Verdict[]>([]);
  skipped = $state.raw<contract.Verdict[]>([]);
  /** Metadata that replaces the batch's for one file, by path. */
  overrides = $state.raw<Record<string, contract.Meta>>({});
  meta = $state<contract.Meta>(newMeta());
  /**
   * Files that would send bytes again, by path: uploaded before to the batch's scope, already
   * waiting in the queue, or the same bytes as an earlier file of this list.
   */
  duplicates = $state.raw<Record<string, DuplicateFlag>>({});
  /** Each checked file's fingerprint, by path, to find byte-identical files within the list. */
  #fingerprints = new Map<string, string>();
  /** How many new files are still being compared with earlier uploads. */
  checking = $state(0);
  /** The capture details copied from the one listed file into the batch form (marked "from file"). */
  fromFile = $state.raw<FileDefaults>(fileDefaults(undefined));
  #seeded = '';
  #gen = 0; // bumped by clear(), so a check in flight stops writing

  /** addPaths checks and lists the files (folders are walked); it returns the backend's scan. */
  async addPaths(paths: string[]): Promise<contract.Scan | undefined> {
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
        if (d && gen === this.#gen && this.files.some((f) => f.path === path)) this.#flag(path, d);
      } catch {
        // a file that cannot be read is the upload's to report
      } finally {
        if (gen === this.#gen) this.checking--;
      }
    }
  }

  /** #flag records what the backend found for path, or that an earlier listed file has its bytes. */
  #flag(path: string, d: contract.Duplicate) {
    const twin = d.fingerprint ? [...this.#fingerprints].find(([p, fp]) => fp === d.fingerprint && p !== path)?.[0] : undefined;
    if (d.fingerprint) this.#fingerprints.set(path, d.fingerprint);
    const flag: DuplicateFlag | null = d.kind ? d : twin ? { ...d, kind: 'batch', of: twin } : null;
    if (flag) this.duplicates = { ...this.duplicates, [path]: flag };
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
    this.#fingerprints.delete(path);
    const rest = Object.fromEntries(Object.entries(this.duplicates).filter(([p]) => p !== path));
    // A file flagged only as a copy of the removed one is no longer a copy of anything listed.
    for (const [p, d] of Object.entries(rest)) if (d.kind === 'batch' && d.of === path) delete rest[p];
    this.duplicates = rest;
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
    this.#fingerprints.clear();
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

  setOverride(path: string, m: contract.Meta | undefined) {
    if (!m && !(path in this.overrides)) return;
    const next = { ...this.overrides };
    if (m) next[path] = copyMeta(m);
    else delete next[path];
    this.overrides = next;
  }

  /** batch is what "Upload N videos" sends: every file, its override if any, and the batch metadata. */
  batch(): contract.UploadBatch {
    const files = this.files.map((f) => {
      const override = this.overrides[f.path];
      return override ? { path: f.path, override: copyMeta(override) } : { path: f.path };
    });
    return { files, meta: copyMeta($state.snapshot(this.meta)) } as contract.UploadBatch;
  }
}

export const uploads = new UploadsStore();
