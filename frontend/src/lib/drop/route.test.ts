import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../bridge/contract';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'expandPaths', 'readLinksFile', 'findDuplicate', 'planLinks',
])));

const { bridge } = await import('../bridge');
const { takePaths, takeText } = await import('./route');
const { nav } = await import('../stores/nav.svelte');
const { uploads } = await import('../stores/uploads.svelte');
const { links } = await import('../stores/links.svelte');
const { toasts } = await import('../stores/toasts.svelte');
const mocked = vi.mocked(bridge);

const verdict = (path: string) => ({ path, name: path.split('/').pop(), size: 1, ok: true }) as never;

describe('where drops go', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    uploads.reset();
    links.reset();
    toasts.items = [];
    nav.go('library');
    mocked.findDuplicate.mockResolvedValue(null);
    mocked.expandPaths.mockImplementation(async (paths: string[]) => ({ files: paths.map(verdict), skipped: [] }) as never);
    mocked.readLinksFile.mockResolvedValue('https://youtu.be/a\nhttps://youtu.be/b');
    mocked.planLinks.mockImplementation(async (text: string) => ({
      links: text.split('\n').filter((l) => l.startsWith('http')), duplicates: [] }) as never);
  });

  it('stages videos and folders in Upload from any view, adding to what is there', async () => {
    await takePaths(['/v/a.mov']);
    nav.go('settings');
    await takePaths(['/v/folder', '/v/a.mov']);
    expect(nav.current).toBe('upload');
    expect(uploads.files.map((f) => f.path)).toEqual(['/v/a.mov', '/v/folder']);
  });

  it('reads link lists into Import, and stays where videos were dropped with them', async () => {
    await takePaths(['/v/links.txt']);
    expect(nav.current).toBe('import');
    expect(links.text).toBe('https://youtu.be/a\nhttps://youtu.be/b');
    await takePaths(['/v/more.csv', '/v/b.mp4']);
    expect(nav.current).toBe('upload');
    expect(links.text.split('\n')).toHaveLength(4);
    expect(mocked.expandPaths).toHaveBeenCalledWith(['/v/b.mp4']);
  });

  it('stays on the view when nothing dropped could be added, says why, and says when a drop fails', async () => {
    nav.go('transfers');
    const pdf = { path: '/v/notes.pdf', name: 'notes.pdf', size: 1, ok: false, reason: 'Only .mp4, .mov, .avi and .mkv videos can be uploaded.', code: 'unsupported_ext' };
    mocked.expandPaths.mockResolvedValueOnce({ files: [], skipped: [pdf] } as never);
    await takePaths(['/v/notes.pdf']);
    expect(nav.current).toBe('transfers');
    expect(toasts.items.at(-1)?.text).toBe('No video added — notes.pdf: Only .mp4, .mov, .avi and .mkv videos can be uploaded.');
    expect(toasts.items.at(-1)?.text).not.toContain('unsupported_ext');
    await takePaths(['/v/a.mov']); // listed in Upload now
    nav.go('transfers');
    await takePaths(['/v/a.mov']);
    expect(nav.current).toBe('transfers');
    expect(toasts.items.at(-1)?.text).toBe('No video added — a.mov is already in the Upload list.');
    mocked.expandPaths.mockRejectedValueOnce({ code: ErrorCode.Internal, message: 'disk gone' });
    await takePaths(['/v/x.mp4']);
    expect(toasts.items.at(-1)).toMatchObject({ kind: 'error', detail: 'disk gone' });
  });

  it('leaves a text file with no links out of Import, stays on Upload and says why', async () => {
    nav.go('upload');
    mocked.readLinksFile.mockResolvedValueOnce('notes\nbring towels');
    await takePaths(['/trip/notes.txt']);
    expect(nav.current).toBe('upload');
    expect(links.text).toBe('');
    expect(toasts.items.at(-1)?.text).toMatch(/^notes\.txt not added — it has no web links/);
  });

  it('puts dropped text and links in the link box', () => {
    links.text = 'https://youtu.be/a';
    takeText('https://youtu.be/c');
    expect(nav.current).toBe('import');
    expect(links.text).toBe('https://youtu.be/a\nhttps://youtu.be/c');
  });
});
