import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { jobs } from '../../lib/stores/jobs.svelte';
import { toasts } from '../../lib/stores/toasts.svelte';
import { freshStores } from '../../testing/stores';
import { collisions } from '../../lib/stores/collisions.svelte';
import LibraryView from './LibraryView.svelte';
import { library, library as lib } from './library.svelte';
import { Choice, ErrorCode, JobKind, JobState } from '../../lib/bridge/contract';

let libraryChanged: ((scope: string) => void) | null = null;

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'library', 'refreshLibrary', 'deleteVideos', 'deleteSelected', 'downloadSelected', 'videoDetails',
  'downloadVideos', 'downloadVideosTo', 'downloadAsset', 'onLibraryChanged',
], {
  videoPreview: async () => '',
  videoTranscript: async () => ({ fetched: { at: 0, cached: false } }),
  videoSummary: async () => ({ fetched: { at: 0, cached: false } }),
})));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const target = { path: '/home/me/Videos', folder: true, replace: false };
function queued(jobs: contract.JobView[], conflicts: string[] = []) {
  return { jobs, conflicts, target } as never;
}

const video = (i: number, extra: Partial<contract.CachedVideo> = {}): contract.CachedVideo =>
  ({ videoNo: `VI${1000 + i}`, name: `clip ${i}.mp4`, scope: 'default', status: 'PARSE', size: 1024 * 1024 * (i + 1),
    duration: 60 + i, tags: ['trip'], created: Date.UTC(2024, 0, 1 + i), updated: 0, ...extra }) as contract.CachedVideo;

const page = (videos: contract.CachedVideo[], total = videos.length, nextCursor = ''): contract.VideoPage =>
  ({ videos, total, nextCursor }) as contract.VideoPage;

const five = Array.from({ length: 5 }, (_, i) => video(i));
const lastQuery = () => mocked.library.mock.lastCall![0];

