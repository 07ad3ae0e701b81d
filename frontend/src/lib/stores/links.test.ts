import { beforeEach, describe, expect, it, vi } from 'vitest';
import { links } from './links.svelte';

vi.mock('../bridge', () => ({ bridge: { readLinksFile: vi.fn() } }));
const { bridge } = await import('../bridge');

describe('links store', () => {
  beforeEach(() => links.reset());

  it('reads dropped .txt/.csv files into the box, each on its own lines', async () => {
    vi.mocked(bridge.readLinksFile).mockImplementation(async (p) => (p === '/a.txt' ? 'https://a\n\n' : 'https://b'));
    links.text = 'https://first\n';
    await links.appendFiles(['/a.txt', '/b.csv']);
    expect(links.text).toBe('https://first\nhttps://a\nhttps://b');
    expect(bridge.readLinksFile).toHaveBeenCalledTimes(2);
  });

  it('ignores an empty append (a cancelled Open dialog)', () => {
    links.text = 'x';
    links.appendText('');
    expect(links.text).toBe('x');
  });
});
