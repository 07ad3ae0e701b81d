import { formatClock } from '../../lib/format';
import { flushSync } from 'svelte';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { jobs } from '../../lib/stores/jobs.svelte';
import { nav } from '../../lib/stores/nav.svelte';
import { toasts } from '../../lib/stores/toasts.svelte';
import { freshStores } from '../../testing/stores';
import { makeJob, makeProgress } from './fixtures';
import TransfersView from './TransfersView.svelte';
import CollisionPrompt from '../../lib/components/CollisionPrompt.svelte';
import Toasts from '../../lib/components/Toasts.svelte';
import { language } from '../../lib/i18n/i18n.svelte';
import { Choice, ErrorCode, JobKind, JobState } from '../../lib/bridge/contract';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'pauseJob', 'resumeJob', 'cancelJob', 'retryJob', 'revealInFolder', 'pauseAll', 'resumeAll', 'retryFailed',
  'jobs', 'interrupted',
])));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

function show(...list: contract.JobView[]) {
  for (const j of list) jobs.apply(j, false);
  flushSync();
}

const rowOf = (name: string) => screen.getByText(name, { selector: '.name' }).closest('li') as HTMLElement;
const stageOf = (row: HTMLElement, which: 'transfer' | 'server') => row.querySelector(`[data-stage="${which}"]`);
const toastTexts = () => toasts.items.map((t) => t.text);

beforeEach(() => {
  freshStores();
  nav.go('transfers');
});

afterEach(() => {
  vi.useRealTimers();
  language.use('en');
});

describe('TransfersView rows', () => {
  it.each([
    [JobKind.UploadFile, JobState.Queued, undefined, 'Queued', 'Then indexing'],
    [JobKind.UploadFile, JobState.Running, undefined, 'Uploading', 'Then indexing'],
    [JobKind.UploadFile, JobState.Paused, undefined, 'Paused', 'Then indexing'],
    [JobKind.UploadFile, JobState.Interrupted, undefined, 'Interrupted', 'Then indexing'],
    [JobKind.UploadFile, JobState.Done, 'UNPARSE', 'Uploaded', 'Indexing'],
    [JobKind.UploadFile, JobState.Done, 'PARSE', 'Uploaded', 'Ready'],
    [JobKind.UploadFile, JobState.Done, 'FAILED', 'Uploaded', 'Failed'],
    [JobKind.UploadURL, JobState.Done, 'UNPARSE', 'Sent', 'Indexing'],
    [JobKind.Import, JobState.Done, 'PENDING', 'Sent', 'Waiting for platform'],
    [JobKind.Import, JobState.Done, 'PARSE', 'Sent', 'Ready'],
    [JobKind.UploadFile, JobState.Failed, undefined, 'Failed', null],
    [JobKind.Import, JobState.Canceled, undefined, 'Canceled', null],
    [JobKind.Download, JobState.Running, undefined, 'Downloading', null],
    [JobKind.DownloadAsset, JobState.Done, undefined, 'Downloaded', null],
  ])('%s %s with server status %s shows %s then %s', (kind, state, status, transfer, server) => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'clip.mp4', kind, state, result: { status } }));
    const row = rowOf('clip.mp4');
    expect(stageOf(row, 'transfer')).toHaveTextContent(`Transfer: ${transfer}`);
    if (server) expect(stageOf(row, 'server')).toHaveTextContent(`Server: ${server}`);
    else expect(stageOf(row, 'server')).toBeNull();
  });

  it('shows the kind label and explains failed indexing', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'a.mp4', kind: JobKind.UploadURL, state: JobState.Done, result: { status: 'FAILED' } }));
    const row = rowOf('a.mp4');
    expect(row).toHaveTextContent('URL upload');
    expect(within(row).getByText(/^Indexing failed:/)).toBeInTheDocument();
  });

  it('names the watch folder a watched upload came from', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'take1.mp4', watch: 'Recordings' }), makeJob({ id: 2, name: 'by-hand.mp4' }));
    expect(rowOf('take1.mp4')).toHaveTextContent('from watch ‘Recordings’');
    expect(rowOf('by-hand.mp4')).not.toHaveTextContent('from watch');
  });

  it('shows the error message with the code behind a Details toggle', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'b.mp4', state: JobState.Failed,
      error: { code: ErrorCode.RateLimited, message: 'memories.ai is busy. Retry in a minute.' } }));
    const row = rowOf('b.mp4');
    expect(within(row).getByText('memories.ai is busy. Retry in a minute.')).toBeVisible();
    expect(within(row).getByText('Details')).toBeInTheDocument();
    expect(within(row).getByText('rate_limited')).not.toBeVisible();
  });

  it('marks an error of an earlier attempt on a job that is trying again', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'c.mp4', state: JobState.Queued, error: { code: ErrorCode.Unreachable, message: 'The connection dropped.' } }));
    expect(within(rowOf('c.mp4')).getByText('Last attempt: The connection dropped.')).toBeInTheDocument();
  });
});

