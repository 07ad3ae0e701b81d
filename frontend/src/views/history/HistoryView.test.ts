import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { jobs } from '../../lib/stores/jobs.svelte';
import { toasts } from '../../lib/stores/toasts.svelte';
import { freshStores } from '../../testing/stores';
import HistoryView from './HistoryView.svelte';
import { history } from './history.svelte';
import { ErrorCode, JobKind, JobState } from '../../lib/bridge/contract';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'jobs', 'retryJob', 'revealInFolder', 'exportHistory',
], {
  jobPreview: async () => '',
})));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const job = (id: number, extra: Partial<contract.JobView>): contract.JobView =>
  ({ id, kind: JobKind.UploadFile, state: JobState.Done, scope: 'default', name: `job ${id}`, tags: [], created: 1, updated: 1_700_000_000_000 + id,
    attempts: 1, result: {}, nextSlotMs: 0, ...extra }) as contract.JobView;

const saved = job(3, { kind: JobKind.Download, name: 'VI1.mp4', result: { path: '/home/me/Videos/VI1.mp4', bytes: 5 << 20 } });
const failed = job(2, { kind: JobKind.UploadURL, name: 'https://example.com/a.mp4', state: JobState.Failed,
  error: { code: ErrorCode.NoCredits, message: 'The memories.ai account has run out of credits. Recharge the account, then retry.' } });
const uploaded = job(1, { name: 'beach.mp4', result: { videoNos: ['VI777'], status: 'UNPARSE' } });

const page = (list: contract.JobView[], nextCursor = ''): contract.JobPage => ({ jobs: list, nextCursor }) as contract.JobPage;
const lastQuery = () => mocked.jobs.mock.lastCall![0];
const row = (name: RegExp) => screen.getByRole('listitem', { name });

