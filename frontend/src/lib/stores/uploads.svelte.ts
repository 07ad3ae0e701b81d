import { bridge, type Verdict } from '../bridge';

// The Upload view's selection: files checked by the backend, and what was skipped and why.
// (The Upload view owns this store; the app root only calls addPaths for native drops.)
class UploadsStore {
  files = $state<Verdict[]>([]);
  skipped = $state<Verdict[]>([]);

  async addPaths(paths: string[]) {
    if (paths.length === 0) return;
    const scan = await bridge.expandPaths(paths);
    const known = new Set(this.files.map((f) => f.path));
    this.files = [...this.files, ...scan.files.filter((f) => !known.has(f.path))];
    this.skipped = [...this.skipped, ...scan.skipped];
  }
}

export const uploads = new UploadsStore();