describe('place in line', () => {
  const t0 = 1_800_000_000_000;
  const fake = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: t0 });

  it('shows each waiting job\'s place and start, ticking locally without calling the backend', () => {
    fake();
    render(TransfersView);
    show(makeJob({ id: 1, name: 'a.mp4', state: JobState.Running, place: 1, startsAt: t0 + 40_000 }),
      makeJob({ id: 2, name: 'b.mp4', state: JobState.Queued, place: 2, startsAt: t0 + 100_000 }),
      makeJob({ id: 3, name: 'c.mp4', state: JobState.Queued, place: 3, startsAt: t0 + 160_000 }));
    expect(rowOf('a.mp4')).toHaveTextContent('Next in line, starts in about 0:40');
    expect(rowOf('b.mp4')).toHaveTextContent('2nd in line, starts in about 1:40');
    expect(rowOf('c.mp4')).toHaveTextContent('3rd in line, starts in about 2:40');
    expect(stageOf(rowOf('a.mp4'), 'transfer')).toHaveTextContent('Waiting for slot');
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(rowOf('c.mp4')).toHaveTextContent('3rd in line, starts in about 2:39');
    expect(Object.values(mocked).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it('is the same time when the view is opened again later', () => {
    fake();
    show(makeJob({ id: 1, name: 'd.mp4', state: JobState.Queued, place: 2, startsAt: t0 + 100_000 }));
    const first = render(TransfersView);
    first.unmount();
    vi.advanceTimersByTime(30_000);
    render(TransfersView);
    expect(rowOf('d.mp4')).toHaveTextContent('2nd in line, starts in about 1:10');
  });

  it('never shows a speed while the job waits for its slot', () => {
    fake();
    render(TransfersView);
    show(makeJob({ id: 1, name: 'e.mp4', state: JobState.Running, place: 1, startsAt: t0 + 5_000 }));
    jobs.applyProgress([makeProgress(1, { done: 0, total: 1000, speed: 0, eta: -1 })]);
    flushSync();
    expect(rowOf('e.mp4')).not.toHaveTextContent('B/s');
    expect(stageOf(rowOf('e.mp4'), 'transfer')).not.toHaveTextContent('Uploading');
  });

  it('has no place for a paused job', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'f.mp4', state: JobState.Paused, place: 0, startsAt: 0 }));
    expect(rowOf('f.mp4')).not.toHaveTextContent('in line');
  });
});

describe('progress', () => {
  it('exposes the percentage, bytes, speed and ETA, and follows progress batches', () => {
    const mb = 1024 * 1024;
    render(TransfersView);
    show(makeJob({ id: 7, name: 'g.mp4', state: JobState.Running }));
    jobs.applyProgress([makeProgress(7, { done: 5 * mb, total: 10 * mb, percent: 50, speed: mb, eta: 5 })]);
    flushSync();
    const row = rowOf('g.mp4');
    const bar = within(row).getByRole('progressbar', { name: 'g.mp4 progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(row).toHaveTextContent('5.0 MB of 10 MB · 1.0 MB/s · ETA 0:05');

    jobs.applyProgress([makeProgress(7, { done: 8 * mb, total: 10 * mb, percent: 80, speed: 2 * mb, eta: 1 })]);
    flushSync();
    expect(bar).toHaveAttribute('aria-valuenow', '80');
    expect(row).toHaveTextContent('8.0 MB of 10 MB · 2.0 MB/s · ETA 0:01');
  });

  it('is indeterminate while the total is unknown and gone when done', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'h', kind: JobKind.UploadURL, state: JobState.Running }),
      makeJob({ id: 2, name: 'i.mp4', state: JobState.Done, result: { status: 'PARSE', bytes: 2048 } }));
    jobs.applyProgress([makeProgress(1, { done: 3000, total: -1 })]);
    flushSync();
    expect(within(rowOf('h')).getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    expect(within(rowOf('i.mp4')).queryByRole('progressbar')).toBeNull(); // the badge says it is done
    expect(rowOf('i.mp4')).toHaveTextContent('2.0 kB');
  });
});

