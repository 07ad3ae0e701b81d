import type { contract } from '../../../wailsjs/go/models';
import type { Tone } from '../library/Badge.svelte';
import { JobKind, JobState, isDownload } from '../../lib/bridge/contract';
import type { MessageKey } from '../../lib/i18n/i18n.svelte';

// Names people read for job kinds and states (catalogue keys), and the History filters built from them.

export const kindLabels: Record<JobKind, MessageKey> = {
  [JobKind.UploadFile]: 'kind.upload',
  [JobKind.UploadURL]: 'kind.uploadUrl',
  [JobKind.Import]: 'kind.import',
  [JobKind.Download]: 'kind.download',
  [JobKind.DownloadAsset]: 'kind.downloadAsset',
};

/** The kind filter's choices: value is the job kind ("" = all). */
export const kindChoices = [
  { value: '', label: 'kinds.all' },
  { value: JobKind.UploadFile, label: 'kinds.upload' },
  { value: JobKind.UploadURL, label: 'kinds.uploadUrl' },
  { value: JobKind.Import, label: 'kinds.import' },
  { value: JobKind.Download, label: 'kinds.download' },
  { value: JobKind.DownloadAsset, label: 'kinds.downloadAsset' },
] as const;

/** The state filter's choices, each standing for one or more job states. */
export const stateChoices = [
  { value: '', label: 'states.all', states: [] },
  { value: 'done', label: 'state.done', states: [JobState.Done] },
  { value: 'failed', label: 'state.failed', states: [JobState.Failed] },
  { value: 'canceled', label: 'state.canceled', states: [JobState.Canceled] },
  { value: 'interrupted', label: 'state.interrupted', states: [JobState.Interrupted] },
  { value: 'active', label: 'states.active', states: [JobState.Queued, JobState.Running, JobState.Paused] },
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

export const stateLooks: Record<JobState, { label: MessageKey; tone: Tone }> = {
  [JobState.Queued]: { label: 'state.queued', tone: 'neutral' },
  [JobState.Running]: { label: 'state.running', tone: 'accent' },
  [JobState.Paused]: { label: 'state.paused', tone: 'neutral' },
  [JobState.Interrupted]: { label: 'state.interrupted', tone: 'warn' },
  [JobState.Done]: { label: 'state.done', tone: 'ok' },
  [JobState.Failed]: { label: 'state.failed', tone: 'danger' },
  [JobState.Canceled]: { label: 'state.canceled', tone: 'neutral' },
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
