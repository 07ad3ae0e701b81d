import type { contract } from '../../../wailsjs/go/models';
import { formatWait } from '../../lib/format';
import { JobState } from '../../lib/bridge/contract';

export type Tone = 'muted' | 'active' | 'ok' | 'danger';

/** The server-side steps of an import task, in order (index into importSteps). */
export const importSteps = ['Task created', 'Videos fetched', 'Indexed'] as const;

export interface Stage {
  label: string;
  tone: Tone;
  /** Which of importSteps is current, or -1 before the task exists on the server. */
  step: number;
}

const local: Partial<Record<JobState, Omit<Stage, 'step'>>> = {
  [JobState.Running]: { label: 'Creating the import task…', tone: 'active' },
  [JobState.Paused]: { label: 'Paused', tone: 'muted' },
  [JobState.Interrupted]: { label: 'Interrupted — resume it in Transfers', tone: 'muted' },
  [JobState.Canceled]: { label: 'Canceled', tone: 'muted' },
};

const server: Record<string, Stage> = {
  PENDING: { label: 'Task created — the platform is sending the videos', tone: 'active', step: 0 },
  UNPARSE: { label: 'Videos fetched — being indexed', tone: 'active', step: 1 },
  PARSE: { label: 'Indexed — in your library', tone: 'ok', step: 2 },
  FAILED: { label: 'The service could not import these links', tone: 'danger', step: -1 },
  FAIL: { label: 'The service could not import these links', tone: 'danger', step: -1 },
};

/** importStage describes an import job in two stages: sending the task, then the server's progress. */
export function importStage(j: contract.JobView): Stage {
  if (j.state === JobState.Queued) {
    const label = j.nextSlotMs > 0 ? `Waiting — next import slot in ${formatWait(j.nextSlotMs)}` : 'Waiting to start';
    return { label, tone: 'muted', step: -1 };
  }
  if (j.state === JobState.Failed) return { label: j.error?.message || 'Failed', tone: 'danger', step: -1 };
  const here = local[j.state];
  if (here) return { ...here, step: -1 };
  return server[j.result?.status ?? ''] ?? { label: 'Done', tone: 'ok', step: 2 };
}
