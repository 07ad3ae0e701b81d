import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import VideoReading from './VideoReading.svelte';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'videoPreview', 'videoTranscript', 'videoSummary', 'exportTranscript', 'exportChapters',
])));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const spoken = {
  transcript: { video_no: 'VI1', segments: [{ index: 0, start: 0, end: 5, text: 'look at those waves' }, { index: 1, start: 65, end: 70, text: 'throw the ball' }] },
  fetched: { at: Date.now() - 5 * 60000, cached: true },
};

describe('VideoReading', () => {
  beforeEach(() => vi.resetAllMocks());

  it('lists what is said with times; a line plays the local copy from there; Export… saves the chosen format', async () => {
    mocked.videoPreview.mockResolvedValue('http://127.0.0.1:9/preview/1');
    mocked.videoTranscript.mockResolvedValue(spoken as never);
    mocked.exportTranscript.mockResolvedValue('/home/me/beach.vtt');
    render(VideoReading, { videoNo: 'VI1', name: 'beach.mp4' });
    const line = await screen.findByRole('button', { name: /1:05\s*throw the ball/ });
    expect(screen.getByText('Kept from 5 minutes ago')).toBeInTheDocument();
    await userEvent.click(line);
    const video = await screen.findByLabelText('Playing beach.mp4 from 1:05');
    expect(video.getAttribute('src')).toBe('http://127.0.0.1:9/preview/1#t=65');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export format' }), 'vtt');
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    expect(mocked.exportTranscript).toHaveBeenCalledWith('VI1', 'beach.mp4', 'vtt', false);
    expect(await screen.findByText('Saved /home/me/beach.vtt')).toBeInTheDocument();
  });

  it('fetches each tab once, asks again only on Refresh, and does not retry a failure by itself', async () => {
    mocked.videoPreview.mockResolvedValue('');
    mocked.videoTranscript.mockRejectedValueOnce({ code: 'rate_limited', message: 'Too many requests' }).mockResolvedValue(spoken as never);
    mocked.videoSummary.mockResolvedValue({ summary: { summary: '', items: [{ title: 'Arrival', description: 'at the beach', start: 0, end: 30 }] }, fetched: { at: 0, cached: false } } as never);
    render(VideoReading, { videoNo: 'VI1', name: 'beach.mp4' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests');
    await new Promise((r) => setTimeout(r, 50));
    expect(mocked.videoTranscript).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('look at those waves')).toBeInTheDocument();
    expect(mocked.videoTranscript).toHaveBeenLastCalledWith('VI1', false, true);
    // Without a local copy the lines are text, not buttons.
    expect(screen.queryByRole('button', { name: /look at those waves/ })).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Chapters' }));
    expect(await screen.findByText('Arrival')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Transcript' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Chapters' }));
    await waitFor(() => expect(mocked.videoSummary).toHaveBeenCalledTimes(1));
    expect(mocked.videoTranscript).toHaveBeenCalledTimes(2);
  });

  it('exports the scenes as captions and the chapters as timed cues', async () => {
    mocked.videoPreview.mockResolvedValue('');
    mocked.videoTranscript.mockResolvedValue(spoken as never);
    mocked.videoSummary.mockResolvedValue({ summary: { summary: '', items: [{ title: 'Arrival', description: 'at the beach', start: 0, end: 30 }] }, fetched: { at: 0, cached: false } } as never);
    mocked.exportTranscript.mockResolvedValue('/home/me/beach.srt');
    mocked.exportChapters.mockResolvedValue('/home/me/beach.txt');
    render(VideoReading, { videoNo: 'VI1', name: 'beach.mp4' });
    await userEvent.click(screen.getByRole('tab', { name: 'Scenes' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Export…' }));
    expect(mocked.exportTranscript).toHaveBeenCalledWith('VI1', 'beach.mp4', 'srt', true);
    await userEvent.click(screen.getByRole('tab', { name: 'Chapters' }));
    await screen.findByText('Arrival');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export format' }), 'text');
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    expect(mocked.exportChapters).toHaveBeenCalledWith('VI1', 'beach.mp4', 'text');
    expect(await screen.findByText('Saved /home/me/beach.txt')).toBeInTheDocument();
  });
});
