import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { contract } from '../../../wailsjs/go/models';
import { JobKind, JobState } from '../../lib/bridge/contract';
import JobOutcome from './JobOutcome.svelte';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'downloadSHA256', 'cancelSHA256', 'copyText',
])));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const SUM = 'a'.repeat(32) + 'b'.repeat(32);
const download = (extra: Partial<contract.JobView> = {}): contract.JobView =>
  ({ id: 7, kind: JobKind.Download, state: JobState.Done, scope: 'default', name: 'VI1.mp4', tags: [], created: 1, updated: 2,
    attempts: 1, result: { path: '/home/me/VI1.mp4', bytes: 5 << 20, fingerprint: 'f'.repeat(32) }, nextSlotMs: 0, ...extra }) as contract.JobView;

describe('the SHA-256 of a finished download', () => {
  beforeEach(() => vi.resetAllMocks());

  it('is computed only when asked, then shown selectable and copyable', async () => {
    mocked.downloadSHA256.mockResolvedValue(SUM);
    mocked.copyText.mockResolvedValue(true);
    render(JobOutcome, { job: download() });
    expect(mocked.downloadSHA256).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'SHA-256' }));
    expect(mocked.downloadSHA256).toHaveBeenCalledWith(7);
    const field = await screen.findByLabelText('SHA-256 of VI1.mp4');
    expect(field).toHaveValue(SUM);
    expect(field).toHaveAttribute('readonly');
    // The whole sum on screen: a wrapping two-line field, not a 20-character one with a tooltip.
    expect(field.tagName).toBe('TEXTAREA');
    expect(field).toHaveAttribute('rows', '2');
    expect(field).not.toHaveAttribute('title');
    expect(field).toHaveFocus(); // selected, so Ctrl+C copies it
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(mocked.copyText).toHaveBeenCalledWith(SUM);
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('shows a sum the job record already keeps, with no computation', () => {
    render(JobOutcome, { job: download({ result: { path: '/home/me/VI1.mp4', bytes: 1, sha256: SUM } } as Partial<contract.JobView>) });
    expect(screen.getByLabelText('SHA-256 of VI1.mp4')).toHaveValue(SUM);
    expect(screen.queryByRole('button', { name: 'SHA-256' })).toBeNull();
  });

  it('can be cancelled while it runs, with no error shown', async () => {
    let reject: (e: unknown) => void = () => {};
    mocked.downloadSHA256.mockReturnValue(new Promise((_, r) => (reject = r)));
    mocked.cancelSHA256.mockImplementation(async () => reject({ code: 'internal', message: 'context canceled' }));
    render(JobOutcome, { job: download() });
    await userEvent.click(screen.getByRole('button', { name: 'SHA-256' }));
    expect(screen.getByRole('status')).toHaveTextContent('Computing SHA-256');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(mocked.cancelSHA256).toHaveBeenCalledWith(7);
    expect(await screen.findByRole('button', { name: 'SHA-256' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the problem when the file changed since the download', async () => {
    mocked.downloadSHA256.mockRejectedValue({ code: 'internal', message: '/home/me/VI1.mp4: the file changed since it was downloaded' });
    render(JobOutcome, { job: download() });
    await userEvent.click(screen.getByRole('button', { name: 'SHA-256' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the file changed since it was downloaded');
  });

  it('is not offered for uploads or unfinished downloads', () => {
    render(JobOutcome, { job: download({ state: JobState.Running }) });
    render(JobOutcome, { job: download({ kind: JobKind.UploadFile, result: { videoNos: ['VI9'] } } as Partial<contract.JobView>) });
    expect(screen.queryByRole('button', { name: 'SHA-256' })).toBeNull();
  });
});
