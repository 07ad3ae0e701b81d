import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { main } from '../../../wailsjs/go/models';
import { folderDrop, takePaths } from '../../lib/drop/route';
import { emit } from '../../testing/bridge';
import WatchFolders from './WatchFolders.svelte';
import { waitingText } from './watches';

vi.mock('../../lib/bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'watches', 'watchDefaults', 'addWatchFolder', 'updateWatch', 'removeWatch', 'pauseWatch', 'resumeWatch', 'chooseWatchFolder',
], { onWatchChanged: b.listener('onWatchChanged') })));
const { bridge } = await import('../../lib/bridge');
const mocked = vi.mocked(bridge);

function view(over: Partial<main.WatchView> & { name?: string; paused?: boolean } = {}): main.WatchView {
  const name = over.name ?? 'Recordings';
  return {
    config: { name, folder: `/home/me/${name}`, recursive: false, include: ['*.mp4'], exclude: ['.*'], scope: '', tags: [],
      after: 'keep', deleteConfirmed: false, settleMs: 10000, paused: !!over.paused, created: 1 },
    stats: { seen: 3, uploaded: 1, duplicates: 0, waiting: 480, skipped: 1, failed: 0, lastActivity: 1_700_000_000_000,
      refused: [{ path: 'notes.mp4', reason: 'it is not a video' }] },
    state: over.paused ? 'paused' : 'running', error: '', folders: 1, limit: '', problem: '',
    uploadEveryMs: 60_000, etaMs: 480 * 60_000, ...over,
  } as main.WatchView;
}

const item = (name: string) => screen.getByRole('listitem', { name: `Watch ${name}` });

beforeEach(() => {
  vi.clearAllMocks();
  mocked.watchDefaults.mockResolvedValue({ config: { include: ['*.mp4', '*.mov'], exclude: ['.*'] }, deleteWord: 'DELETE',
    uploadedDir: 'Uploaded' } as never);
});

