import type { contract } from '../../../wailsjs/go/models';
import type { Tone } from '../library/Badge.svelte';
import { JobKind, JobState, isDownload } from '../../lib/bridge/contract';

// Names people read for job kinds and states, and the History filters built from them.

export const kindLabels: Record<JobKind, string> = {
  [JobKind.UploadFile]: 'Upload',
  [JobKind.UploadURL]: 'URL upload',
  [JobKind.Import]: 'Import',
  [JobKind.Download]: 'Download',
  [JobKind.DownloadAsset]: 'Asset download',
};

/** The kind filter's choices: value is the job kind ("" = all). */
export const kindChoices = [
  { value: '', label: 'All kinds' },
  { value: JobKind.UploadFile, label: 'Uploads' },
  { value: JobKind.UploadURL, label: 'URL uploads' },
  { value: JobKind.Import, label: 'Imports' },
  { value: JobKind.Download, label: 'Downloads' },
  { value: JobKind.DownloadAsset, label: 'Asset downloads' },
] as const;

/** The state filter's choices, each standing for one or more job states. */
export const stateChoices = [
  { value: '', label: 'All states', states: [] },
  { value: 'done', label: 'Done', states: [JobState.Done] },
  { value: 'failed', label: 'Failed', states: [JobState.Failed] },
  { value: 'canceled', label: 'Canceled', states: [JobState.Canceled] },
  { value: 'interrupted', label: 'Interrupted', states: [JobState.Interrupted] },
  { value: 'active', label: 'Queued, running or paused', states: [JobState.Queued, JobState.Running, JobState.Paused] },
] as const;

export type KindChoice = (typeof kindChoices)[number]['value'];
export type StateChoice = (typeof stateChoices)[number]['value'];

export interface HistoryFilters {
  kind: KindChoice;
  state: StateChoice;
  text: string;
}

export const historyPage = 100;

export function emptyHistoryFilters(): HistoryFilters {
  return { kind: '', state: '', text: '' };
}

/** buildJobQuery turns the History filters into one page request. */
export function buildJobQuery(f: HistoryFilters, cursor = ''): contract.JobQuery {
  const states = stateChoices.find((c) => c.value === f.state)?.states ?? [];
  return { kinds: f.kind ? [f.kind] : [], states: [...states], text: f.text.trim(), cursor, limit: historyPage };
}

export const stateLooks: Record<JobState, { label: string; tone: Tone }> = {
  [JobState.Queued]: { label: 'Queued', tone: 'neutral' },
  [JobState.Running]: { label: 'Running', tone: 'accent' },
  [JobState.Paused]: { label: 'Paused', tone: 'neutral' },
  [JobState.Interrupted]: { label: 'Interrupted', tone: 'warn' },
  [JobState.Done]: { label: 'Done', tone: 'ok' },
  [JobState.Failed]: { label: 'Failed', tone: 'danger' },
  [JobState.Canceled]: { label: 'Canceled', tone: 'neutral' },
};

/** canReveal: a finished download whose file can be shown in the file manager. */
export function canReveal(j: contract.JobView): boolean {
  return isDownload(j.kind) && j.state === JobState.Done && !!j.result?.path;
}

/** canRetry: failed and canceled jobs can be queued again. */
export function canRetry(j: contract.JobView): boolean {
  return j.state === JobState.Failed || j.state === JobState.Canceled;
}

/** fresher picks the more recent of two copies of a job (history page vs live event). */
export function fresher(a: contract.JobView, b: contract.JobView | undefined): contract.JobView {
  return b && b.id === a.id && (b.updated ?? 0) >= (a.updated ?? 0) ? b : a;
}
