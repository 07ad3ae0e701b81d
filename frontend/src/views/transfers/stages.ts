// What a job's kind, state and server status mean to a person: labels, tones and the actions that
// apply. Pure functions, so the Transfers rows only format and every rule is tested in one place.
import type { contract } from '../../../wailsjs/go/models';
import { formatBytes, formatWait } from '../../lib/format';
import { JobKind, JobState } from '../../lib/bridge/contract';
import { retryOf } from '../../lib/retry';
import { t, type MessageKey } from '../../lib/i18n/i18n.svelte';

export type Tone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger' | 'muted';

/** Stage is one half of the two-stage badge. */
export interface Stage {
  label: string;
  tone: Tone;
}

export type Filter = 'all' | 'uploads' | 'downloads' | 'imports';
export type Action = 'pause' | 'resume' | 'cancel' | 'retry' | 'reveal';

interface KindInfo {
  label: string;
  slot: string; // the paced endpoint, as in "next upload slot"
  group: Exclude<Filter, 'all'>;
  active: string; // transfer stage while bytes move
  done: string; // transfer stage once finished
  server: boolean; // followed through server indexing afterwards
}

// Built on each call, so the words are those of the language on screen.
const kinds = (): Record<JobKind, KindInfo> => ({
  [JobKind.UploadFile]: { label: t('kind.upload'), slot: 'upload', group: 'uploads', active: t('stage.uploading'), done: t('stage.uploaded'), server: true },
  [JobKind.UploadURL]: { label: t('kind.uploadUrl'), slot: 'upload', group: 'uploads', active: t('stage.sendingUrl'), done: t('stage.sent'), server: true },
  [JobKind.Import]: { label: t('kind.import'), slot: 'import', group: 'imports', active: t('stage.sendingLinks'), done: t('stage.sent'), server: true },
  [JobKind.Download]: { label: t('kind.download'), slot: 'download', group: 'downloads', active: t('stage.downloading'), done: t('stage.downloaded'), server: false },
  [JobKind.DownloadAsset]: { label: t('kind.asset'), slot: 'download', group: 'downloads', active: t('stage.downloading'), done: t('stage.downloaded'), server: false },
});

const unknownKind = (): KindInfo =>
  ({ label: t('kind.transfer'), slot: 'transfer', group: 'uploads', active: t('stage.transferring'), done: t('state.done'), server: false });

/** kindInfo describes a job kind; an unknown kind still gets readable words. */
export function kindInfo(kind: string): KindInfo {
  return kinds()[kind as JobKind] ?? unknownKind();
}

export const activeStates: JobState[] = [JobState.Running, JobState.Queued, JobState.Paused, JobState.Interrupted];
export const finishedStates: JobState[] = [JobState.Done, JobState.Failed, JobState.Canceled];

/** matchesFilter tells whether a job of this kind shows under the filter. */
export function matchesFilter(filter: Filter, kind: string): boolean {
  return filter === 'all' || kindInfo(kind).group === filter;
}

/** inLine: the job waits for its endpoint (the backend gave it a place), so nothing moves yet. */
export function inLine(job: contract.JobView): boolean {
  return (job.place ?? 0) > 0 && (job.state === JobState.Queued || job.state === JobState.Running);
}

/** waitLeft is how long until the pacer lets the job start, from the absolute startsAt. */
export function waitLeft(job: contract.JobView, now: number): number {
  return inLine(job) && job.startsAt > 0 ? Math.max(0, job.startsAt - now) : 0;
}

/** isWaiting: the job holds its place until the endpoint's next free slot. */
export function isWaiting(job: contract.JobView, waitMs: number): boolean {
  return waitMs > 0 && (job.state === JobState.Queued || job.state === JobState.Running);
}

/** lineText is "3rd in line, starts in about 2:40", or just the place while no slot wait is known. */
export function lineText(job: contract.JobView, waitMs: number): string {
  const place = t('line.place', { place: job.place });
  return waitMs > 0 ? t('line.starts', { place, wait: formatWait(waitMs) }) : place;
}

const fixedStages: Partial<Record<JobState, { key: MessageKey; tone: Tone }>> = {
  [JobState.Queued]: { key: 'state.queued', tone: 'neutral' },
  [JobState.Paused]: { key: 'state.paused', tone: 'muted' },
  [JobState.Interrupted]: { key: 'state.interrupted', tone: 'warn' },
  [JobState.Failed]: { key: 'state.failed', tone: 'danger' },
  [JobState.Canceled]: { key: 'state.canceled', tone: 'muted' },
};

