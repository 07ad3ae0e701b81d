import type { JobQuery, JobView } from '../../lib/bridge';
import type { Tone } from '../library/Badge.svelte';

// Names people read for job kinds and states, and the History filters built from them.

export const kindLabels: Record<string, string> = {
  upload_file: 'Upload',
  upload_url: 'URL upload',
  import: 'Import',
  download: 'Download',
  download_asset: 'Asset download',
};

/** The kind filter's choices: value is the job kind ("" = all). */
export const kindChoices = [
  { value: '', label: 'All kinds' },
  { value: 'upload_file', label: 'Uploads' },
  { value: 'upload_url', label: 'URL uploads' },
  { value: 'import', label: 'Imports' },
  { value: 'download', label: 'Downloads' },
  { value: 'download_asset', label: 'Asset downloads' },
] as const;

/** The state filter's choices, each standing for one or more job states. */
export const stateChoices = [
  { value: '', label: 'All states', states: [] },
  { value: 'done', label: 'Done', states: ['done'] },
  { value: 'failed', label: 'Failed', states: ['failed'] },
  { value: 'canceled', label: 'Canceled', states: ['canceled'] },
  { value: 'interrupted', label: 'Interrupted', states: ['interrupted'] },
  { value: 'active', label: 'Queued, running or paused', states: ['queued', 'running', 'paused'] },
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
export function buildJobQuery(f: HistoryFilters, cursor = ''): JobQuery {
  const states = stateChoices.find((c) => c.value === f.state)?.states ?? [];
  return { kinds: f.kind ? [f.kind] : [], states: [...states], text: f.text.trim(), cursor, limit: historyPage };
}

export const stateLooks: Record<string, { label: string; tone: Tone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'accent' },
  paused: { label: 'Paused', tone: 'neutral' },
  interrupted: { label: 'Interrupted', tone: 'warn' },
  done: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  canceled: { label: 'Canceled', tone: 'neutral' },
};

/** canReveal: a finished download whose file can be shown in the file manager. */
export function canReveal(j: JobView): boolean {
  return j.kind.startsWith('download') && j.state === 'done' && !!j.result?.path;
}

/** canRetry: failed and canceled jobs can be queued again. */
export function canRetry(j: JobView): boolean {
  return j.state === 'failed' || j.state === 'canceled';
}

/** fresher picks the more recent of two copies of a job (history page vs live event). */
export function fresher(a: JobView, b: JobView | undefined): JobView {
  return b && b.id === a.id && (b.updated ?? 0) >= (a.updated ?? 0) ? b : a;
}
