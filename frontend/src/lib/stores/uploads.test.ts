import { waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newMeta, uploads } from './uploads.svelte';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'expandPaths', 'findDuplicate',
])));
const { bridge } = await import('../bridge');

const ok = (path: string) => ({ path, name: path.split('/').pop()!, size: 10, ok: true });
const bad = (path: string) => ({ ...ok(path), ok: false, reason: 'Not a video.', code: 'unsupported_ext' });

describe('uploads store', () => {
  beforeEach(() => {
    uploads.reset();
    vi.mocked(bridge.findDuplicate).mockReset().mockResolvedValue(null as never);
  });

  it('compares each new file with earlier uploads once, in the batch scope, and can leave duplicates out', async () => {
    const dup = { path: '/v/b.mp4', kind: 'uploaded', fingerprint: 'f2', videoNo: 'VI7', at: 1_700_000_000_000 };
    vi.mocked(bridge.findDuplicate).mockImplementation(async (path) => (path === '/v/b.mp4' ? dup : { path, kind: '', fingerprint: 'f1' }) as never);
    vi.mocked(bridge.expandPaths).mockResolvedValue({ files: [ok('/v/a.mp4'), ok('/v/b.mp4')], skipped: [] } as never);
    uploads.meta.scope = 'trips';
    await uploads.addPaths(['/v']);
    await waitFor(() => expect(uploads.checking).toBe(0));
    expect(uploads.duplicates).toEqual({ '/v/b.mp4': dup });
    expect(vi.mocked(bridge.findDuplicate).mock.calls).toEqual([['/v/a.mp4', 'trips'], ['/v/b.mp4', 'trips']]);
    await uploads.addPaths(['/v']); // listed already: not read again
    await waitFor(() => expect(uploads.checking).toBe(0));
    expect(bridge.findDuplicate).toHaveBeenCalledTimes(2);
    uploads.removeDuplicates();
    expect(uploads.files.map((f) => f.path)).toEqual(['/v/a.mp4']);
    expect(uploads.duplicates).toEqual({});
  });

  it('flags byte-identical files within the list, and files already waiting in the queue', async () => {
    const fps: Record<string, string> = { '/v/a.mp4': 'same', '/v/copy of a.mp4': 'same', '/v/c.mp4': 'other', '/v/q.mp4': 'q' };
    vi.mocked(bridge.findDuplicate).mockImplementation(async (path) =>
      ({ path, fingerprint: fps[path], kind: path === '/v/q.mp4' ? 'queued' : '', jobId: path === '/v/q.mp4' ? 9 : 0 }) as never);
    vi.mocked(bridge.expandPaths).mockResolvedValue({ files: Object.keys(fps).map(ok), skipped: [] } as never);
    await uploads.addPaths(['/v']);
    await waitFor(() => expect(uploads.checking).toBe(0));
    expect(Object.keys(uploads.duplicates).sort()).toEqual(['/v/copy of a.mp4', '/v/q.mp4']);
    expect(uploads.duplicates['/v/copy of a.mp4']).toMatchObject({ kind: 'batch', of: '/v/a.mp4' });
    expect(uploads.duplicates['/v/q.mp4']).toMatchObject({ kind: 'queued', jobId: 9 });
    uploads.remove('/v/a.mp4'); // the copy is now the only one listed
    expect(Object.keys(uploads.duplicates)).toEqual(['/v/q.mp4']);
  });

  it('forgets a check in flight when the batch is cleared', async () => {
    let answer: (d: unknown) => void = () => {};
    vi.mocked(bridge.findDuplicate).mockImplementation(() => new Promise((r) => (answer = r)) as never);
    vi.mocked(bridge.expandPaths).mockResolvedValue({ files: [ok('/v/a.mp4')], skipped: [] } as never);
    await uploads.addPaths(['/v']);
    expect(uploads.checking).toBe(1);
    uploads.clear();
    answer({ path: '/v/a.mp4', videoNo: 'VI1', at: 1 });
    await Promise.resolve();
    expect(uploads.duplicates).toEqual({});
    expect(uploads.checking).toBe(0);
  });

  it('lists each path once however often it is dropped, and ignores an empty drop', async () => {
    vi.mocked(bridge.expandPaths).mockResolvedValue({ files: [ok('/v/a.mp4'), ok('/v/a.mp4')], skipped: [bad('/v/x.jpg')] } as never);
    await uploads.addPaths(['/v']);
    await uploads.addPaths(['/v']);
    expect(uploads.files.map((f) => f.path)).toEqual(['/v/a.mp4']);
    expect(uploads.skipped.map((f) => f.path)).toEqual(['/v/x.jpg']);
    vi.mocked(bridge.expandPaths).mockClear();
    await uploads.addPaths([]);
    expect(bridge.expandPaths).not.toHaveBeenCalled();
  });

  it('builds the batch with overrides only where set, and forgets a removed file’s override', async () => {
    vi.mocked(bridge.expandPaths).mockResolvedValue({ files: [ok('/a.mp4'), ok('/b.mp4')], skipped: [] } as never);
    await uploads.addPaths(['/a.mp4', '/b.mp4']);
    uploads.meta.tags.push('trip');
    uploads.setOverride('/b.mp4', { ...newMeta('other'), camera: 'X100' });
    expect(uploads.batch()).toEqual({
      files: [{ path: '/a.mp4' }, { path: '/b.mp4', override: { ...newMeta('other'), camera: 'X100' } }],
      meta: { ...newMeta(), tags: ['trip'] },
    });
    uploads.remove('/b.mp4');
    expect(uploads.overrides).toEqual({});
  });

  it('follows the settings scope until the user types another one', () => {
    uploads.seedScope('default');
    expect(uploads.meta.scope).toBe('default');
    uploads.seedScope('work');
    expect(uploads.meta.scope).toBe('work');
    uploads.meta.scope = 'mine';
    uploads.seedScope('home');
    expect(uploads.meta.scope).toBe('mine');
  });

  it('fills the capture details from a single file, keeps what the user typed, and takes them back', async () => {
    const shot = { ...ok('/v/shot.mov'), fileMeta: { takenAt: '2024-06-01 09:15:30', camera: 'Apple iPhone 15 Pro', latitude: 48.8584, longitude: 2.2945 } };
    vi.mocked(bridge.expandPaths).mockResolvedValueOnce({ files: [shot], skipped: [] } as never);
    await uploads.addPaths(['/v/shot.mov']);
    expect(uploads.meta).toMatchObject({ takenAt: '2024-06-01T09:15:30', camera: 'Apple iPhone 15 Pro', latitude: 48.8584, longitude: 2.2945 });
    uploads.meta.camera = 'Mine';
    vi.mocked(bridge.expandPaths).mockResolvedValueOnce({ files: [ok('/v/other.mp4')], skipped: [] } as never);
    await uploads.addPaths(['/v/other.mp4']); // two files: each file's own details are filled by the backend
    expect(uploads.meta).toMatchObject({ takenAt: '', camera: 'Mine', latitude: undefined, longitude: undefined });
    uploads.remove('/v/other.mp4');
    expect(uploads.meta.takenAt).toBe('2024-06-01T09:15:30');
    uploads.meta.fileMeta = false;
    uploads.applyFileDefaults();
    expect(uploads.meta).toMatchObject({ takenAt: '', camera: 'Mine', latitude: undefined });
  });
});