describe('row actions', () => {
  it.each([
    [JobState.Queued, 'Pause', 'pauseJob'],
    [JobState.Running, 'Pause', 'pauseJob'],
    [JobState.Paused, 'Resume', 'resumeJob'],
    [JobState.Interrupted, 'Resume', 'resumeJob'],
    [JobState.Queued, 'Cancel', 'cancelJob'],
    [JobState.Failed, 'Retry', 'retryJob'],
    [JobState.Canceled, 'Retry', 'retryJob'],
  ] as const)('%s: %s calls %s with the job id', async (state, label, method) => {
    mocked[method].mockResolvedValue(undefined);
    render(TransfersView);
    show(makeJob({ id: 42, name: 'talk.mp4', state }));
    await userEvent.click(screen.getByRole('button', { name: `${label} talk.mp4` }));
    expect(mocked[method]).toHaveBeenCalledExactlyOnceWith(42);
  });

  it.each([JobState.Running, JobState.Paused, JobState.Interrupted] as const)('%s: Cancel asks first, and Keep sits where Cancel was', async (state) => {
    mocked.cancelJob.mockResolvedValue(undefined);
    render(TransfersView);
    show(makeJob({ id: 42, name: 'talk.mp4', state }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel talk.mp4' }));
    expect(mocked.cancelJob).not.toHaveBeenCalled();
    const buttons = within(rowOf('talk.mp4')).getAllByRole('button');
    expect(buttons.at(-1)).toHaveAccessibleName('Keep talk.mp4');
    await userEvent.click(buttons.at(-1)!);
    expect(mocked.cancelJob).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel talk.mp4' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel talk.mp4' }));
    expect(mocked.cancelJob).toHaveBeenCalledExactlyOnceWith(42);
  });

  it('offers only the actions that apply', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'j.mp4', state: JobState.Running }), makeJob({ id: 2, name: 'k.mp4', state: JobState.Done, result: { status: 'PARSE' } }));
    const names = (row: HTMLElement) => within(row).queryAllByRole('button').map((b) => b.textContent);
    expect(names(rowOf('j.mp4'))).toEqual(['Pause', 'Cancel']);
    expect(names(rowOf('k.mp4'))).toEqual([]);
  });

  it('shows a finished download in its folder', async () => {
    mocked.revealInFolder.mockResolvedValue(undefined);
    render(TransfersView);
    show(makeJob({ id: 3, name: 'VI123.mp4', kind: JobKind.Download, state: JobState.Done, result: { path: '/home/me/VI123.mp4' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Show in folder: VI123.mp4' }));
    expect(mocked.revealInFolder).toHaveBeenCalledWith('/home/me/VI123.mp4');
  });

  it('toasts a refused action with its next step', async () => {
    mocked.resumeJob.mockRejectedValue({ code: ErrorCode.Internal, message: 'This transfer already finished.', next: 'Refresh the list.' });
    render(TransfersView);
    show(makeJob({ id: 4, name: 'l.mp4', state: JobState.Paused }));
    await userEvent.click(screen.getByRole('button', { name: 'Resume l.mp4' }));
    expect(toastTexts()).toEqual(['This transfer already finished. Refresh the list.']);
    expect(screen.getByRole('button', { name: 'Resume l.mp4' })).toBeEnabled();
  });
});

describe('toolbar', () => {
  it.each([
    ['Pause all', 'pauseAll', 3, 'Paused 3 transfers'],
    ['Pause all', 'pauseAll', 0, 'Nothing to pause'],
    ['Resume all', 'resumeAll', 1, 'Resumed 1 transfer'],
    ['Resume all', 'resumeAll', 0, 'Nothing to resume'],
  ] as const)('%s calls %s and toasts %i as "%s"', async (label, method, n, text) => {
    mocked[method].mockResolvedValue(n);
    render(TransfersView);
    await userEvent.click(screen.getByRole('button', { name: label }));
    expect(mocked[method]).toHaveBeenCalledOnce();
    expect(toastTexts()).toEqual([text]);
  });

  it.each([
    [2, 'Retrying 2 failed transfers'],
    [0, 'No failed transfers to retry'],
  ])('Retry all failed queues %i and toasts "%s" without asking when no name is taken', async (n, text) => {
    mocked.retryFailed.mockResolvedValue({ retried: n, taken: [] });
    render(TransfersView);
    await userEvent.click(screen.getByRole('button', { name: 'Retry all failed' }));
    expect(mocked.retryFailed.mock.calls).toEqual([['']]);
    expect(toastTexts()).toEqual([text]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it.each([
    ['Keep both', Choice.KeepBoth, 'Retrying 3 failed transfers'],
    ['Replace', Choice.Replace, 'Retrying 3 failed transfers'],
  ])('Retry all failed asks once for taken names; %s applies "%s" to all', async (button, choice, text) => {
    mocked.retryFailed.mockResolvedValueOnce({ retried: 1, taken: ['clip.mp4', 'clip.mp4'] });
    mocked.retryFailed.mockResolvedValueOnce({ retried: 2, taken: [] });
    render(TransfersView);
    render(CollisionPrompt);
    await userEvent.click(screen.getByRole('button', { name: 'Retry all failed' }));
    const dialog = await screen.findByRole('dialog', { name: '2 files already exist' });
    await userEvent.click(within(dialog).getByRole('button', { name: button }));
    expect(mocked.retryFailed.mock.calls).toEqual([[''], [choice]]);
    expect(toastTexts()).toEqual([text]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Retry all failed leaves taken names alone on Skip', async () => {
    mocked.retryFailed.mockResolvedValue({ retried: 0, taken: ['clip.mp4'] });
    render(TransfersView);
    render(CollisionPrompt);
    await userEvent.click(screen.getByRole('button', { name: 'Retry all failed' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Skip' }));
    expect(mocked.retryFailed.mock.calls).toEqual([['']]);
    expect(toastTexts()).toEqual(['No failed transfers to retry']);
  });

  it('filters by kind and counts each section', async () => {
    render(TransfersView);
    show(
      makeJob({ id: 1, name: 'up.mp4', kind: JobKind.UploadFile, state: JobState.Running }),
      makeJob({ id: 2, name: 'down.mp4', kind: JobKind.Download, state: JobState.Queued }),
      makeJob({ id: 3, name: '3 TikTok links', kind: JobKind.Import, state: JobState.Paused }),
      makeJob({ id: 4, name: 'old.mp4', kind: JobKind.UploadURL, state: JobState.Done, result: { status: 'PARSE' } }),
      makeJob({ id: 5, name: 'gone.mp4', kind: JobKind.Download, state: JobState.Failed }),
    );
    const active = () => screen.getByRole('region', { name: /In progress/ });
    const finished = () => screen.getByRole('region', { name: /Finished recently/ });
    expect(screen.getByRole('heading', { name: 'In progress 3' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Finished recently 2' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Downloads' }));
    expect(within(active()).queryByText('up.mp4')).toBeNull();
    expect(within(active()).getByText('down.mp4')).toBeInTheDocument();
    expect(within(finished()).getByText('gone.mp4')).toBeInTheDocument();
    expect(within(finished()).queryByText('old.mp4')).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: 'Imports' }));
    expect(screen.getByRole('heading', { name: 'In progress 1' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Finished recently/ })).toBeNull();
  });

  it('keeps rows in the order they were queued: Pause and start move nothing', () => {
    render(TransfersView);
    const names = () => Array.from(document.querySelectorAll('section[aria-labelledby="transfers-active"] .name'))
      .map((n) => n.textContent);
    show(makeJob({ id: 1, name: 'first.mp4', state: JobState.Queued }), makeJob({ id: 2, name: 'second.mp4', state: JobState.Running }),
      makeJob({ id: 3, name: 'third.mp4', state: JobState.Queued }));
    expect(names()).toEqual(['first.mp4', 'second.mp4', 'third.mp4']);
    show(makeJob({ id: 2, name: 'second.mp4', state: JobState.Paused }), makeJob({ id: 3, name: 'third.mp4', state: JobState.Running }));
    expect(names()).toEqual(['first.mp4', 'second.mp4', 'third.mp4']);
  });
});

describe('empty state and scale', () => {
  it('points to Upload, Import and Library when nothing is in progress', async () => {
    render(TransfersView);
    expect(screen.getByRole('heading', { name: 'Nothing in progress' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(nav.current).toBe('import');
    await userEvent.click(screen.getByRole('button', { name: 'Library' }));
    expect(nav.current).toBe('library');
  });

  it('keeps 500 rows keyed: a state change moves a row without rebuilding the others', () => {
    render(TransfersView);
    const list = Array.from({ length: 500 }, (_, i) => makeJob({ id: i + 1, name: `bulk-${i + 1}.mp4`, state: JobState.Queued }));
    show(...list);
    expect(screen.getByRole('heading', { name: 'In progress 500' })).toBeInTheDocument();
    const other = rowOf('bulk-10.mp4');
    show(makeJob({ id: 250, name: 'bulk-250.mp4', state: JobState.Running }));
    jobs.applyProgress(list.slice(0, 100).map((j) => makeProgress(j.id, { done: 10, total: 100, percent: 10 })));
    flushSync();
    expect(rowOf('bulk-10.mp4')).toBe(other);
    expect(within(other).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '10');
    const first = document.querySelector('section[aria-labelledby="transfers-active"] .name');
    expect(first).toHaveTextContent('bulk-1.mp4');
  });

  it('the filter is a labelled radio group reachable by keyboard', async () => {
    render(TransfersView);
    const group = screen.getByRole('group', { name: 'Filter by kind' });
    const all = within(group).getByRole('radio', { name: 'All' });
    expect(all).toBeChecked();
    await fireEvent.click(within(group).getByRole('radio', { name: 'Uploads' }));
    expect(within(group).getByRole('radio', { name: 'Uploads' })).toBeChecked();
  });
});

describe('the queue as one batch', () => {
  const mb = 1024 * 1024;
  const downloads = (state: JobState) =>
    Array.from({ length: 8 }, (_, i) => makeJob({ id: i + 1, name: `VI${i}.mp4`, kind: JobKind.Download, state }));

  it('raises one toast when eight downloads finish', () => {
    render(TransfersView);
    show(...downloads(JobState.Running));
    for (const j of downloads(JobState.Done)) jobs.apply(j, true);
    flushSync();
    expect(toastTexts()).toEqual(['8 downloads finished']);
    expect(screen.queryByRole('status', { name: 'Queue summary' })).toBeNull();
  });

  it('names the failures in the same toast', () => {
    render(TransfersView);
    show(...downloads(JobState.Running));
    const end = downloads(JobState.Done);
    end[2] = makeJob({ ...end[2], state: JobState.Failed, error: { code: ErrorCode.Unreachable, message: 'The connection dropped.' } });
    for (const j of end) jobs.apply(j, true);
    expect(toasts.items).toMatchObject([{ kind: 'error', text: '7 downloads finished, 1 failed', detail: 'VI2.mp4: The connection dropped.' }]);
  });

  it('words the batch toast again after a language switch, failures with their newest message', () => {
    render(Toasts);
    render(TransfersView);
    show(...downloads(JobState.Running));
    const end = downloads(JobState.Done);
    end[2] = makeJob({ ...end[2], state: JobState.Failed, error: { code: ErrorCode.NoCredits, message: 'Out of credits.' } });
    for (const j of end) jobs.apply(j, true);
    flushSync();
    expect(screen.getByRole('alert')).toHaveTextContent('7 downloads finished, 1 failed');
    language.use('de');
    jobs.apply({ ...end[2], error: { code: ErrorCode.NoCredits, message: 'Kein Guthaben mehr.' } } as contract.JobView, false); // the queue read again
    flushSync();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('VI2.mp4: Kein Guthaben mehr.');
    expect(alert).not.toHaveTextContent('Out of credits');
    expect(alert).not.toHaveTextContent('downloads finished');
  });

  it('sums the batch in one line: N of M, bytes and time left', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: 1_800_000_000_000 });
    render(TransfersView);
    show(makeJob({ id: 1, name: 'a.mp4', state: JobState.Running }), makeJob({ id: 2, name: 'b.mp4', state: JobState.Queued }),
      makeJob({ id: 3, name: 'c.mp4', state: JobState.Queued }));
    jobs.apply(makeJob({ id: 3, name: 'c.mp4', state: JobState.Done }), true);
    jobs.applyProgress([makeProgress(1, { done: 2 * mb, total: 10 * mb, speed: mb }), makeProgress(3, { done: 4 * mb, total: 4 * mb })]);
    flushSync();
    expect(screen.getByRole('status', { name: 'Queue summary' })).toHaveTextContent('1 of 3 done · 6.0 MB of 14 MB · about 0:08 left');
    expect(toastTexts()).toEqual([]);
  });
});

describe('a job waiting to try again says why and when', () => {
  const t0 = 1_800_000_000_000;
  const kb = 1024;

  it('an outage reads "Retrying in 8 sec (connection refused)", with no speed, ETA or time left', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: t0 });
    render(TransfersView);
    show(makeJob({ id: 1, name: 'down.mp4', state: JobState.Running,
      retry: { at: t0 + 8000, cause: 'connection refused', rateLimited: false, failures: 1, of: 5 } }));
    jobs.applyProgress([makeProgress(1, { done: 0, total: 76 * kb, speed: 0, eta: -1 })]);
    flushSync();
    const row = rowOf('down.mp4');
    expect(stageOf(row, 'transfer')).toHaveTextContent('Retrying');
    expect(row).toHaveTextContent('Retrying in 8 sec (connection refused) · try 2 of 5');
    expect(row).not.toHaveTextContent('B/s');
    expect(row).not.toHaveTextContent('ETA');
    const summary = screen.getByRole('status', { name: 'Queue summary' });
    expect(summary).toHaveTextContent('0 of 1 done · 0 B of 76 kB · Retrying in 8 sec (connection refused)');
    expect(summary).not.toHaveTextContent('left');
    vi.advanceTimersByTime(3000);
    flushSync();
    expect(row).toHaveTextContent('Retrying in 5 sec (connection refused)');
  });

  it('a rate limit reads "Waiting for the service" and the time it ends', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: t0 });
    render(TransfersView);
    const at = t0 + 40_000;
    show(makeJob({ id: 1, name: 'busy.mp4', state: JobState.Running,
      retry: { at, cause: 'rate-limited', rateLimited: true, failures: 0, of: 5 } }));
    const row = rowOf('busy.mp4');
    const hhmm = formatClock(at); // the clock of the language on screen
    expect(stageOf(row, 'transfer')).toHaveTextContent('Waiting for the service');
    expect(row).toHaveTextContent(`Rate-limited until ${hhmm} · tries again in 40 sec`);
    expect(row).not.toHaveTextContent('Failed');
  });

  it('counts every job listed under In progress, paused ones too', () => {
    render(TransfersView);
    show(makeJob({ id: 1, state: JobState.Running }), makeJob({ id: 2, state: JobState.Paused }),
      makeJob({ id: 3, state: JobState.Interrupted }), makeJob({ id: 4, state: JobState.Queued }));
    jobs.apply(makeJob({ id: 4, state: JobState.Done }), true);
    flushSync();
    expect(screen.getByRole('status', { name: 'Queue summary' })).toHaveTextContent('1 of 4 done');
    expect(screen.getByRole('heading', { name: /In progress/ })).toHaveTextContent('In progress 3');
  });
});

