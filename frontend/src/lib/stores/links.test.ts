import { beforeEach, describe, expect, it, vi } from 'vitest';
import { links } from './links.svelte';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'readLinksFile', 'planLinks',
])));
const { bridge } = await import('../bridge');

describe('links store', () => {
  beforeEach(() => {
    links.reset();
    // As the backend plans: every line starting with http is a link, others are problems.
    vi.mocked(bridge.planLinks).mockImplementation(async (text) => ({
      links: text.split('\n').filter((l) => l.startsWith('http')), duplicates: [] }) as never);
  });

  it('reads dropped .txt/.csv files into the box, each on its own lines', async () => {
    vi.mocked(bridge.readLinksFile).mockImplementation(async (p) => (p === '/a.txt' ? 'https://a\n\n' : 'https://b'));
    links.text = 'https://first\n';
    expect(await links.appendFiles(['/a.txt', '/b.csv'])).toEqual({ added: 2, without: [] });
    expect(links.text).toBe('https://first\nhttps://a\nhttps://b');
    expect(bridge.readLinksFile).toHaveBeenCalledTimes(2);
  });

  it('leaves out a text file with no link in it, and names it', async () => {
    vi.mocked(bridge.readLinksFile).mockImplementation(async (p) => (p === '/trip/notes.txt' ? 'notes\nbring towels' : 'https://b'));
    expect(await links.appendFiles(['/trip/notes.txt', '/b.csv'])).toEqual({ added: 1, without: ['notes.txt'] });
    expect(links.text).toBe('https://b');
  });

  it('ignores an empty append (a cancelled Open dialog)', () => {
    links.text = 'x';
    links.appendText('');
    expect(links.text).toBe('x');
  });
});
