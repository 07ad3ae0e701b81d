import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import QuitDialog from './QuitDialog.svelte';

let ask: (n: number) => void = () => {};
vi.mock('../bridge', () => ({
  bridge: {
    quitNow: vi.fn(),
    onQuitRequested: (cb: (n: number) => void) => {
      ask = cb;
      return () => {};
    },
  },
}));
const { bridge } = await import('../bridge');

describe('QuitDialog', () => {
  it('offers Quit and Keep running, not Yes/No', async () => {
    render(QuitDialog);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    ask(3);
    const dialog = await screen.findByRole('alertdialog', { name: '3 transfers are running' });
    expect(dialog).toHaveTextContent('offered for resuming');
    expect(screen.queryByRole('button', { name: 'Yes' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Keep running' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Keep running' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.quitNow).not.toHaveBeenCalled();
    ask(1);
    await userEvent.click(await screen.findByRole('button', { name: 'Quit' }));
    expect(bridge.quitNow).toHaveBeenCalledOnce();
  });
});
