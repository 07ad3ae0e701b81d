import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emit } from '../../testing/bridge';
import QuitDialog from './QuitDialog.svelte';

vi.mock('../bridge', (orig) => import('../../testing/bridge').then((b) => b.fakeBridge(orig, [
  'quitNow',
], {
  onQuitRequested: b.listener('onQuitRequested'),
})));
const { bridge } = await import('../bridge');

describe('QuitDialog', () => {
  it('offers Quit and Keep running, not Yes/No', async () => {
    render(QuitDialog);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    emit('onQuitRequested', 3);
    const dialog = await screen.findByRole('alertdialog', { name: '3 transfers are running' });
    expect(dialog).toHaveTextContent('offered for resuming');
    expect(screen.queryByRole('button', { name: 'Yes' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Keep running' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Keep running' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.quitNow).not.toHaveBeenCalled();
    emit('onQuitRequested', 1);
    await userEvent.click(await screen.findByRole('button', { name: 'Quit' }));
    expect(bridge.quitNow).toHaveBeenCalledOnce();
  });
});
