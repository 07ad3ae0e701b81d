// Job views for the Transfers tests, shaped like the backend's transfer.JobView events.
import type { contract } from '../../../wailsjs/go/models';
import { JobKind, JobState } from '../../lib/bridge/contract';

let nextId = 1;

export function makeJob(over: Partial<contract.JobView> & { id?: number } = {}): contract.JobView {
  const id = over.id ?? nextId++;
  return {
    id, kind: JobKind.UploadFile, state: JobState.Queued, scope: 'default', name: `clip-${id}.mp4`, tags: [],
    created: 1_700_000_000_000 + id, updated: 1_700_000_000_000 + id, attempts: 0, result: {}, nextSlotMs: 0, place: 0, startsAt: 0,
    ...over,
  } as contract.JobView;
}

export function makeProgress(id: number, over: Partial<contract.Progress> = {}): contract.Progress {
  return { id, done: 0, total: -1, speed: 0, eta: -1, percent: 0, ...over } as contract.Progress;
}