describe('LibraryView', () => {
  beforeEach(() => {
    freshStores();
    library.reset();
    mocked.library.mockResolvedValue(page(five, 1234));
    mocked.refreshLibrary.mockResolvedValue({ count: 5, removed: 0 } as never);
    mocked.onLibraryChanged.mockImplementation((cb) => {
      libraryChanged = cb;
      return () => (libraryChanged = null);
    });
  });

  it('loads the cache, refreshes from the server once per session, and shows the total', async () => {
    const first = render(LibraryView);
    expect(await screen.findByText('1,234 videos')).toBeInTheDocument();
    expect(mocked.library).toHaveBeenCalledWith(expect.objectContaining({ sort: 'created_desc', cursor: '', limit: 1000 }));
    await waitFor(() => expect(mocked.refreshLibrary).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('clip 0.mp4')).toBeInTheDocument();
    first.unmount();
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    expect(mocked.refreshLibrary).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(mocked.refreshLibrary).toHaveBeenCalledTimes(2);
  });

  it('shows "Refreshing…" and then a refresh error with its next step', async () => {
    let fail!: (e: unknown) => void;
    mocked.refreshLibrary.mockReturnValue(new Promise((_, reject) => (fail = reject)));
    render(LibraryView);
    expect(await screen.findByText('Refreshing…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeDisabled();
    fail({ code: ErrorCode.Unauthorized, message: 'memories.ai did not accept the API key.', next: 'Open Settings and paste a valid key.' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('memories.ai did not accept the API key.');
    expect(alert).toHaveTextContent('Open Settings and paste a valid key.');
    expect(within(alert).getByRole('button', { name: 'Open Settings' })).toBeInTheDocument();
  });

  it('builds the query from the filters', async () => {
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Ready');
    await waitFor(() => expect(lastQuery()).toMatchObject({ status: 'PARSE', cursor: '' }));
    await userEvent.selectOptions(screen.getByLabelText('Sort'), 'Largest first');
    await waitFor(() => expect(lastQuery()).toMatchObject({ status: 'PARSE', sort: 'size_desc' }));
    // typed as the language writes a day (English: month/day/year), confirmed with Enter
    await userEvent.type(screen.getByLabelText('From'), '03/01/2024{Enter}');
    await userEvent.type(screen.getByLabelText('To'), '3/31/2024{Enter}');
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({ after: new Date(2024, 2, 1).getTime(), before: new Date(2024, 3, 1).getTime() }),
    );
    await userEvent.type(screen.getByLabelText('Tag'), 'trip');
    await userEvent.type(screen.getByLabelText('Search'), 'beach');
    await waitFor(() =>
      expect(lastQuery()).toEqual({ status: 'PARSE', tag: 'trip', text: 'beach', sort: 'size_desc', cursor: '', limit: 1000,
        after: new Date(2024, 2, 1).getTime(), before: new Date(2024, 3, 1).getTime() }),
    );
  });

  it('debounces typing into one query', async () => {
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    const before = mocked.library.mock.calls.length;
    await userEvent.type(screen.getByLabelText('Search'), 'sunset');
    await waitFor(() => expect(lastQuery().text).toBe('sunset'));
    const texts = mocked.library.mock.calls.slice(before).map((c) => c[0].text);
    expect(texts.filter((t) => t !== 'sunset')).toEqual([]);
  });

  it('focuses the search box on Ctrl+F', async () => {
    render(LibraryView);
    await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(screen.getByLabelText('Search')).toHaveFocus();
  });

  it('deletes the selected videos after a confirmation that shows the real count', async () => {
    mocked.deleteVideos.mockResolvedValue(3);
    render(LibraryView);
    await userEvent.click(await screen.findByLabelText('Select clip 0.mp4'));
    await userEvent.click(screen.getByLabelText('Select clip 2.mp4'));
    await userEvent.keyboard('{Shift>}');
    await userEvent.click(screen.getByLabelText('Select clip 3.mp4'));
    await userEvent.keyboard('{/Shift}');
    expect(screen.getByText('3 videos selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 3 videos?' });
    expect(dialog).toHaveTextContent('This cannot be undone.');
    expect(dialog).toHaveTextContent('clip 3.mp4');
    expect(mocked.deleteVideos).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 videos' }));
    expect(mocked.deleteVideos).toHaveBeenCalledWith(['VI1000', 'VI1002', 'VI1003']);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(toasts.items.map((t) => t.text)).toEqual(['Deleted 3 videos']);
    expect(screen.queryByText('clip 2.mp4')).not.toBeInTheDocument();
    expect(screen.getByText('clip 1.mp4')).toBeInTheDocument();
  });

  it('keeps the dialog open and shows the error when deleting fails; Cancel deletes nothing', async () => {
    mocked.deleteVideos.mockRejectedValue({ code: ErrorCode.RateLimited, message: 'memories.ai is limiting calls.', next: 'Wait and retry.' });
    render(LibraryView);
    await userEvent.click(await screen.findByLabelText('Select clip 1.mp4'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete 1 video' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 1 video?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Wait and retry.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toasts.items).toEqual([]);
  });

  it('selects every loaded row with Ctrl+A and asks to delete them with the Delete key', async () => {
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    const grid = screen.getByRole('grid', { name: 'Videos' });
    grid.focus();
    await userEvent.keyboard('{Control>}a{/Control}');
    expect(screen.getByText('5 videos selected')).toBeInTheDocument();
    await userEvent.keyboard('{Delete}');
    expect(screen.getByRole('dialog', { name: 'Delete 5 videos?' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(mocked.deleteVideos).not.toHaveBeenCalled();
  });

  it('select-all selects every matching video, not the loaded page, and bulk actions go by filter', async () => {
    const loaded = Array.from({ length: 1000 }, (_, i) => video(i));
    mocked.library.mockResolvedValue(page(loaded, 20_000, 'next'));
    mocked.deleteSelected.mockResolvedValue(19_999);
    mocked.downloadSelected.mockResolvedValue({ jobs: [], conflicts: [] } as never);
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    lib.filters.status = 'PARSE';
    await userEvent.click(screen.getByLabelText('Select all 20,000 videos'));
    expect(screen.getByText('20,000 videos selected')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Select clip 1.mp4'));
    expect(screen.getByText('19,999 videos selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download…' }));
    const want = { query: expect.objectContaining({ status: 'PARSE', cursor: '' }), except: ['VI1001'], expect: 19_999 };
    expect(mocked.downloadSelected).toHaveBeenCalledWith(want);
    expect(mocked.downloadVideos).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 19,999 videos?' });
    expect(dialog).toHaveTextContent('and 19,994 more videos');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 19,999 videos' }));
    expect(mocked.deleteSelected).toHaveBeenCalledWith(want);
    expect(mocked.deleteVideos).not.toHaveBeenCalled();
  });

  it('shows no toast when the download dialog is cancelled', async () => {
    mocked.downloadVideos.mockResolvedValue(queued([]));
    render(LibraryView);
    await userEvent.click(await screen.findByLabelText('Select clip 4.mp4'));
    await userEvent.click(screen.getByRole('button', { name: 'Download…' }));
    expect(mocked.downloadVideos).toHaveBeenCalledWith(['VI1004']);
    await Promise.resolve();
    expect(toasts.items).toEqual([]);
    expect(screen.queryByText(/queued/)).not.toBeInTheDocument();
  });

  it('announces queued downloads with a way to Transfers', async () => {
    mocked.downloadVideos.mockResolvedValue(queued([{ id: 1 }, { id: 2 }] as contract.JobView[]));
    render(LibraryView);
    await userEvent.click(await screen.findByLabelText('Select clip 0.mp4'));
    await userEvent.click(screen.getByLabelText('Select clip 1.mp4'));
    await userEvent.click(screen.getByRole('button', { name: 'Download…' }));
    expect(mocked.downloadVideos).toHaveBeenCalledWith(['VI1000', 'VI1001']);
    expect(await screen.findByRole('button', { name: 'Open Transfers' })).toBeInTheDocument();
    expect(screen.getByText('2 downloads queued.')).toBeInTheDocument();
    expect(toasts.items).toEqual([]); // the banner says it; a toast would be heard twice
  });

  it('asks once about names taken in the folder, then queues with the choice', async () => {
    mocked.downloadVideos.mockResolvedValue(queued([], ['clip 0.mp4', 'clip 1.mp4']));
    mocked.downloadVideosTo.mockResolvedValue(queued([{ id: 7 }] as contract.JobView[]));
    render(LibraryView);
    await userEvent.click(await screen.findByLabelText('Select clip 0.mp4'));
    await userEvent.click(screen.getByLabelText('Select clip 1.mp4'));
    await userEvent.click(screen.getByRole('button', { name: 'Download…' }));
    await waitFor(() => expect(collisions.asking?.names).toEqual(['clip 0.mp4', 'clip 1.mp4']));
    collisions.asking!.answer(Choice.KeepBoth);
    await waitFor(() => expect(mocked.downloadVideosTo).toHaveBeenCalledWith(['VI1000', 'VI1001'], target, Choice.KeepBoth));
    expect(await screen.findByText('1 download queued.')).toBeInTheDocument();
  });

  it('opens the details drawer on click, downloads from it, and Escape returns focus to the list', async () => {
    mocked.videoDetails.mockResolvedValue({ videoNo: 'VI1002', name: 'clip 2.mp4', status: 'FAILED', cause: 'unsupported codec',
      duration: 62, size: 3 << 20, createTime: Date.UTC(2024, 0, 3), datetimeTaken: 0, cameraModel: 'Pixel 8', tags: ['trip'],
      bucket: '', blob: '', videoUrl: '', resolution: '', fps: 30, width: 1920, height: 1080 } as never);
    mocked.downloadVideos.mockResolvedValue(queued([]));
    render(LibraryView);
    await userEvent.click(await screen.findByText('clip 2.mp4'));
    expect(mocked.videoDetails).toHaveBeenCalledWith('VI1002');
    const drawer = await screen.findByRole('complementary', { name: 'clip 2.mp4' });
    expect(await within(drawer).findByText('1920×1080 · 30 fps')).toBeInTheDocument();
    expect(within(drawer).getByText('Pixel 8')).toBeInTheDocument();
    expect(within(drawer).getByText('Failed')).toHaveAttribute('title', 'unsupported codec');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Download…' }));
    expect(mocked.downloadVideos).toHaveBeenCalledWith(['VI1002']);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'Videos' });
    expect(grid).toHaveFocus();
    expect(grid).toHaveAttribute('aria-activedescendant', 'library-row-row-2');
  });

  // The backend sent unknown coordinates as null (Go's nil pointer) while models.ts types them as
  // optional; `!== undefined` let null through to toFixed(), the render threw and the drawer
  // stayed on "Loading details…" in the real window. The details must show with null too.
  it('shows the details when the server knows no place (null coordinates)', async () => {
    mocked.videoDetails.mockResolvedValue(JSON.parse(`{"videoNo":"VI1002","name":"clip 2.mp4","status":"PARSE",
      "cause":"","duration":5,"size":4575,"createTime":1796419672593,"datetimeTaken":0,"cameraModel":"",
      "latitude":null,"longitude":null,"tags":null,"bucket":"b","blob":"VI1002.mp4","videoUrl":"",
      "resolution":"720P","fps":30,"width":1280,"height":720}`));
    render(LibraryView);
    await userEvent.click(await screen.findByText('clip 2.mp4'));
    const drawer = await screen.findByRole('complementary', { name: 'clip 2.mp4' });
    expect(await within(drawer).findByText('VI1002')).toBeInTheDocument();
    expect(within(drawer).getByText('Ready')).toBeInTheDocument();
    expect(within(drawer).queryByText('Loading details…')).not.toBeInTheDocument();
    expect(within(drawer).queryByText('Location')).not.toBeInTheDocument();
  });

  it('says the details could not be shown when a value cannot be rendered, instead of loading forever', async () => {
    mocked.videoDetails.mockResolvedValue({ videoNo: 'VI1002', name: 'clip 2.mp4', status: 'PARSE',
      cameraModel: Symbol('no text') } as never);
    render(LibraryView);
    await userEvent.click(await screen.findByText('clip 2.mp4'));
    const drawer = await screen.findByRole('complementary', { name: 'clip 2.mp4' });
    expect(await within(drawer).findByText('Could not show the details')).toBeInTheDocument();
    expect(within(drawer).queryByText('Loading details…')).not.toBeInTheDocument();
  });

  it('opens the details with Enter on the active row', async () => {
    mocked.videoDetails.mockReturnValue(new Promise(() => {}));
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    screen.getByRole('grid', { name: 'Videos' }).focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(mocked.videoDetails).toHaveBeenCalledWith('VI1001');
  });

  it('shows the failure cause of a row in its badge title', async () => {
    mocked.library.mockResolvedValue(page([video(0, { status: 'FAILED', cause: 'no video track' }), video(1, { status: 'UNPARSE' })]));
    render(LibraryView);
    expect(await within(screen.getByRole('grid')).findByText('Failed')).toHaveAttribute('title', 'no video track');
    expect(within(screen.getByRole('grid')).getByText('Indexing')).toBeInTheDocument();
  });

  it('reloads on library:changed, at most once a second', async () => {
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    await screen.findByText('Synced with the server');
    const before = mocked.library.mock.calls.length;
    mocked.library.mockResolvedValue(page([video(9)], 1));
    libraryChanged!('default');
    libraryChanged!('default');
    libraryChanged!('default');
    expect(await screen.findByText('clip 9.mp4')).toBeInTheDocument();
    expect(mocked.library.mock.calls.length - before).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(mocked.library.mock.calls.length - before).toBe(2);
  });

  it('reloads when an upload job reports a new server status', async () => {
    render(LibraryView);
    await screen.findByText('clip 0.mp4');
    await screen.findByText('Synced with the server');
    const before = mocked.library.mock.calls.length;
    jobs.apply({ id: 7, kind: JobKind.UploadFile, state: JobState.Running, result: {} } as contract.JobView, false);
    await new Promise((r) => setTimeout(r, 20));
    expect(mocked.library.mock.calls.length).toBe(before);
    jobs.apply({ id: 7, kind: JobKind.UploadFile, state: JobState.Done, result: { videoNos: ['VI9'], status: 'UNPARSE' } } as contract.JobView, false);
    await waitFor(() => expect(mocked.library.mock.calls.length).toBe(before + 1));
  });

  it('loads the next page with the cursor as the list needs it', async () => {
    mocked.library.mockImplementation(async (q) =>
      q.cursor ? page([video(50)], 6) : page(five, 6, 'NEXT'),
    );
    render(LibraryView);
    expect(await screen.findByText('clip 50.mp4')).toBeInTheDocument();
    expect(mocked.library).toHaveBeenCalledWith(expect.objectContaining({ cursor: 'NEXT' }));
  });

  it('points an empty scope to Upload and Import, and empty filters to Clear filters', async () => {
    mocked.library.mockResolvedValue(page([]));
    render(LibraryView);
    // The buttons sit in the message's own block, right beneath it (not at the bottom of the view).
    const empty = (await screen.findByText('No videos in this scope yet')).parentElement!;
    expect(within(empty).getByRole('button', { name: 'Upload files' })).toBeInTheDocument();
    expect(within(empty).getByRole('button', { name: 'Import links' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Failed');
    const none = (await screen.findByText('No videos match these filters')).parentElement!;
    expect(within(none).getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ status: '' }));
    expect(screen.getByLabelText('Status')).toHaveValue('');
  });

  it('downloads an asset by id, and a cancelled save dialog queues nothing', async () => {
    mocked.downloadAsset.mockResolvedValueOnce({} as contract.JobView).mockResolvedValueOnce({ id: 42 } as contract.JobView);
    render(LibraryView);
    await userEvent.click(screen.getByRole('button', { name: 'Download asset…' }));
    const input = screen.getByLabelText('Asset id');
    expect(input).toHaveFocus();
    await userEvent.type(input, 're_657739295220518912{Enter}');
    expect(mocked.downloadAsset).toHaveBeenCalledWith('re_657739295220518912');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(toasts.items).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Download asset…' }));
    await userEvent.type(screen.getByLabelText('Asset id'), 're_1{Enter}');
    expect(await screen.findByText('1 download queued.')).toBeInTheDocument();
  });
});
