import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nav } from '../../lib/stores/nav.svelte';
import { toasts } from '../../lib/stores/toasts.svelte';
import { uploads } from '../../lib/stores/uploads.svelte';
import UploadView from './UploadView.svelte';
import { ErrorCode } from '../../lib/bridge/contract';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'getSettings', 'expandPaths', 'uploadRules', 'chooseFiles', 'chooseUploadFolder', 'validateMeta',
  'enqueueUploads', 'findDuplicate',
])));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

const video = (path: string, size = 5 * 1024 * 1024) => ({ path, name: path.split('/').pop()!, size, ok: true });
const skip = (path: string, reason: string, code: string) => ({ ...video(path, 1), ok: false, reason, code });
const scan = {
  files: [video('/home/me/trip/a.mp4'), video('/home/me/trip/b.mov')],
  skipped: [skip('/home/me/trip/notes.txt', 'Only .mp4, .mov, .avi and .mkv videos can be uploaded.', 'unsupported_ext'),
    skip('/home/me/trip/huge.mkv', 'The file is larger than 3 GB.', 'too_large')],
};
const files = () => within(screen.getByRole('list', { name: 'Files to upload' })).queryAllByRole('listitem');

describe('UploadView', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    uploads.reset();
    toasts.items = [];
    nav.go('upload');
    mocked.getSettings.mockResolvedValue({ settings: { scope: 'default' } } as never);
    mocked.validateMeta.mockResolvedValue();
    mocked.expandPaths.mockResolvedValue(structuredClone(scan) as never);
    mocked.findDuplicate.mockImplementation(async (path: string) => ({ path, kind: '', fingerprint: path }) as never);
    mocked.uploadRules.mockResolvedValue({ formats: [], extensions: '.mp4 .mov .webm', maxFileSize: 1 << 30, maxSizeText: '1 GB (not shown: the view words maxFileSize)' } as never);
  });

  it('explains drag-and-drop of files and folders, and the types and size limit the backend names', async () => {
    render(UploadView);
    const zone = screen.getByTestId('drop-zone');
    expect(zone).toHaveTextContent(/folders/);
    await waitFor(() => expect(zone).toHaveTextContent('Supported: .mp4 .mov .webm, up to 1 GB each.'));
    expect(mocked.uploadRules).toHaveBeenCalled();
  });

  it('keeps the browser from opening a dropped file and highlights while dragging over', async () => {
    render(UploadView);
    const zone = screen.getByTestId('drop-zone');
    await fireEvent.dragEnter(zone);
    expect(zone).toHaveClass('over');
    expect(await fireEvent.dragOver(zone)).toBe(false); // false: preventDefault was called
    expect(await fireEvent.drop(zone)).toBe(false);
    expect(zone).not.toHaveClass('over');
  });

  it('lists chosen files with their verdict and the skipped ones with their reason in words', async () => {
    mocked.chooseFiles.mockResolvedValue(['/home/me/trip']);
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    expect(mocked.expandPaths).toHaveBeenCalledWith(['/home/me/trip']);
    await waitFor(() => expect(files()).toHaveLength(2));
    expect(files()[0]).toHaveTextContent('a.mp4');
    expect(files()[0]).toHaveTextContent('/home/me/trip');
    expect(files()[0]).toHaveTextContent('5.0 MB');
    expect(files()[0]).toHaveTextContent('✓');
    const skipped = screen.getByText('Skipped (2)').closest('details')!;
    expect(skipped).toHaveTextContent('The file is larger than 3 GB.');
    expect(skipped).toHaveTextContent('Only .mp4, .mov, .avi and .mkv videos can be uploaded.');
    expect(skipped).not.toHaveTextContent('unsupported_ext'); // internal codes stay internal
    expect(skipped).not.toHaveTextContent('too_large');
    expect(screen.getByRole('button', { name: 'Upload 2 videos' })).toBeEnabled();
  });

  // The row paint-contains (content-visibility), which clipped a player inside it to the 80 px
  // row: the player must open outside the list, over the window.
  it('plays a row’s preview in a player over the window, not inside the row', async () => {
    mocked.expandPaths.mockResolvedValue({ files: [{ ...video('/home/me/trip/a.mp4'), preview: '/preview/1/a.mp4' }], skipped: [] } as never);
    mocked.chooseFiles.mockResolvedValue(['/home/me/trip']);
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    await waitFor(() => expect(files()).toHaveLength(1));
    await userEvent.click(within(files()[0]).getByRole('button', { name: 'Play a.mp4' }));
    const player = screen.getByRole('dialog', { name: 'Playing a.mp4' });
    expect(screen.getByRole('list', { name: 'Files to upload' })).not.toContainElement(player);
    expect(player.closest('.backdrop')?.parentElement).toBe(document.body);
    await userEvent.click(within(player).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Playing a.mp4' })).not.toBeInTheDocument();
  });

  it('shows name, folder and Dismiss on every skipped row, a page at a time, in the page’s own flow', async () => {
    const many = Array.from({ length: 130 }, (_, i) => skip(`/home/me/trip/notes-${i}.txt`, 'Only videos can be uploaded.', 'unsupported_ext'));
    mocked.expandPaths.mockResolvedValue({ files: [], skipped: many } as never);
    mocked.chooseFiles.mockResolvedValue(['/home/me/trip']);
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    const list = await screen.findByRole('list', { name: 'Skipped files' });
    let rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(100);
    for (const [i, row] of rows.entries()) {
      expect(row).toHaveTextContent(`notes-${i}.txt`);
      expect(row).toHaveTextContent('/home/me/trip');
      expect(within(row).getByRole('button', { name: `Dismiss notes-${i}.txt` })).toBeInTheDocument();
    }
    expect(list).not.toHaveTextContent('unsupported_ext');
    await userEvent.click(screen.getByRole('button', { name: 'Show 30 more of 30' }));
    rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(130);
    await userEvent.click(within(rows[129]).getByRole('button', { name: 'Dismiss notes-129.txt' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(129);
  });

  it('treats a cancelled dialog as nothing chosen', async () => {
    mocked.chooseFiles.mockResolvedValue(null as never);
    mocked.chooseUploadFolder.mockResolvedValue('');
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Choose folder…' }));
    expect(mocked.expandPaths).not.toHaveBeenCalled();
  });

  it('walks a chosen folder and shows files added by a native drop', async () => {
    mocked.chooseUploadFolder.mockResolvedValue('/home/me/trip');
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Choose folder…' }));
    expect(mocked.expandPaths).toHaveBeenCalledWith(['/home/me/trip']);
    mocked.expandPaths.mockResolvedValue({ files: [video('/elsewhere/c.avi')], skipped: [] } as never);
    await uploads.addPaths(['/elsewhere/c.avi']); // what App.svelte does with a native drop
    await waitFor(() => expect(files()).toHaveLength(3));
  });

  it('opens Choose files on Ctrl+O, but not while a modal dialog is open', async () => {
    mocked.chooseFiles.mockResolvedValue([]);
    render(UploadView);
    await userEvent.keyboard('{Control>}o{/Control}');
    expect(mocked.chooseFiles).toHaveBeenCalledTimes(1);
    const modal = document.body.appendChild(Object.assign(document.createElement('div'), { role: 'dialog' }));
    modal.setAttribute('aria-modal', 'true');
    await userEvent.keyboard('{Control>}o{/Control}');
    expect(mocked.chooseFiles).toHaveBeenCalledTimes(1);
    modal.remove();
  });

  it('removes one file and clears all', async () => {
    await uploads.addPaths(['/home/me/trip']);
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Remove a.mp4' }));
    expect(files()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.queryByRole('list', { name: 'Files to upload' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Skipped/)).not.toBeInTheDocument();
  });

  it('shows a backend field error beside its field and blocks the upload', async () => {
    await uploads.addPaths(['/home/me/trip']);
    mocked.validateMeta.mockImplementation(async (m) => {
      if (m.takenAt) throw { code: ErrorCode.InvalidField, field: 'takenAt', message: 'use the form YYYY-MM-DD HH:MM:SS' };
    });
    render(UploadView);
    const taken = screen.getByLabelText('Capture time');
    await fireEvent.input(taken, { target: { value: '2025-08-12T14:30:05' } });
    const error = await screen.findByText('use the form YYYY-MM-DD HH:MM:SS');
    expect(error).toHaveAttribute('id', 'batch-takenAt-error');
    expect(taken).toHaveAttribute('aria-invalid', 'true');
    expect(taken).toHaveAttribute('aria-describedby', 'batch-takenAt-error');
    expect(screen.getByRole('button', { name: 'Upload 2 videos' })).toBeDisabled();
    expect(mocked.validateMeta).toHaveBeenLastCalledWith(expect.objectContaining({ takenAt: '2025-08-12T14:30:05' }));
  });

  it('sends the batch with one file’s own details, then clears the list and offers Transfers', async () => {
    await uploads.addPaths(['/home/me/trip']);
    mocked.enqueueUploads.mockResolvedValue([{ id: 1 }, { id: 2 }] as never);
    render(UploadView);
    await userEvent.type(screen.getByLabelText('Tags'), 'trip{Enter}');

    await userEvent.click(screen.getByRole('button', { name: 'Edit details for b.mov' }));
    const dialog = screen.getByRole('dialog', { name: 'Details for b.mov' });
    const camera = within(dialog).getByLabelText('Camera model');
    await userEvent.type(camera, 'X100V');
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save details' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(files()[1]).toHaveTextContent('own details');
    expect(files()[0]).not.toHaveTextContent('own details');

    await userEvent.click(screen.getByRole('button', { name: 'Upload 2 videos' }));
    const meta = { scope: 'default', tags: ['trip'], takenAt: '', camera: '', prompt: '', callback: '', retainOriginal: true, fileMeta: true };
    expect(mocked.enqueueUploads).toHaveBeenCalledWith({
      files: [{ path: '/home/me/trip/a.mp4' },
        { path: '/home/me/trip/b.mov', override: { ...meta, camera: 'X100V', retainOriginal: false } }],
      meta,
    });
    expect(await screen.findByRole('status')).toHaveTextContent('2 videos queued');
    expect(toasts.items).toEqual([]); // the banner says it; a toast would be heard twice
    expect(screen.queryByRole('list', { name: 'Files to upload' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open Transfers' }));
    expect(nav.current).toBe('transfers');
  });

  it('closes the details dialog with Escape without saving', async () => {
    await uploads.addPaths(['/home/me/trip']);
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Edit details for a.mp4' }));
    await userEvent.type(within(screen.getByRole('dialog')).getByLabelText('Camera model'), 'Z');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(uploads.overrides).toEqual({});
  });

  it('explains a failed upload with the next step and keeps the list', async () => {
    await uploads.addPaths(['/home/me/trip']);
    mocked.enqueueUploads.mockRejectedValue({ code: ErrorCode.Locked, message: 'The queue database is in use.', next: 'Close the other window and try again.' });
    render(UploadView);
    await userEvent.click(screen.getByRole('button', { name: 'Upload 2 videos' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The queue database is in use.');
    expect(alert).toHaveTextContent('Close the other window and try again.');
    expect(files()).toHaveLength(2);
  });

  it('renders hundreds of files a page at a time', async () => {
    const many = Array.from({ length: 450 }, (_, i) => video(`/big/v${i}.mp4`));
    mocked.expandPaths.mockResolvedValue({ files: many, skipped: [] } as never);
    await uploads.addPaths(['/big']);
    render(UploadView);
    expect(files()).toHaveLength(200);
    expect(screen.getByRole('heading', { name: /450 videos/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show 200 more of 250' }));
    expect(files()).toHaveLength(400);
    expect(screen.getByRole('button', { name: 'Upload 450 videos' })).toBeEnabled();
  });
  it('flags a byte-identical copy in the list and a file already waiting in the queue, each for what it is', async () => {
    mocked.expandPaths.mockResolvedValue({ files: [video('/home/me/trip/a.mp4'), video('/home/me/trip/copy.mp4'),
      video('/home/me/trip/queued.mp4')], skipped: [] } as never);
    mocked.findDuplicate.mockImplementation(async (path: string) => ({ path, jobId: 4,
      kind: path.endsWith('queued.mp4') ? 'queued' : '', fingerprint: path.endsWith('queued.mp4') ? 'q' : 'same' }) as never);
    render(UploadView);
    await uploads.addPaths(['/home/me/trip']);
    await waitFor(() => expect(files()[1]).toHaveTextContent('Same bytes as a.mp4 above'));
    expect(files()[2]).toHaveTextContent('Already waiting in the queue');
    expect(files()[0]).not.toHaveTextContent('Same bytes');
    expect(screen.getByText('1 video already in the queue, 1 video listed twice')).toBeVisible();
  });
});
