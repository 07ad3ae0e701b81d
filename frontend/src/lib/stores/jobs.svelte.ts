import { bridge } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { toasts } from './toasts.svelte';
import { activeStates, batchToast, movingStates } from './batch';
import { JobState } from '../bridge/contract';
import { retryOf, retryText } from '../retry';
import { announcer, progressEvery } from './announcer.svelte';
import { t } from '../i18n/i18n.svelte';
import { formatPercent, jobName } from '../format';

// The live transfer queue: loaded once, then kept current by transfer:job events (state changes,
// sent at once) and transfer:progress batches (about 4 a second, only jobs that moved).
class JobsStore {
  byId = $state<Record<number, contract.JobView>>({});
  progress = $state<Record<number, contract.Progress>>({});
  /** Ids of the jobs queued or moving since the queue was last idle: the current batch. */
  batchIds = $state<number[]>([]);
  #off: Array<() => void> = [];

  /** All known jobs, newest first. */
  list = $derived(Object.values(this.byId).sort((a, b) => b.id - a.id));
  active = $derived(this.list.filter((j) => activeStates.includes(j.state)));
  running = $derived(this.list.filter((j) => j.state === JobState.Running).length);
  failed = $derived(this.list.filter((j) => j.state === JobState.Failed).length);
  batch = $derived(this.batchIds.map((id) => this.byId[id]).filter(Boolean));
  /**
   * The jobs the queue summary counts: the batch plus every job still listed under "In
   * progress" (paused and interrupted ones too), so "N of M done" leaves exactly the In progress
   * count not done.
   */
  counted = $derived([...this.batch, ...this.active.filter((j) => !this.batchIds.includes(j.id))]);

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

  /** apply records a job event; when a live event ends the batch, one toast sums it up. */
  apply(j: contract.JobView, live: boolean) {
    const before = this.byId[j.id];
    // An event about an older record of the job (a lineup refresh that read the queue just
    // before the job finished) must not bring a finished job back to life.
    if (before && j.updated < before.updated) return;
    this.byId[j.id] = j;
    // Queued again (Retry, Resume): the bytes of the earlier attempt are not this one's.
    if (before && before.state !== j.state && j.state === JobState.Queued) delete this.progress[j.id];
    if (j.progress) this.progress[j.id] = j.progress;
    if (movingStates.includes(j.state) && !this.batchIds.includes(j.id)) this.batchIds.push(j.id);
    if (live && before?.state !== j.state && this.batchIds.includes(j.id)) this.#endBatch();
    const retry = retryOf(j);
    if (live && retry && retry.at !== before?.retry?.at) announcer.say(t('announce.job', { name: jobName(j), text: retryText(retry, Date.now()) }));
  }

  // endBatch raises the batch's one toast once nothing in it is queued or running any more.
  #endBatch() {
    const batch = this.batch;
    if (batch.some((b) => movingStates.includes(b.state))) return;
    this.batchIds = [];
    if (batch.some((b) => !activeStates.includes(b.state))) {
      const t = batchToast(batch, (id) => this.byId[id]);
      toasts.push(t.kind, t.text, t.detail, t.reword);
    }
  }

  /** applyProgress records progress; now and then (progressEvery) a line reads one job's out. */
  applyProgress(batch: contract.Progress[]) {
    for (const p of batch) {
      this.progress[p.id] = p;
      const job = this.byId[p.id];
      if (job && p.total > 0) announcer.sayEvery('progress', t('announce.job', { name: jobName(job), text: formatPercent(p.percent / 100) }), progressEvery);
    }
  }
}

export const jobs = new JobsStore();
