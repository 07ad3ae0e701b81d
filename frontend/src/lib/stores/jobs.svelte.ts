import { bridge, type JobView, type Progress } from '../bridge';
import { toasts } from './toasts.svelte';
import { displayName } from '../format';

const activeStates = ['queued', 'running', 'paused', 'interrupted'];

// The live transfer queue: loaded once, then kept current by transfer:job events (state changes,
// sent at once) and transfer:progress batches (about 4 a second, only jobs that moved).
class JobsStore {
  byId = $state<Record<number, JobView>>({});
  progress = $state<Record<number, Progress>>({});
  #off: Array<() => void> = [];

  /** All known jobs, newest first. */
  list = $derived(Object.values(this.byId).sort((a, b) => b.id - a.id));
  active = $derived(this.list.filter((j) => activeStates.includes(j.state)));
  running = $derived(this.list.filter((j) => j.state === 'running').length);
  failed = $derived(this.list.filter((j) => j.state === 'failed').length);

  async start() {
    if (this.#off.length === 0) {
      this.#off.push(bridge.onJob((j) => this.apply(j, true)));
      this.#off.push(bridge.onProgress((batch) => this.applyProgress(batch)));
    }
    const [active, recent] = await Promise.all([
      bridge.jobs({ kinds: [], states: activeStates, text: '', cursor: '', limit: 500 }),
      bridge.jobs({ kinds: [], states: [], text: '', cursor: '', limit: 100 }),
    ]);
    for (const j of [...recent.jobs, ...active.jobs]) this.apply(j, false);
  }

  /** reload forgets the jobs shown and loads the active profile's (after a profile switch). */
  async reload() {
    this.byId = {};
    this.progress = {};
    await this.start();
  }

  stop() {
    this.#off.forEach((off) => off());
    this.#off = [];
  }

  /** apply records a job event; live events of finished work raise a toast. */
  apply(j: JobView, live: boolean) {
    const before = this.byId[j.id];
    this.byId[j.id] = j;
    if (j.progress) this.progress[j.id] = j.progress;
    if (live && before?.state !== j.state) notify(j);
  }

  applyProgress(batch: Progress[]) {
    for (const p of batch) this.progress[p.id] = p;
  }
}

function notify(j: JobView) {
  if (j.state === 'done') toasts.push('success', `${verb(j)} ${displayName(j.name)}`);
  if (j.state === 'failed') toasts.push('error', `Could not finish ${displayName(j.name)}`, j.error?.message);
}

function verb(j: JobView): string {
  if (j.kind === 'import') return 'Import started:';
  if (j.kind.startsWith('download')) return 'Downloaded';
  return 'Uploaded';
}

export const jobs = new JobsStore();