describe('events out of order', () => {
  it('a late event about an older record does not bring a finished job back', () => {
    render(TransfersView);
    show(makeJob({ id: 1, name: 'a.mp4', state: JobState.Running, updated: 100 }));
    jobs.apply(makeJob({ id: 1, name: 'a.mp4', state: JobState.Done, updated: 200 }), true);
    jobs.apply(makeJob({ id: 1, name: 'a.mp4', state: JobState.Running, updated: 100, place: 0 }), true);
    flushSync();
    expect(screen.getByRole('heading', { name: /In progress/ })).toHaveTextContent('In progress 0');
    expect(screen.getByRole('heading', { name: /Finished recently/ })).toHaveTextContent('Finished recently 1');
  });
});

describe('a retried job', () => {
  it('does not show the failed attempt’s bytes as sent while it waits again', () => {
    render(TransfersView);
    const kb = 1024;
    show(makeJob({ id: 1, name: 'again.mp4', state: JobState.Failed, updated: 100 }));
    jobs.applyProgress([makeProgress(1, { done: 76 * kb, total: 76 * kb, percent: 100 })]);
    jobs.apply(makeJob({ id: 1, name: 'again.mp4', state: JobState.Queued, updated: 200, place: 1, startsAt: 0 }), true);
    flushSync();
    const row = rowOf('again.mp4');
    expect(row).not.toHaveTextContent('76 kB of 76 kB');
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  });
});
