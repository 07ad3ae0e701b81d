import { describe, expect, it } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { importStage } from './taskStage';
import { ErrorCode, JobKind, JobState } from '../../lib/bridge/contract';

const job = (over: Partial<contract.JobView>): contract.JobView =>
  ({ id: 1, kind: JobKind.Import, state: JobState.Done, name: '2 youtube link(s)', nextSlotMs: 0, result: {}, ...over }) as contract.JobView;

describe('importStage', () => {
  it('follows a task from the queue through the server to its indexed videos', () => {
    expect(importStage(job({ state: JobState.Queued, nextSlotMs: 43_000 }))).toMatchObject({ label: 'Waiting — next import slot in 0:43', step: -1 });
    expect(importStage(job({ state: JobState.Queued })).label).toBe('Waiting to start');
    expect(importStage(job({ state: JobState.Running })).tone).toBe('active');
    expect(importStage(job({ result: { taskId: 't1', status: 'PENDING' } as never }))).toMatchObject({ step: 0, tone: 'active' });
    expect(importStage(job({ result: { status: 'UNPARSE', videoNos: ['VI1'] } as never }))).toMatchObject({ step: 1 });
    expect(importStage(job({ result: { status: 'PARSE', videoNos: ['VI1'] } as never }))).toMatchObject({ step: 2, tone: 'ok' });
  });

  it('reports failures locally and on the server', () => {
    expect(importStage(job({ state: JobState.Failed, error: { code: ErrorCode.NoCredits, message: 'Out of credits.' } as never })))
      .toMatchObject({ label: 'Out of credits.', tone: 'danger' });
    expect(importStage(job({ result: { status: 'FAILED' } as never })).tone).toBe('danger');
    expect(importStage(job({ state: JobState.Canceled })).label).toBe('Canceled');
  });
});
