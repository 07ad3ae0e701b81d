import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newMeta, uploads } from './uploads.svelte';

vi.mock('../bridge', () => ({ bridge: { expandPaths: vi.fn() } }));
const { bridge } = await import('../bridge');

const ok = (path: string) => ({ path, name: path.split('/').pop()!, size: 10, ok: true });
const bad = (path: string) => ({ ...ok(path), ok: false, reason: 'Not a video.', code: 'unsupported_ext' });

describe('uploads store', () => {
  beforeEach(() => {
    uploads.reset();
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
});
