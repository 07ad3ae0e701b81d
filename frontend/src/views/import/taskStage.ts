import type { contract } from '../../../wailsjs/go/models';
import { formatWait } from '../../lib/format';
import { JobState } from '../../lib/bridge/contract';
import { t, type MessageKey } from '../../lib/i18n/i18n.svelte';

export type Tone = 'muted' | 'active' | 'ok' | 'danger';

/** The server-side steps of an import task, in order (index into importSteps). */
export const importSteps = ['stage.stepCreated', 'stage.stepFetched', 'stage.stepIndexed'] as const satisfies readonly MessageKey[];

export interface Stage {
  label: string;
  tone: Tone;
  /** Which of importSteps is current, or -1 before the task exists on the server. */
  step: number;
}

const local: Partial<Record<JobState, { key: MessageKey; tone: Tone }>> = {
  [JobState.Running]: { key: 'stage.creating', tone: 'active' },
  [JobState.Paused]: { key: 'state.paused', tone: 'muted' },
  [JobState.Interrupted]: { key: 'stage.interrupted', tone: 'muted' },
  [JobState.Canceled]: { key: 'state.canceled', tone: 'muted' },
};

const server: Record<string, { key: MessageKey; tone: Tone; step: number }> = {
  PENDING: { key: 'stage.pending', tone: 'active', step: 0 },
  UNPARSE: { key: 'stage.unparse', tone: 'active', step: 1 },
  PARSE: { key: 'stage.parse', tone: 'ok', step: 2 },
  FAILED: { key: 'stage.failed', tone: 'danger', step: -1 },
  FAIL: { key: 'stage.failed', tone: 'danger', step: -1 },
};

/** importStage describes an import job in two stages: sending the task, then the server's progress. */
export function importStage(j: contract.JobView): Stage {
  if (j.state === JobState.Queued) {
    const label = j.nextSlotMs > 0 ? t('stage.waitingSlot', { wait: formatWait(j.nextSlotMs) }) : t('stage.waiting');
    return { label, tone: 'muted', step: -1 };
  }
  if (j.state === JobState.Failed) return { label: j.error?.message || t('state.failed'), tone: 'danger', step: -1 };
  const here = local[j.state];
  if (here) return { label: t(here.key), tone: here.tone, step: -1 };
  const there = server[j.result?.status ?? ''];
  return there ? { label: t(there.key), tone: there.tone, step: there.step } : { label: t('state.done'), tone: 'ok', step: 2 };
}