describe('WatchFolders', () => {
  it('lists each watch with its figures, the honest ETA and why files were skipped', async () => {
    mocked.watches.mockResolvedValue([view()]);
    render(WatchFolders);
    const row = await screen.findByRole('listitem', { name: 'Watch Recordings' });
    expect(row).toHaveTextContent('Watching');
    expect(row).toHaveTextContent('3 seen · 1 uploaded · 480 waiting — about 8 h at 1 upload a minute · 1 skipped');
    expect(row).toHaveTextContent('1 folder watched live');
    expect(row).toHaveTextContent('This folder only · settles 10 s · after upload keeps each file');
    expect(row).toHaveTextContent('notes.mp4: it is not a video');
  });

  it('reads the list again when the backend says a watch changed, without polling', async () => {
    mocked.watches.mockResolvedValue([view()]);
    render(WatchFolders);
    await screen.findByRole('listitem', { name: 'Watch Recordings' });
    mocked.watches.mockResolvedValue([view({ stats: { ...view().stats, uploaded: 2, waiting: 0 } as never })]);
    emit('onWatchChanged', 'Recordings');
    await waitFor(() => expect(item('Recordings')).toHaveTextContent('2 uploaded · 0 waiting ·'));
    expect(mocked.watches).toHaveBeenCalledTimes(2);
  });

  it('adds the folder chosen in the folder dialog', async () => {
    mocked.watches.mockResolvedValue([]);
    mocked.chooseWatchFolder.mockResolvedValue('/home/me/Clips');
    mocked.addWatchFolder.mockResolvedValue({} as never);
    render(WatchFolders);
    expect(await screen.findByText(/No folder is watched yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add folder…' }));
    expect(mocked.addWatchFolder).toHaveBeenCalledWith('/home/me/Clips');
    expect(screen.getByRole('status')).toHaveTextContent('Watching /home/me/Clips.');
  });

  it('says why a folder could not be added', async () => {
    mocked.watches.mockResolvedValue([view()]);
    mocked.chooseWatchFolder.mockResolvedValue('/home/me/Recordings');
    mocked.addWatchFolder.mockRejectedValue({ code: 'internal', message: '/home/me/Recordings is already watched (as ‘Recordings’)' });
    render(WatchFolders);
    await userEvent.click(await screen.findByRole('button', { name: 'Add folder…' }));
    expect(screen.getByRole('status')).toHaveTextContent('already watched (as ‘Recordings’)');
  });

  it('watches a folder dropped on the list, and not one dropped elsewhere', async () => {
    mocked.watches.mockResolvedValue([]);
    mocked.addWatchFolder.mockResolvedValue({} as never);
    render(WatchFolders);
    const list = await screen.findByRole('list', { name: 'Watched folders' });
    expect(folderDrop.take).not.toBeNull();
    const at = { x: 5, y: 5 };
    document.elementFromPoint = vi.fn(() => list);
    await takePaths(['/home/me/Dropped'], at);
    expect(mocked.addWatchFolder).toHaveBeenCalledWith('/home/me/Dropped');
    document.elementFromPoint = vi.fn(() => document.body); // elsewhere: it goes to Upload as before
    await takePaths(['/home/me/Elsewhere'], at);
    expect(mocked.addWatchFolder).toHaveBeenCalledTimes(1);
  });

  it('removes a watch only after a confirmation, and pauses and resumes by keyboard', async () => {
    mocked.watches.mockResolvedValue([view(), view({ name: 'Old', paused: true })]);
    render(WatchFolders);
    const user = userEvent.setup();
    const removeButton = await screen.findByRole('button', { name: 'Remove watch Recordings' });
    await user.click(removeButton);
    let confirm = screen.getByRole('alertdialog', { name: 'Remove the watch ‘Recordings’?' });
    expect(confirm).toHaveAccessibleDescription('Stop watching /home/me/Recordings? Its files and their uploads stay.');
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Escape}'); // Escape keeps it, and the focus goes back to Remove…
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(removeButton).toHaveFocus();
    expect(mocked.removeWatch).not.toHaveBeenCalled();
    await user.click(removeButton);
    confirm = screen.getByRole('alertdialog', { name: 'Remove the watch ‘Recordings’?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove watch' }));
    expect(mocked.removeWatch).toHaveBeenCalledWith('Recordings');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add folder…' })).toHaveFocus());

    screen.getByRole('button', { name: 'Pause watch Recordings' }).focus();
    await user.keyboard('{Enter}');
    expect(mocked.pauseWatch).toHaveBeenCalledWith('Recordings');
    expect(item('Old')).toHaveTextContent('Paused');
    screen.getByRole('button', { name: 'Resume watch Old' }).focus();
    await user.keyboard(' ');
    expect(mocked.resumeWatch).toHaveBeenCalledWith('Old');
  });

  it('edits a watch; deleting uploaded files needs the typed word', async () => {
    mocked.watches.mockResolvedValue([view()]);
    mocked.updateWatch.mockImplementation(async (w) => w);
    render(WatchFolders);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit watch Recordings' }));
    const dialog = screen.getByRole('dialog', { name: 'Watch ‘Recordings’' });
    expect(within(dialog).getByRole('checkbox', { name: /Watch subfolders too/ })).toHaveFocus();
    await user.keyboard(' ');
    await user.clear(within(dialog).getByLabelText('Settle time (seconds)'));
    await user.type(within(dialog).getByLabelText('Settle time (seconds)'), '2');
    await user.type(within(dialog).getByLabelText('Tags of the uploads'), 'cam{Enter}');
    await user.click(within(dialog).getByRole('button', { name: /Use the default patterns/ }));
    expect(within(dialog).getByLabelText('Upload files matching')).toHaveValue('*.mp4 *.mov');
    await user.click(within(dialog).getByRole('radio', { name: /Delete it/ }));
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type DELETE to allow deleting'), 'DELETE');
    await user.click(save);
    expect(mocked.updateWatch).toHaveBeenCalledWith(expect.objectContaining({ name: 'Recordings', recursive: true, settleMs: 2000,
      tags: ['cam'], after: 'delete', include: ['*.mp4', '*.mov'] }), 'DELETE');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Saved ‘Recordings’.');
  });

  it('closes the editor on Escape without saving', async () => {
    mocked.watches.mockResolvedValue([view()]);
    render(WatchFolders);
    const user = userEvent.setup();
    const edit = await screen.findByRole('button', { name: 'Edit watch Recordings' });
    await user.click(edit);
    expect(screen.getByRole('dialog', { name: 'Watch ‘Recordings’' })).toHaveAttribute('aria-modal', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(edit).toHaveFocus();
    expect(mocked.updateWatch).not.toHaveBeenCalled();
  });
});

describe('waitingText', () => {
  it.each([
    [0, 60_000, '0 waiting'],
    [480, 60_000, '480 waiting — about 8 h at 1 upload a minute'],
    [25, 60_000, '25 waiting — about 25 min at 1 upload a minute'],
    [90, 60_000, '90 waiting — about 1.5 h at 1 upload a minute'],
    [480, 0, '480 waiting'],
  ])('%i files at one per %i ms: %s', (n, every, want) => {
    expect(waitingText(view({ stats: { ...view().stats, waiting: n } as never, uploadEveryMs: every, etaMs: n * every }))).toBe(want);
  });
});
