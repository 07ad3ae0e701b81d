import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { Choice, ErrorCode } from '../bridge/contract';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'retryJob', 'retryDownload',
])));

const { bridge } = await import('../bridge');
const { collisions, retryJob } = await import('./collisions.svelte');
const mocked = vi.mocked(bridge);

const job = (code?: string) => ({ id: 4, name: 'clip.mp4', error: code ? { code, message: 'x' } : undefined }) as contract.JobView;

describe('retrying a download whose name is taken', () => {
  beforeEach(() => vi.clearAllMocks());

  it('asks instead of failing the same way again, and retries with the choice', async () => {
    const done = retryJob(job(ErrorCode.Exists));
    await vi.waitFor(() => expect(collisions.asking?.names).toEqual(['clip.mp4']));
    collisions.asking!.answer(Choice.Replace);
    expect(await done).toBe(true);
    expect(mocked.retryDownload).toHaveBeenCalledWith(4, Choice.Replace);
    expect(mocked.retryJob).not.toHaveBeenCalled();
    expect(collisions.asking).toBeNull();
  });

  it('retries nothing when skipped or dismissed', async () => {
    for (const answer of [Choice.Skip, null] as const) {
      const done = retryJob(job(ErrorCode.Exists));
      collisions.asking!.answer(answer);
      expect(await done).toBe(false);
    }
    expect(mocked.retryDownload).not.toHaveBeenCalled();
  });

  it('retries other failures directly', async () => {
    expect(await retryJob(job(ErrorCode.Unreachable))).toBe(true);
    expect(mocked.retryJob).toHaveBeenCalledWith(4);
    expect(collisions.asking).toBeNull();
  });
});
