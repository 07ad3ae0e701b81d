import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../lib/bridge/contract';
import SearchView from './SearchView.svelte';
import { search } from './search.svelte';
import { language } from '../../lib/i18n/i18n.svelte';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'find', 'choosePicture',
], {
  recentSearches: async () => [],
  unindexed: async () => 0,
  keyframeURL: async () => '',
  videoPreview: async () => '',
  onJob: b.listener('onJob'),
})));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const moment = { video_no: 'VI1', video_name: 'beach.mp4', start: 13, end: 18, score: 0.8, text: 'throw the ball to the dog' };

describe('SearchView', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    Object.assign(search, { mode: 'seen', text: '', picture: '', answer: null, error: null, open: null, recent: [], unindexed: 0, busy: false });
  });

  it('sends the mode and filters, lists moments with span and marked words, and says a kept answer is kept', async () => {
    mocked.find.mockResolvedValueOnce({ moments: [moment], at: Date.now() - 5 * 60000, cached: true } as never)
      .mockResolvedValueOnce({ moments: [moment], at: Date.now(), cached: false } as never);
    mocked.unindexed.mockResolvedValue(3);
    render(SearchView);
    await userEvent.click(screen.getByRole('radio', { name: "What's said" }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'the dog{Enter}');
    expect(mocked.find).toHaveBeenCalledWith(expect.objectContaining({ mode: 'said', text: 'the dog', fresh: false }));
    expect(await screen.findByRole('button', { name: 'beach.mp4, 0:13–0:18' })).toBeInTheDocument();
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['the', 'the', 'dog']);
    expect(screen.getByText(/kept answer from 5 minutes ago/)).toBeInTheDocument();
    expect(await screen.findByText('3 videos are still being indexed and are not searchable yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ask again' }));
    expect(mocked.find).toHaveBeenLastCalledWith(expect.objectContaining({ fresh: true }));
    expect(screen.queryByText(/kept answer/)).toBeNull();
  });

  it('says until when searching is rate-limited, and what to do without credits', async () => {
    language.systemLocale = 'en-GB'; // a 24-hour clock
    const at = new Date(2026, 0, 2, 14, 5).getTime();
    mocked.find.mockRejectedValueOnce({ code: ErrorCode.RateLimited, message: 'Too many requests', retryAt: at })
      .mockRejectedValueOnce({ code: ErrorCode.NoCredits, message: 'No credits' });
    render(SearchView);
    const box = screen.getByRole('searchbox', { name: 'Search the library' });
    await userEvent.type(box, 'cake{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Searching is rate-limited until 14:05.');
    await userEvent.type(box, '{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/out of credits \(0402\).*add credits/);
  });

  it('offers recent searches and says when nothing matched', async () => {
    mocked.recentSearches.mockResolvedValue([{ kind: 'phrase', text: 'happy birthday', at: 1 }]);
    mocked.find.mockResolvedValue({ moments: [], at: Date.now(), cached: false } as never);
    render(SearchView);
    await userEvent.click(await screen.findByRole('button', { name: 'happy birthday' }));
    expect(mocked.find).toHaveBeenCalledWith(expect.objectContaining({ mode: 'exact', text: 'happy birthday' }));
    expect(await screen.findByText(/No moments match/)).toBeInTheDocument();
  });

  it('renders an answer of 1,000 moments as a virtual list: only the rows in view exist', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...moment, video_no: `VI${i}`, video_name: `clip-${i}.mp4`, start: i }));
    mocked.find.mockResolvedValueOnce({ moments: many, at: Date.now(), cached: false } as never);
    render(SearchView);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'beach{Enter}');
    expect(await screen.findByText('1,000 moments')).toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'Moments' });
    expect(grid).toHaveAttribute('aria-rowcount', '1000');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(40);
    await userEvent.click(screen.getByRole('button', { name: /^clip-2\.mp4, / }));
    expect(await screen.findByRole('heading', { name: 'clip-2.mp4' })).toBeInTheDocument();
  });

  it('shows a moment with fields missing, and "No picture" for a keyframe that fails or is not an image', async () => {
    const bare = { video_no: 'VI9', start: 13, end: 0, score: 0 };
    const broken = { ...moment, keyframe_bucket: 'b', keyframe_blob: 'VI1/gone.png' };
    const notImage = { ...moment, start: 20, keyframe_bucket: 'b', keyframe_blob: 'VI1/text.png' };
    mocked.find.mockResolvedValueOnce({ moments: [bare, broken, notImage], at: Date.now(), cached: false } as never);
    mocked.keyframeURL.mockImplementation(async (_b, blob) => {
      if (blob === 'VI1/gone.png') throw { code: 'not_found', message: 'Resource does not exist' };
      return 'data:text/plain,not-a-picture';
    });
    render(SearchView);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'dog{Enter}');
    expect(await screen.findByRole('button', { name: 'VI9, 0:13' })).toBeInTheDocument();
    const frames = () => [...document.querySelectorAll('[data-keyframe]')].map((f) => f.getAttribute('data-keyframe'));
    await vi.waitFor(() => expect(frames()).toEqual(['none', 'none', 'shown']));
    document.querySelector('img')!.dispatchEvent(new Event('error')); // what the web view does with bytes that are no picture
    await vi.waitFor(() => expect(frames()).toEqual(['none', 'none', 'none']));
    expect(screen.getAllByText('No picture')).toHaveLength(3);
  });
});
