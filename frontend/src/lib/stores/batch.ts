// The queue as one batch: every job seen waiting or moving since the queue was last empty. It
// gives the summary line (N of M, bytes, total ETA) and the single toast when the batch ends.
// Pure functions over the jobs store's records, so every rule is tested without a component.
import type { contract } from '../../../wailsjs/go/models';
import { JobKind, JobState, isDownload } from '../bridge/contract';
import { displayName, formatBytes, formatList, formatWait, jobName } from '../format';
import { t } from '../i18n/i18n.svelte';
import { retryOf, retryHead, type Retry } from '../retry';
import type { ToastWords } from './toasts.svelte';

export const activeStates: JobState[] = [JobState.Queued, JobState.Running, JobState.Paused, JobState.Interrupted];
/** A batch ends when none of its jobs is queued or running any more. */
export const movingStates: JobState[] = [JobState.Queued, JobState.Running];

export interface BatchSummary {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  etaMs: number; // -1 when unknown
  retrying: number; // jobs waiting to try again after a failure
  retry: Retry | null; // the soonest of those waits
  now: number;
}

/** summarize adds up a batch: finished jobs, bytes moved of the known total, and time left. */
export function summarize(batch: contract.JobView[], progress: Record<number, contract.Progress>, now: number): BatchSummary {
  const s: BatchSummary = { done: 0, total: batch.length, bytesDone: 0, bytesTotal: 0, etaMs: -1, retrying: 0, retry: null, now };
  let speed = 0;
  let lastStart = now;
  for (const j of batch) {
    const p = progress[j.id];
    if (!activeStates.includes(j.state)) s.done++;
    if (p && p.total > 0) {
      s.bytesDone += Math.min(p.done, p.total);
      s.bytesTotal += p.total;
    }
    const retry = retryOf(j);
    if (retry) {
      s.retrying++;
      if (!s.retry || retry.at < s.retry.at) s.retry = retry;
    } else if (j.state === JobState.Running && !(j.place > 0)) speed += Math.max(0, p?.speed ?? 0);
    if (j.place > 0 && j.startsAt > lastStart) lastStart = j.startsAt;
  }
  s.etaMs = eta(s, speed, lastStart - now);
  return s;
}

// eta is the later of the last pacer start and the bytes left at the current total speed.
function eta(s: BatchSummary, speed: number, waitMs: number): number {
  const left = s.bytesTotal - s.bytesDone;
  const moving = left > 0 && speed > 0 ? (left / speed) * 1000 : left > 0 ? -1 : 0;
  if (moving < 0) return waitMs > 0 ? waitMs : -1;
  return Math.max(moving, waitMs);
}

/**
 * summaryText is "3 of 8 done · 1.2 GB of 4.0 GB · about 5:10 left". While jobs wait to try
 * again no time left can be promised, so it says why they wait instead.
 */
export function summaryText(s: BatchSummary): string {
  const parts = [t('batch.done', { done: s.done, total: s.total })];
  if (s.bytesTotal > 0) parts.push(t('batch.bytes', { done: formatBytes(s.bytesDone), total: formatBytes(s.bytesTotal) }));
  if (s.retry) {
    const first = retryHead(s.retry, s.now);
    parts.push(s.retrying === 1 ? first : t('batch.retrying', { count: s.retrying, next: first }));
  } else if (s.etaMs > 0) parts.push(t('batch.left', { wait: formatWait(s.etaMs) }));
  return parts.join(' · ');
}

export interface BatchToast extends ToastWords {
  kind: 'success' | 'error' | 'info';
  /** reword words it again in the language on screen, failures with their jobs' newest messages. */
  reword: () => ToastWords;
}

/**
 * batchToast is the one notice for a finished batch: how many finished, failed or were canceled.
 * fresh gives a job's newest copy, whose error is worded in the language now on screen.
 */
export function batchToast(batch: contract.JobView[], fresh: (id: number) => contract.JobView | undefined = () => undefined): BatchToast {
  const reword = () => batchWords(batch.map((j) => ({ ...j, error: fresh(j.id)?.error ?? j.error }) as contract.JobView));
  const failed = batch.some((j) => j.state === JobState.Failed);
  const done = batch.some((j) => j.state === JobState.Done);
  return { kind: failed ? 'error' : done ? 'success' : 'info', ...reword(), reword };
}

function batchWords(batch: contract.JobView[]): ToastWords {
  const count = (state: JobState) => batch.filter((j) => j.state === state).length;
  const failed = batch.filter((j) => j.state === JobState.Failed);
  const done = count(JobState.Done);
  const parts = [t('batch.finished', { count: done, noun: noun(batch) })];
  if (failed.length) parts.push(t('batch.failed', { count: failed.length }));
  for (const state of [JobState.Canceled, JobState.Paused, JobState.Interrupted]) {
    if (count(state)) parts.push(t('batch.inState', { count: count(state), state }));
  }
  const detail =
    failed.map((j) => t('batch.failure', { name: displayName(jobName(j)), message: j.error?.message ?? t('state.failed') })).join('\n') ||
    undefined;
  return { text: formatList(parts, 'plain'), detail };
}

// noun names the batch by its kinds: "download", "upload", "import", or "transfer" when mixed.
function noun(batch: contract.JobView[]): string {
  const kinds = new Set(batch.map((j) => (isDownload(j.kind) ? 'download' : j.kind === JobKind.Import ? 'import' : 'upload')));
  return kinds.size === 1 ? [...kinds][0] : 'transfer';
}
