import { beforeEach, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { status } from '../../lib/stores/status.svelte';
import { library } from './library.svelte';
import { ErrorCode, ConnState } from '../../lib/bridge/contract';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'onStatus',
], {
  library: async () => ({ videos: [], nextCursor: '', total: 0 }),
  refreshLibrary: async () => ({ added: 0, updated: 0, removed: 0 }),
  jobs: async () => ({ jobs: [], nextCursor: '', total: 0 }),
})));
const { bridge } = await import('../../lib/bridge');

const at = (profile: string, mode: string) => ({ profile, mode, scope: 'default' }) as contract.Status;

beforeEach(() => {
  library.reset();
  vi.clearAllMocks();
});

it('forgets the old profile\'s refresh error and list when the profile switches', async () => {
  status.set(at('live-1', 'live'));
  library.refreshError = { code: ErrorCode.Unauthorized, message: 'No usable API key', detail: '' } as never;
  library.videos = [{ videoNo: 'VI1' } as never];
  status.set(at('sandbox', 'sandbox'));
  expect(library.refreshError).toBeNull();
  expect(library.videos).toEqual([]);
  await vi.waitFor(() => expect(bridge.refreshLibrary).toHaveBeenCalledTimes(1));
  expect(bridge.library).toHaveBeenCalled();
});

it('keeps the list when a status update stays in the same profile', () => {
  status.set(at('sandbox', 'sandbox'));
  library.videos = [{ videoNo: 'VI1' } as never];
  status.set({ ...at('sandbox', 'sandbox'), connection: ConnState.Connected } as contract.Status);
  expect(library.videos).toHaveLength(1);
  expect(bridge.refreshLibrary).not.toHaveBeenCalled();
});