/** transferStage is the first half of the badge: the local transfer. */
export function transferStage(job: contract.JobView, waitMs: number): Stage {
  const retry = retryOf(job);
  if (retry) return { label: t(retry.rateLimited ? 'stage.waitingService' : 'stage.retrying'), tone: 'warn' };
  if (isWaiting(job, waitMs) || (inLine(job) && job.state === JobState.Running)) return { label: t('stage.waitingSlotShort'), tone: 'warn' };
  const info = kindInfo(job.kind);
  if (job.state === JobState.Running) return { label: info.active, tone: 'accent' };
  if (job.state === JobState.Done) return { label: info.done, tone: 'ok' };
  const fixed = fixedStages[job.state];
  return fixed ? { label: t(fixed.key), tone: fixed.tone } : { label: job.state, tone: 'neutral' };
}

/** normalizeStatus folds the service's spellings of failure together, as the backend does. */
export function normalizeStatus(s: string | undefined): string {
  const up = (s ?? '').trim().toUpperCase();
  return ['FAIL', 'FAILED', 'PARSE_ERROR', 'ERROR'].includes(up) ? 'FAILED' : up;
}

const serverStages: Record<string, { key: MessageKey; tone: Tone }> = {
  PENDING: { key: 'stage.waitingPlatform', tone: 'warn' },
  UNPARSE: { key: 'stage.indexing', tone: 'accent' },
  PARSE: { key: 'stage.ready', tone: 'ok' },
  FAILED: { key: 'state.failed', tone: 'danger' },
};

/**
 * serverStage is the second half of the badge, for uploads and imports only: what the server
 * reported (result.status), "Then indexing" before the transfer finished, and nothing when the
 * transfer failed or was canceled before the server had the video.
 */
export function serverStage(job: contract.JobView): Stage | null {
  if (!kindInfo(job.kind).server) return null;
  const status = normalizeStatus(job.result?.status);
  const known = serverStages[status];
  if (known) return { label: t(known.key), tone: known.tone };
  if (status) return { label: status, tone: 'neutral' };
  if (job.state === JobState.Failed || job.state === JobState.Canceled) return null;
  if (job.state === JobState.Done) return { label: t('stage.waitingServer'), tone: 'neutral' };
  return { label: t('stage.thenIndexing'), tone: 'muted' };
}

/**
 * serverCause explains a failed indexing. contract.JobView carries no cause yet; when the backend adds
 * result.cause (the video's cause from list_videos) it shows without a change here.
 */
export function serverCause(job: contract.JobView): string {
  const cause = (job.result as { cause?: unknown } | undefined)?.cause;
  return typeof cause === 'string' && cause ? cause : t('stage.indexFailed');
}

const actionStates: Record<Exclude<Action, 'reveal'>, JobState[]> = {
  pause: [JobState.Queued, JobState.Running],
  resume: [JobState.Paused, JobState.Interrupted],
  cancel: [JobState.Queued, JobState.Running, JobState.Paused, JobState.Interrupted],
  retry: [JobState.Failed, JobState.Canceled],
};

/** actionsFor lists the per-row actions that apply to the job now, in display order. */
export function actionsFor(job: contract.JobView): Action[] {
  const out = (Object.keys(actionStates) as Array<keyof typeof actionStates>).filter((a) =>
    actionStates[a].includes(job.state),
  ) as Action[];
  if (job.state === JobState.Done && kindInfo(job.kind).group === 'downloads' && job.result?.path) out.push('reveal');
  return out;
}

/**
 * barValue is the progress bar's percentage, or null for an indeterminate bar (running with no
 * known total, such as URL uploads and imports).
 */
export function barValue(job: contract.JobView, p: contract.Progress | undefined): number | null {
  if (job.state === JobState.Done) return 100;
  if (p && p.total > 0) return Math.round(Math.min(100, Math.max(0, p.percent || 0)));
  // A job waiting for its slot moves nothing yet: an empty bar, not the sliding "working" one.
  return job.state === JobState.Running && !inLine(job) ? null : 0;
}

/**
 * orderActive lists jobs in the order they were queued, whatever their state, so pausing or
 * starting a job never moves its row (and the next row never slides under the pointer).
 */
export function orderActive(list: contract.JobView[]): contract.JobView[] {
  return [...list].sort((a, b) => a.created - b.created || a.id - b.id);
}

/** recentFinished is the last `limit` finished jobs, most recently finished first. */
export function recentFinished(list: contract.JobView[], filter: Filter, limit = 100): contract.JobView[] {
  return list
    .filter((j) => finishedStates.includes(j.state) && matchesFilter(filter, j.kind))
    .sort((a, b) => b.updated - a.updated || b.id - a.id)
    .slice(0, limit);
}

/** bytesText is "12 MB of 1.2 GB", just "12 MB" when the total is unknown, or "" when nothing moved. */
export function bytesText(job: contract.JobView, p: contract.Progress | undefined): string {
  if (p && p.total > 0) return t('batch.bytes', { done: formatBytes(p.done), total: formatBytes(p.total) });
  if (p && p.done > 0) return formatBytes(p.done);
  if (job.state === JobState.Done && job.result?.bytes) return formatBytes(job.result.bytes);
  return '';
}
