// Job views for the Transfers tests, shaped like the backend's transfer.JobView events.
import type { JobView, Progress } from '../../lib/bridge';
import { JobKind, JobState } from '../../lib/bridge/contract';

let nextId = 1;

export function makeJob(over: Partial<JobView> & { id?: number } = {}): JobView {
  const id = over.id ?? nextId++;
  return {
    id, kind: JobKind.UploadFile, state: JobState.Queued, scope: 'default', name: `clip-${id}.mp4`, tags: [],
    created: 1_700_000_000_000 + id, updated: 1_700_000_000_000 + id, attempts: 0, result: {}, nextSlotMs: 0, place: 0, startsAt: 0,
    ...over,
  } as JobView;
}

export function makeProgress(id: number, over: Partial<Progress> = {}): Progress {
  return { id, done: 0, total: -1, speed: 0, eta: -1, percent: 0, ...over } as Progress;
}