describe('HistoryView', () => {
  beforeEach(() => {
    freshStores();
    history.reset();
    mocked.jobs.mockResolvedValue(page([saved, failed, uploaded]));
  });

  it('lists jobs newest first with their outcome and failure reason', async () => {
    render(HistoryView);
    expect(await screen.findByText('VI1.mp4')).toBeInTheDocument();
    expect(lastQuery()).toEqual({ kinds: [], states: [], text: '', cursor: '', limit: 100 });
    // The path reads left to right, slash first, the file name in its own never-shortened part.
    const path = within(row(/VI1\.mp4/)).getByTitle('/home/me/Videos/VI1.mp4');
    expect(path.textContent).toBe('/home/me/Videos/VI1.mp4');
    expect(path.querySelector('.file')).toHaveTextContent('/VI1.mp4');
    expect(getComputedStyle(path).direction).not.toBe('rtl');
    expect(within(row(/VI1\.mp4/)).getByText('5.0 MB')).toBeInTheDocument();
    expect(within(row(/a\.mp4/)).getByText(/run out of credits/)).toBeInTheDocument();
    expect(within(row(/beach/)).getByText('VI777')).toBeInTheDocument();
    expect(within(row(/beach/)).getByText('Indexing')).toBeInTheDocument();
    const names = screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));
    expect(names).toEqual(['Download VI1.mp4', 'URL upload https://example.com/a.mp4', 'Upload beach.mp4']);
    // No native tooltip by a preview: WebKitGTK left a blank rectangle on the video where one closed.
    const name = within(row(/beach/)).getByText('beach.mp4').closest('.name')!;
    expect(name).not.toHaveAttribute('title');
    expect(name.querySelectorAll('[title]')).toHaveLength(0);
  });

  it('builds the query from the kind and state filters and the search box', async () => {
    render(HistoryView);
    await screen.findByText('VI1.mp4');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Asset downloads');
    await waitFor(() => expect(lastQuery()).toMatchObject({ kinds: ['download_asset'], states: [] }));
    await userEvent.selectOptions(screen.getByLabelText('State'), 'Queued, running or paused');
    await waitFor(() => expect(lastQuery()).toMatchObject({ kinds: ['download_asset'], states: ['queued', 'running', 'paused'] }));
    await userEvent.type(screen.getByLabelText('Search'), 'VI777');
    await waitFor(() =>
      expect(lastQuery()).toEqual({ kinds: ['download_asset'], states: ['queued', 'running', 'paused'], text: 'VI777', cursor: '', limit: 100 }),
    );
    expect(mocked.jobs.mock.calls.filter((c) => c[0].text && c[0].text !== 'VI777')).toEqual([]);
  });

  it('focuses search on Ctrl+F', async () => {
    render(HistoryView);
    await fireEvent.keyDown(window, { key: 'f', metaKey: true });
    expect(screen.getByLabelText('Search')).toHaveFocus();
  });

  it('shows in folder for a finished download and retries a failed job', async () => {
    mocked.retryJob.mockResolvedValue(undefined);
    mocked.revealInFolder.mockResolvedValue(undefined);
    render(HistoryView);
    await screen.findByText('VI1.mp4');
    expect(within(row(/beach/)).queryByRole('button')).not.toBeInTheDocument();
    expect(within(row(/VI1\.mp4/)).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    await userEvent.click(within(row(/VI1\.mp4/)).getByRole('button', { name: 'Show in folder' }));
    expect(mocked.revealInFolder).toHaveBeenCalledWith('/home/me/Videos/VI1.mp4');
    await userEvent.click(within(row(/a\.mp4/)).getByRole('button', { name: 'Retry' }));
    expect(mocked.retryJob).toHaveBeenCalledWith(2);
  });

  it('tells why a retry failed', async () => {
    mocked.retryJob.mockRejectedValue({ code: ErrorCode.Internal, message: 'job 2 is running', next: 'Wait for it to finish.' });
    render(HistoryView);
    await userEvent.click(within(await screen.findByRole('listitem', { name: /a\.mp4/ })).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(toasts.items).toHaveLength(1));
    expect(toasts.items[0]).toMatchObject({ kind: 'error', detail: 'job 2 is running Wait for it to finish.' });
  });

  it('updates a row when the live queue reports the same job', async () => {
    render(HistoryView);
    await screen.findByText('VI1.mp4');
    jobs.apply(job(2, { ...failed, state: JobState.Running, error: undefined, updated: failed.updated + 5000 }), false);
    await waitFor(() => expect(within(row(/a\.mp4/)).getByText('Running')).toBeInTheDocument());
    expect(within(row(/a\.mp4/)).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.queryByText(/run out of credits/)).not.toBeInTheDocument();
  });

  it('says when it skipped damaged records, and how to repair the database', async () => {
    mocked.jobs.mockResolvedValueOnce({ jobs: [saved], nextCursor: 'c1', damaged: [4] } as contract.JobPage);
    mocked.jobs.mockResolvedValueOnce({ jobs: [uploaded], nextCursor: '', damaged: [2, 4] } as contract.JobPage);
    render(HistoryView);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('1 record could not be read and is left out of this list (job 4)');
    expect(within(alert).getByText('memories doctor --repair')).toBeInTheDocument();
    expect(alert).toHaveTextContent('the damaged file is kept beside the new one');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('2 records could not be read and are left out of this list (job 4, 2)'));
  });

  it('shows no damage notice when every record was read', async () => {
    render(HistoryView);
    await screen.findByText('VI1.mp4');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('loads more with the cursor and appends', async () => {
    mocked.jobs.mockImplementation(async (q) => (q.cursor ? page([job(0, { name: 'oldest.mp4' })]) : page([saved], 'C1')));
    render(HistoryView);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('oldest.mp4')).toBeInTheDocument();
    expect(lastQuery()).toMatchObject({ cursor: 'C1' });
    expect(screen.getByText('VI1.mp4')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('exports to a chosen file, and a cancelled dialog says nothing', async () => {
    mocked.exportHistory.mockResolvedValueOnce('').mockResolvedValueOnce('/home/me/history.csv');
    render(HistoryView);
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    expect(mocked.exportHistory).toHaveBeenCalledTimes(1);
    expect(toasts.items).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(toasts.items).toHaveLength(1));
    expect(toasts.items[0]).toMatchObject({ kind: 'success', text: 'History exported', detail: '/home/me/history.csv' });
  });

  it('offers to clear filters when nothing matches', async () => {
    render(HistoryView);
    await screen.findByText('VI1.mp4');
    mocked.jobs.mockResolvedValue(page([]));
    await userEvent.selectOptions(screen.getByLabelText('State'), 'Interrupted');
    await userEvent.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ states: [], kinds: [], text: '' }));
    expect(screen.getByLabelText('State')).toHaveValue('');
  });
});
